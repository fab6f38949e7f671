import Foundation

/// The members of one object, written as they are encoded (see ``CompactJSONEncoder``).
struct JSONKeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: JSONOutput
    /// The depth of this object's members.
    let depth: Int
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    mutating func encodeNil(forKey key: Key) throws {
        output.beginMember(key.stringValue, at: depth)
        output.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        output.beginMember(key.stringValue, at: depth)
        try output.write(value, path: CodingPathNode(key, parent: path))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try leaf(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try leaf(value, key) }

    // Absent optionals are skipped here rather than by the protocol's default, which hands present ones
    // to the generic `encode` (a type check per leaf and a coding path built for each).
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { try leaf(value, key) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { try leaf(value, key) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if let value { try leaf(value, key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { try leaf(value, key) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { if let value { try leaf(value, key) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    /// A leaf member, written without the generic path.
    private func leaf<Leaf: JSONLeaf>(_ value: Leaf, _ key: Key) throws {
        output.beginMember(key.stringValue, at: depth)
        try value.write(to: output, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        output.beginMember(key.stringValue, at: depth)
        return KeyedEncodingContainer(JSONKeyedWriter<NestedKey>(
            output: output, depth: output.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: depth),
            path: CodingPathNode(key, parent: path)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        output.beginMember(key.stringValue, at: depth)
        return JSONUnkeyedWriter(output: output, depth: output.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: depth),
                                 path: CodingPathNode(key, parent: path))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// An encoder for the member `name`; the value it is given must be encoded before the next member.
    private func superEncoder(named name: String) -> any Encoder {
        output.beginMember(name, at: depth)
        return JSONValueEncoder(output: output, depth: depth, path: path)
    }
}

/// The items of one array, written as they are encoded (see ``CompactJSONEncoder``).
struct JSONUnkeyedWriter: UnkeyedEncodingContainer, JSONLeafEncoding {
    let output: JSONOutput
    /// The depth of this array's items.
    let depth: Int
    let path: CodingPathNode?
    private(set) var count = 0

    init(output: JSONOutput, depth: Int, path: CodingPathNode?) {
        self.output = output
        self.depth = depth
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    /// Begins the next item; returns its index.
    @discardableResult
    private mutating func nextItem() -> Int {
        output.beginMember(at: depth)
        count += 1
        return count - 1
    }

    /// Begins the next item; returns the path to it.
    private mutating func beginItem() -> CodingPathNode { itemPath(nextItem()) }

    private func itemPath(_ index: Int) -> CodingPathNode {
        CodingPathNode(JSONIndexKey(intValue: index), parent: path)
    }

    mutating func encodeNil() throws {
        nextItem()
        output.writeNull()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = nextItem()
        // The path is built only if the value's encoding needs it.
        try output.write(value, path: itemPath(index))
    }

    /// A leaf item, written without the generic path.
    mutating func leaf<Leaf: JSONLeaf>(_ value: Leaf) throws {
        nextItem()
        try value.write(to: output, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let itemPath = beginItem()
        return KeyedEncodingContainer(JSONKeyedWriter<NestedKey>(
            output: output, depth: output.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), at: depth), path: itemPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let itemPath = beginItem()
        return JSONUnkeyedWriter(output: output, depth: output.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), at: depth),
                                 path: itemPath)
    }

    /// An encoder for the next item; the value it is given must be encoded before the next item.
    mutating func superEncoder() -> any Encoder {
        let itemPath = beginItem()
        return JSONValueEncoder(output: output, depth: depth, path: itemPath)
    }
}

/// Containers that write the standard library's leaves one way whatever their type: the array's next item,
/// or the single value.
protocol JSONLeafEncoding {
    mutating func leaf<Leaf: JSONLeaf>(_ value: Leaf) throws
}

extension JSONLeafEncoding {
    mutating func encode(_ value: Bool) throws { try leaf(value) }
    mutating func encode(_ value: String) throws { try leaf(value) }
    mutating func encode(_ value: Double) throws { try leaf(value) }
    mutating func encode(_ value: Float) throws { try leaf(value) }
    mutating func encode(_ value: Int) throws { try leaf(value) }
    mutating func encode(_ value: Int8) throws { try leaf(value) }
    mutating func encode(_ value: Int16) throws { try leaf(value) }
    mutating func encode(_ value: Int32) throws { try leaf(value) }
    mutating func encode(_ value: Int64) throws { try leaf(value) }
    mutating func encode(_ value: UInt) throws { try leaf(value) }
    mutating func encode(_ value: UInt8) throws { try leaf(value) }
    mutating func encode(_ value: UInt16) throws { try leaf(value) }
    mutating func encode(_ value: UInt32) throws { try leaf(value) }
    mutating func encode(_ value: UInt64) throws { try leaf(value) }
}

/// A value that is one JSON leaf (see ``CompactJSONEncoder``).
struct JSONSingleValueWriter: SingleValueEncodingContainer, JSONLeafEncoding {
    let output: JSONOutput
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    mutating func encodeNil() throws { output.writeNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try output.write(value, path: path) }

    func leaf<Leaf: JSONLeaf>(_ value: Leaf) throws { try value.write(to: output, path: path) }
}

/// The standard library's JSON leaves: flags, text and numbers.
protocol JSONLeaf {
    func write(to output: JSONOutput, path: CodingPathNode?) throws
}

extension Bool: JSONLeaf {
    func write(to output: JSONOutput, path: CodingPathNode?) { output.writeBool(self) }
}

extension String: JSONLeaf {
    func write(to output: JSONOutput, path: CodingPathNode?) { output.writeString(self) }
}

extension Double: JSONLeaf {
    func write(to output: JSONOutput, path: CodingPathNode?) throws { try output.writeFloatingPoint(self, path: path) }
}

extension Float: JSONLeaf {
    func write(to output: JSONOutput, path: CodingPathNode?) throws { try output.writeFloatingPoint(self, path: path) }
}

extension FixedWidthInteger {
    func write(to output: JSONOutput, path: CodingPathNode?) { output.writeInteger(self) }
}

extension Int: JSONLeaf {}
extension Int8: JSONLeaf {}
extension Int16: JSONLeaf {}
extension Int32: JSONLeaf {}
extension Int64: JSONLeaf {}
extension UInt: JSONLeaf {}
extension UInt8: JSONLeaf {}
extension UInt16: JSONLeaf {}
extension UInt32: JSONLeaf {}
extension UInt64: JSONLeaf {}
