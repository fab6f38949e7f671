/// Why a text is not JSON, and where.
struct JSONSyntaxError: Error, CustomStringConvertible {
    var offset: Int
    var reason: String
    var description: String { "not JSON at byte \(offset): \(reason)" }
}

/// A tree that ``JSONParser`` builds: one case per kind of JSON value.
protocol JSONTree {
    static var null: Self { get }
    static func bool(_ flag: Bool) -> Self
    /// A number from its text, which follows JSON's grammar.
    static func number(text: ArraySlice<UInt8>) -> Self?
    static func string(_ text: String) -> Self
    static func array(_ items: [Self]) -> Self
    /// An object from its members in the order written (a name may repeat).
    static func object(names: [String], values: [Self]) -> Self
}

/// Reads JSON text (RFC 8259) straight into a tree, byte by byte: a ``JSONValue`` for stored event details
/// and partner settings (decoding one through `Decodable` has to guess each value's kind by trying one
/// container type after another, and every wrong guess costs a thrown error), or the tree
/// ``CompactJSONDecoder`` reads request bodies and stored documents from.
struct JSONParser<Tree: JSONTree> {
    private let bytes: [UInt8]
    private var index = 0
    /// How deeply arrays and objects may nest before the text is refused (the parser recurses).
    static var maximumDepth: Int { 512 }

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Text that arrived as bytes (a request body); a string that is not UTF-8 is refused.
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The one value the whole text holds (white space around it allowed).
    mutating func document() throws -> Tree {
        skipSpace()
        let value = try self.value(depth: 0)
        skipSpace()
        guard index == bytes.count else { throw failure("text after the value") }
        return value
    }

    private mutating func value(depth: Int) throws -> Tree {
        guard depth < Self.maximumDepth else { throw failure("nested more than \(Self.maximumDepth) deep") }
        guard index < bytes.count else { throw failure("a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func object(depth: Int) throws -> Tree {
        index += 1
        var names: [String] = [], values: [Tree] = []
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(names: names, values: values) }
        repeat {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("a member name was expected") }
            names.append(try string())
            skipSpace()
            guard take(UInt8(ascii: ":")) else { throw failure("':' was expected") }
            skipSpace()
            values.append(try value(depth: depth + 1))
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { throw failure("',' or '}' was expected") }
        return .object(names: names, values: values)
    }

    private mutating func array(depth: Int) throws -> Tree {
        index += 1
        var items: [Tree] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        repeat {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { throw failure("',' or ']' was expected") }
        return .array(items)
    }

    /// A string value; `index` is at its opening quote.
    private mutating func string() throws -> String {
        index += 1
        var unescaped: [UInt8] = []
        while true {
            // Runs without escapes are copied in one piece; most strings are a single run.
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                guard bytes[index] >= 0x20 else { throw failure("a control character in a string") }
                index += 1
            }
            guard index < bytes.count else { throw failure("a string is not closed") }
            if bytes[index] == UInt8(ascii: "\""), unescaped.isEmpty {
                // A string without escapes is made from its bytes where they lie.
                index += 1
                return try text(bytes[start..<(index - 1)])
            }
            unescaped.append(contentsOf: bytes[start..<index])
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                return try text(unescaped[...])
            }
            index += 1
            guard index < bytes.count else { throw failure("a string is not closed") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"): unescaped.append(contentsOf: try unicodeEscape())
            default: throw failure("an unknown escape")
            }
        }
    }

    private func text(_ utf8: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("a string that is not UTF-8") }
        return text
    }

    /// The UTF-8 bytes of a `\uXXXX` escape (and of its low surrogate's escape, when it starts a pair).
    private mutating func unicodeEscape() throws -> [UInt8] {
        var scalar = try hexQuad()
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("a lone high surrogate")
            }
            index += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("a high surrogate without its low one") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("a lone low surrogate")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("not a Unicode scalar") }
        return Array(String(Character(unicode)).utf8)
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("four hex digits were expected") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("four hex digits were expected")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number, following JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws -> Tree {
        let start = index
        _ = take(UInt8(ascii: "-"))
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a value was expected") }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
        if take(UInt8(ascii: ".")) {
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a digit was expected after '.'") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a digit was expected in the exponent") }
            skipDigits()
        }
        guard let number = Tree.number(text: bytes[start..<index]) else { throw failure("a number out of range") }
        return number
    }

    private mutating func literal(_ word: String) throws {
        let expected = word.utf8
        guard index + expected.count <= bytes.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            throw failure("a value was expected")
        }
        index += expected.count
    }

    /// Steps over `byte` when it comes next.
    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func failure(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }
}

extension JSONValue: JSONTree {
    static func number(text: ArraySlice<UInt8>) -> JSONValue? {
        guard let number = Double(String(decoding: text, as: UTF8.self)), number.isFinite else { return nil }
        return .number(number)
    }

    /// A repeated name keeps its first value, as Foundation's decoder does.
    static func object(names: [String], values: [JSONValue]) -> JSONValue {
        var fields: [String: JSONValue] = Dictionary(minimumCapacity: names.count)
        for (name, value) in zip(names, values) where fields[name] == nil { fields[name] = value }
        return .object(fields)
    }
}
