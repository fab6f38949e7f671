import Crypto
import JunctionCore

/// The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits.
func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).lowercaseHex
}
