import Crypto
import Foundation
import JunctionCore

/// Signs outbound bodies for partners that set a `signingSecret`: HMAC-SHA256 over `"{timestamp}.{body}"`,
/// sent as `X-Junction-Signature: sha256=<hex>` with `X-Junction-Timestamp` (epoch milliseconds).
public enum MessageSigner {
    public static let signatureHeader = "X-Junction-Signature"
    public static let timestampHeader = "X-Junction-Timestamp"

    /// The signature header's value for `body` sent at `timestamp`.
    public static func signature(secret: String, timestamp: Int64, body: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + Array(code).lowercaseHex
    }
}
