import Foundation

/// Writes `Encodable` values as compact JSON straight into bytes, member by member in the order the value
/// encodes them: the document `JSONEncoder` gives (with `.withoutEscapingSlashes`, keys unsorted), without
/// the tree `JSONEncoder` builds and walks first, which makes answers and stored documents several times
/// cheaper to write.
///
/// An object or array is closed when its owner writes its next member or finishes, so a value must encode
/// its members one after another, as synthesized `Codable` conformances do. `Decimal`, `URL`, `Date` and
/// `Data` are written the way `JSONEncoder` writes them by default.
public enum CompactJSONEncoder {
    /// `value` as UTF-8 JSON text; with `sortedKeys` every object's members are in key order, so that
    /// dictionaries (whose order differs from process to process) always give the same text.
    public static func bytes<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> [UInt8] {
        let output = JSONOutput(sortedKeys: sortedKeys)
        try output.write(value, path: nil)
        return output.bytes
    }

    /// `value` as JSON text (see ``bytes(_:sortedKeys:)``).
    public static func string<T: Encodable>(_ value: T, sortedKeys: Bool = false) throws -> String {
        String(decoding: try bytes(value, sortedKeys: sortedKeys), as: UTF8.self)
    }
}

/// The text being written and the objects and arrays open in it.
///
/// Its two buffers are only ever used by the one encoding call that made them, so they opt out of the
/// run-time exclusivity check, which cost about a third of encoding time (a thread-local access-set update
/// around every append).
final class JSONOutput {
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Open objects and arrays, innermost last.
    @exclusivity(unchecked) private var open: [OpenContainer] = []
    private let sortedKeys: Bool

    /// An object or array being written: the byte that closes it, whether it has a member yet and, when
    /// keys are sorted, where each of its members begins.
    private struct OpenContainer {
        var closer: UInt8
        var empty = true
        var members: [(key: String, start: Int)] = []
    }

    init(sortedKeys: Bool) {
        self.sortedKeys = sortedKeys
        bytes.reserveCapacity(1024)
    }

    var depth: Int { open.count }

    /// Closes what is open deeper than `depth`.
    func close(downTo depth: Int) {
        while open.count > depth {
            let container = open.removeLast()
            if container.members.count > 1 { sortMembers(container.members) }
            bytes.append(container.closer)
        }
    }

    /// Rewrites the members of the object being closed in key order.
    private func sortMembers(_ members: [(key: String, start: Int)]) {
        let ranges = members.indices.map { index in
            // A member runs up to the comma before the next one.
            (key: members[index].key, range: members[index].start..<(index + 1 < members.count ? members[index + 1].start - 1 : bytes.count))
        }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(bytes.count - members[0].start)
        for (index, member) in ranges.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { sorted.append(UInt8(ascii: ",")) }
            sorted.append(contentsOf: bytes[member.range])
        }
        bytes.replaceSubrange(members[0].start..., with: sorted)
    }

    /// Opens an object (`{`) or array (`[`) as the value at `depth`; returns the depth of its members.
    func openContainer(_ opener: UInt8, _ closer: UInt8, at depth: Int) -> Int {
        close(downTo: depth)
        bytes.append(opener)
        open.append(OpenContainer(closer: closer))
        return open.count
    }

    /// Begins the next member of the container whose members are at `depth`.
    func beginMember(at depth: Int) {
        close(downTo: depth)
        if open[depth - 1].empty { open[depth - 1].empty = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    /// Begins the member `key` of the object whose members are at `depth`.
    func beginMember(_ key: String, at depth: Int) {
        beginMember(at: depth)
        if sortedKeys { open[depth - 1].members.append((key, bytes.count)) }
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func writeNull() { bytes.append(contentsOf: "null".utf8) }

    /// One byte of JSON syntax, for writers that lay out their own objects and arrays.
    func writeByte(_ byte: UInt8) { bytes.append(byte) }

    /// Text that is already JSON (a number's digits).
    func writeRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    func writeBool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }

    func writeInteger<I: FixedWidthInteger>(_ number: I) { bytes.append(contentsOf: String(number).utf8) }

    /// A finite number in its shortest exact form, a whole one without `.0`, as `JSONEncoder` writes it.
    func writeFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ number: F, path: CodingPathNode?) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: path?.codingPath ?? [],
                                                           debugDescription: "\(number) is not a JSON number"))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                writeEscape(utf8[index])
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
        case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
        case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: #"\u00"#.utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }

    /// Writes any value: the common leaves directly, anything else through its `encode(to:)`. The path is
    /// built only for a value that needs it (one that encodes itself, or a number that cannot be written).
    func write<T: Encodable>(_ value: T, path: @autoclosure () -> CodingPathNode?) throws {
        if T.self == String.self {
            writeString(value as! String)
        } else if T.self == Int.self {
            writeInteger(value as! Int)
        } else if T.self == Int64.self {
            writeInteger(value as! Int64)
        } else if T.self == Bool.self {
            writeBool(value as! Bool)
        } else if T.self == Double.self {
            try writeFloatingPoint(value as! Double, path: path())
        } else if T.self == Decimal.self {
            bytes.append(contentsOf: (value as! Decimal).description.utf8)
        } else if T.self == URL.self {
            writeString((value as! URL).absoluteString)
        } else if T.self == Date.self {
            try writeFloatingPoint((value as! Date).timeIntervalSinceReferenceDate, path: path())
        } else if T.self == Data.self {
            writeString((value as! Data).base64EncodedString())
        } else {
            let depth = open.count, start = bytes.count
            try value.encode(to: JSONValueEncoder(output: self, depth: depth, path: path()))
            close(downTo: depth)
            if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }  // encoded nothing: an empty object
        }
    }
}

/// Where a value sits in the document, kept as a chain so that it costs nothing until an error asks for it.
final class CodingPathNode {
    let key: any CodingKey
    let parent: CodingPathNode?

    init(_ key: any CodingKey, parent: CodingPathNode?) {
        self.key = key
        self.parent = parent
    }

    var codingPath: [any CodingKey] { (parent?.codingPath ?? []) + [key] }

    static func path(_ node: CodingPathNode?) -> [any CodingKey] { node?.codingPath ?? [] }
}

/// An array index as a coding key, for paths into unkeyed containers.
struct JSONIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// The encoder handed to one value: it writes the value at `depth` as an object, an array or a single value.
final class JSONValueEncoder: Encoder {
    let output: JSONOutput
    let depth: Int
    let path: CodingPathNode?
    /// The depth of the members of the object or array this value opened, when it opened one.
    private var membersDepth: Int?

    init(output: JSONOutput, depth: Int, path: CodingPathNode?) {
        self.output = output
        self.depth = depth
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedWriter<Key>(output: output, depth: opened(UInt8(ascii: "{"), UInt8(ascii: "}")), path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedWriter(output: output, depth: opened(UInt8(ascii: "["), UInt8(ascii: "]")), path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueWriter(output: output, path: path)
    }

    /// Opens this value's object or array, or gives the one it already opened when asked again.
    private func opened(_ opener: UInt8, _ closer: UInt8) -> Int {
        if let membersDepth, output.depth >= membersDepth { return membersDepth }
        let depth = output.openContainer(opener, closer, at: depth)
        membersDepth = depth
        return depth
    }
}
