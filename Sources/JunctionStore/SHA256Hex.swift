import Crypto
import JunctionCore

/// The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits.
func sha256Hex(_ text: String) -> String {
    sha256Hex(Array(text.utf8))
}

/// The SHA-256 of `bytes`, as 64 lower-case hex digits.
func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).lowercaseHex
}
