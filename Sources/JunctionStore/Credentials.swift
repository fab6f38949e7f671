import Crypto
import Foundation
import JunctionCore
import NIOPosix

/// Secrets at rest: PBKDF2-HMAC-SHA256 with a random salt, written as `pbkdf2-sha256$rounds$salt$hash`.
/// The 20,000 rounds take milliseconds of CPU (much more in a debug build), so callers use the `async`
/// forms, which run on NIO's blocking thread pool: a burst of logins or wrong passwords must not hold the
/// few cooperative threads every request shares, nor the SQLite writer.
enum Credentials {
    static let rounds = 20_000

    /// A new random secret for a partner: 32 hex characters (128 bits).
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.lowercaseHex
    }

    static func hash(_ secret: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { hashNow(secret) }
    }

    static func verify(_ secret: String, against stored: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { verifyNow(secret, against: stored) }
    }

    private static func hashNow(_ secret: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let derived = pbkdf2(Array(secret.utf8), salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    private static func verifyNow(_ secret: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return false }
        let derived = pbkdf2(Array(secret.utf8), salt: Array(salt), rounds: rounds)
        guard derived.count == expected.count else { return false }
        return zip(derived, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// PBKDF2 with HMAC-SHA256, one 32-byte block.
    static func pbkdf2(_ password: [UInt8], salt: [UInt8], rounds: Int) -> [UInt8] {
        let key = SymmetricKey(data: password)
        var block = Array(HMAC<SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
        var result = block
        for _ in 1..<max(1, rounds) {
            block = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
            for index in result.indices { result[index] ^= block[index] }
        }
        return result
    }

    /// A fast fingerprint of a presented secret, used only as an in-memory cache key.
    static func fingerprint(_ username: String, _ secret: String) -> String {
        sha256Hex("\(username)\u{0}\(secret)")
    }
}
