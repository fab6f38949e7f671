import Foundation

/// Reads JSON into `Decodable` values: request bodies, and the documents Junction stores in TEXT columns
/// (written by ``CompactJSONEncoder``). The text is parsed once into a tree that keeps every number's digits,
/// and each value is then read from it. Numbers convert exactly or not at all (an `Int64` never passes
/// through a `Double`), and errors are Foundation's `DecodingError`s with the same coding paths. Foundation's
/// `JSONDecoder` was a seventh of the CPU of an order read, decoding the order's and its lines' documents.
public enum CompactJSONDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(type, parsing: JSONParser(text))
    }

    /// Reads JSON that arrived as bytes, such as a request body.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, parsing: JSONParser(bytes: bytes))
    }

    /// Text that is not JSON fails as `DecodingError.dataCorrupted` at the top, as with Foundation's decoder.
    private static func decode<T: Decodable>(_ type: T.Type, parsing parser: JSONParser<JSONNode>) throws -> T {
        var parser = parser
        let root: JSONNode
        do {
            root = try parser.document()
        } catch let error as JSONSyntaxError {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.description, underlyingError: error))
        }
        return try root.decoded(as: type, path: nil)
    }
}

/// The decoder handed to one value of the tree.
struct JSONNodeDecoder: Decoder {
    let node: JSONNode
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node else { throw node.mismatch([String: Any].self, path: path) }
        return KeyedDecodingContainer(JSONKeyedReader<Key>(members: members, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node else { throw node.mismatch([Any].self, path: path) }
        return JSONUnkeyedReader(items: items, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueReader(node: node, path: path)
    }
}

extension JSONNode {
    /// This value read as `type`: the standard library's leaves and `Decimal` directly, anything else
    /// through its `init(from:)`.
    func decoded<T: Decodable>(as type: T.Type, path: CodingPathNode?) throws -> T {
        if let leaf = type as? any JSONDecodableLeaf.Type { return try leaf.read(self, path: path) as! T }
        if type == Decimal.self { return try decimal(path: path) as! T }
        return try T(from: JSONNodeDecoder(node: self, path: path))
    }

    private func decimal(path: CodingPathNode?) throws -> Decimal {
        guard case .number(let text) = self else { throw mismatch(Decimal.self, path: path) }
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorrupted(.init(codingPath: CodingPathNode.path(path),
                                                    debugDescription: "the number \(text) does not fit a Decimal"))
        }
        return decimal
    }

    /// The error for a value that is not of the type asked for (`null` where a value must be).
    func mismatch(_ type: Any.Type, path: CodingPathNode?) -> DecodingError {
        let context = DecodingError.Context(codingPath: CodingPathNode.path(path),
                                            debugDescription: "expected \(type), found \(kind)")
        return isNull ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }
}

/// A type that is one JSON leaf: a flag, text or a number. The path is built only when an error needs it.
protocol JSONDecodableLeaf {
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> Self
}

extension Bool: JSONDecodableLeaf {
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> Bool {
        guard case .bool(let flag) = node else { throw node.mismatch(Bool.self, path: path()) }
        return flag
    }
}

extension String: JSONDecodableLeaf {
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> String {
        guard case .string(let text) = node else { throw node.mismatch(String.self, path: path()) }
        return text
    }
}

extension Double: JSONDecodableLeaf {
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> Double {
        guard case .number(let text) = node else { throw node.mismatch(Double.self, path: path()) }
        guard let number = Double(text), number.isFinite else { throw node.outOfRange(Double.self, text, path: path()) }
        return number
    }
}

extension Float: JSONDecodableLeaf {
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> Float {
        guard case .number(let text) = node else { throw node.mismatch(Float.self, path: path()) }
        guard let number = Float(text), number.isFinite else { throw node.outOfRange(Float.self, text, path: path()) }
        return number
    }
}

extension FixedWidthInteger {
    /// An integer written as digits, or a whole number written with a fraction or an exponent (`2.0`, `1e3`)
    /// while a `Double` holds it exactly.
    static func read(_ node: JSONNode, path: @autoclosure () -> CodingPathNode?) throws -> Self {
        guard case .number(let text) = node else { throw node.mismatch(Self.self, path: path()) }
        if let exact = Self(text) { return exact }
        guard let number = Double(text), number.rounded() == number, number.magnitude <= 9_007_199_254_740_992,
              let exact = Self(exactly: number) else { throw node.outOfRange(Self.self, text, path: path()) }
        return exact
    }
}

extension Int: JSONDecodableLeaf {}
extension Int8: JSONDecodableLeaf {}
extension Int16: JSONDecodableLeaf {}
extension Int32: JSONDecodableLeaf {}
extension Int64: JSONDecodableLeaf {}
extension UInt: JSONDecodableLeaf {}
extension UInt8: JSONDecodableLeaf {}
extension UInt16: JSONDecodableLeaf {}
extension UInt32: JSONDecodableLeaf {}
extension UInt64: JSONDecodableLeaf {}

extension JSONNode {
    func outOfRange(_ type: Any.Type, _ text: String, path: CodingPathNode?) -> DecodingError {
        .dataCorrupted(.init(codingPath: CodingPathNode.path(path), debugDescription: "the number \(text) does not fit \(type)"))
    }
}
