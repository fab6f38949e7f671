import Foundation
import SQLKit

/// The result column names of one prepared statement, shared by all the rows it returns.
final class SQLiteColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    func position(of name: String) -> Int? { positions[name] }
}

/// One result row, decoded column by column through SQLKit's `SQLRow`.
struct SQLiteRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        do {
            return try SQLiteValueDecoder.decode(D.self, from: value)
        } catch let error as DecodingError {
            throw SQLiteDecodingError(column: column, type: "\(D.self)", value: value, underlying: error)
        }
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let position = columns.position(of: column) else {
            throw SQLiteDecodingError(column: column, type: "column", value: .null, underlying: nil)
        }
        return values[position]
    }
}

/// A column that is missing or does not hold the type asked for.
struct SQLiteDecodingError: Error, CustomStringConvertible {
    var column: String
    var type: String
    var value: SQLiteValue
    var underlying: DecodingError?

    var description: String {
        underlying == nil ? "no column \(column) in the result" : "column \(column) holds \(value), not a \(type)"
    }
}

/// Decodes one stored value as a Swift type: numbers, text, bytes, flags stored as 0/1, optionals,
/// raw-value enums, and JSON text for structured types.
struct SQLiteValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLiteValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func decode<D: Decodable>(_ type: D.Type, from value: SQLiteValue) throws -> D {
        switch value {
        case .integer(let int):
            if D.self == Int64.self { return int as! D }
            if D.self == Int.self { return Int(int) as! D }
        case .text(let text):
            if D.self == String.self { return text as! D }
        case .blob(let bytes):
            if D.self == [UInt8].self { return bytes as! D }
            if D.self == Data.self { return Data(bytes) as! D }
        default: break
        }
        do {
            return try D(from: SQLiteValueDecoder(value: value))
        } catch is NotASingleValue {
            guard case .text(let json) = value else { throw mismatch(D.self, value) }
            return try JSONDecoder().decode(D.self, from: Data(json.utf8))
        }
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { self }
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw NotASingleValue() }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NotASingleValue() }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch value {
        case .integer(let int): return int != 0
        case .text(let text) where text == "true" || text == "false": return text == "true"
        default: throw Self.mismatch(type, value)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .text(let text): return text
        case .integer(let int): return String(int)
        case .real(let double): return String(double)
        default: throw Self.mismatch(type, value)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .real(let double): return double
        case .integer(let int): return Double(int)
        default: throw Self.mismatch(type, value)
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(type, from: value) }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard case .integer(let int) = value, let converted = I(exactly: int) else { throw Self.mismatch(type, value) }
        return converted
    }

    private static func mismatch(_ type: Any.Type, _ value: SQLiteValue) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "stored value \(value)"))
    }
}

/// The type asked for is not a single value; structured types are read from JSON text.
private struct NotASingleValue: Error {}
