import Foundation

/// Any JSON value, kept as sent (used for free-form maps such as `channelMetadata`).
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }

    /// The text of a string value, or the JSON text of a number or flag.
    public var stringValue: String? {
        switch self {
        case .string(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }
}

extension JSONValue {
    /// Reads JSON text; throws for text that is not JSON.
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser<JSONValue>(text)
        return try parser.document()
    }

    /// Reads JSON text that must hold an object, and returns its members.
    public static func parseObject(_ text: String) throws -> [String: JSONValue] {
        guard case .object(let fields) = try parse(text) else {
            throw JSONSyntaxError(offset: 0, reason: "an object was expected")
        }
        return fields
    }
}

extension JSONValue {
    /// The value of `key` when this is an object that has it.
    public func field(_ key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The elements when this is an array, else none.
    public var items: [JSONValue] {
        if case .array(let values) = self { return values }
        return []
    }

    /// The text when this is a string.
    public var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
