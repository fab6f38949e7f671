import CSQLite3
import Foundation

/// A value as SQLite stores it.
enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null

    /// The value of a bound parameter: the common types directly, anything else through its `Encodable`
    /// single value (an `Optional` that is `nil` becomes NULL).
    ///
    /// A bind arrives as an existential; opening it here lets the common types be told by comparing `T`,
    /// one pointer comparison each, where a chain of `as?` casts from the existential cost ~240 ns a value
    /// (~50 ns this way), and a batch of creates binds thousands.
    init<T: Encodable>(binding value: T) throws {
        if T.self == String.self { self = .text(value as! String) }
        else if T.self == Int64.self { self = .integer(value as! Int64) }
        else if T.self == Int.self { self = .integer(Int64(value as! Int)) }
        else if T.self == String?.self { self = (value as! String?).map(SQLiteValue.text) ?? .null }
        else if T.self == Int64?.self { self = (value as! Int64?).map(SQLiteValue.integer) ?? .null }
        else { self = try Self.converting(value) }
    }

    /// Every other type: the known ones by cast (which also unwraps an `Optional` of any of them), then
    /// anything `Encodable` through its single value.
    private static func converting(_ value: any Encodable) throws -> SQLiteValue {
        switch value {
        case let string as String: return .text(string)
        case let int as Int: return .integer(Int64(int))
        case let int as Int64: return .integer(int)
        case let int as Int32: return .integer(Int64(int))
        case let bool as Bool: return .integer(bool ? 1 : 0)
        case let double as Double: return .real(double)
        case let bytes as [UInt8]: return .blob(bytes)
        case let data as Data: return .blob(Array(data))
        default:
            let encoder = SingleValueCapture()
            try value.encode(to: encoder)
            return encoder.value ?? .null
        }
    }

    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .integer(let value): return sqlite3_bind_int64(statement, index, value)
        case .real(let value): return sqlite3_bind_double(statement, index, value)
        case .text(let value):
            return value.withCString { sqlite3_bind_text(statement, index, $0, Int32(value.utf8.count), sqliteTransient) }
        case .blob(let bytes):
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob(statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), sqliteTransient)
            }
        case .null: return sqlite3_bind_null(statement, index)
        }
    }

    /// The values of the row the statement stands on.
    static func row(of statement: OpaquePointer) -> [SQLiteValue] {
        let count = sqlite3_column_count(statement)
        var values: [SQLiteValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(statement, column)))
            case SQLITE_TEXT:
                let length = Int(sqlite3_column_bytes(statement, column))
                let text = sqlite3_column_text(statement, column).map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                } ?? ""
                values.append(.text(text))
            case SQLITE_BLOB:
                let length = Int(sqlite3_column_bytes(statement, column))
                let bytes = sqlite3_column_blob(statement, column).map {
                    Array(UnsafeRawBufferPointer(start: $0, count: length))
                } ?? []
                values.append(.blob(bytes))
            default: values.append(.null)
            }
        }
        return values
    }
}

/// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// An encoder that accepts one single value, for binding types the fast path does not know.
private final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
    var value: SQLiteValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        preconditionFailure("only single values can be bound to SQLite parameters")
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("only single values can be bound to SQLite parameters")
    }

    func encodeNil() { value = .null }
    func encode(_ value: Bool) { self.value = .integer(value ? 1 : 0) }
    func encode(_ value: String) { self.value = .text(value) }
    func encode(_ value: Double) { self.value = .real(value) }
    func encode(_ value: Float) { self.value = .real(Double(value)) }
    func encode(_ value: Int) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int8) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int16) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int32) { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) { self.value = .integer(value) }
    func encode(_ value: UInt) { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt8) { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt16) { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt32) { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt64) { self.value = .integer(Int64(bitPattern: value)) }
    func encode<T: Encodable>(_ value: T) throws { self.value = try SQLiteValue(binding: value) }
}
