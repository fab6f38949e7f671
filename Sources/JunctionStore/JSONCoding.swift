import Foundation
import JunctionCore

/// JSON documents kept in TEXT columns, and the canonical form requests are fingerprinted by.
enum JSONCoding {
    /// The value as a JSON document to store.
    static func string<T: Encodable>(_ value: T) throws -> String {
        try CompactJSONEncoder.string(value)
    }

    /// A fingerprint of the value that does not depend on key order: the same request sent again, however
    /// its JSON was laid out, has the same fingerprint.
    static func fingerprint<T: Encodable>(_ value: T) throws -> String {
        sha256Hex(try CompactJSONEncoder.bytes(value, sortedKeys: true))
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try CompactJSONDecoder.decode(type, from: text)
    }
}
