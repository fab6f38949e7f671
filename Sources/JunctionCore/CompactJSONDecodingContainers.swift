/// The members of one object, read by name (see ``CompactJSONDecoder``).
struct JSONKeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: JSONMembers
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var allKeys: [Key] { members.names.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { members.value(of: key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try member(key).decoded(as: type, path: path(to: key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try leaf(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try leaf(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try leaf(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try leaf(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try leaf(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try leaf(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try leaf(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try leaf(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try leaf(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try leaf(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try leaf(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try leaf(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try leaf(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try leaf(key) }

    // An absent or null member is nil; the protocol's defaults would look the member up twice first.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalLeaf(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalLeaf(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalLeaf(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalLeaf(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalLeaf(key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key)?.decoded(as: type, path: path(to: key))
    }

    private func leaf<Leaf: JSONDecodableLeaf>(_ key: Key) throws -> Leaf {
        try Leaf.read(try member(key), path: path(to: key))
    }

    private func optionalLeaf<Leaf: JSONDecodableLeaf>(_ key: Key) throws -> Leaf? {
        try present(key).map { try Leaf.read($0, path: path(to: key)) }
    }

    /// The member's value unless it is absent or null.
    private func present(_ key: Key) -> JSONNode? {
        guard let node = members.value(of: key.stringValue), !node.isNull else { return nil }
        return node
    }

    private func member(_ key: Key) throws -> JSONNode {
        guard let node = members.value(of: key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \(key.stringValue)"))
        }
        return node
    }

    private func path(to key: Key) -> CodingPathNode { CodingPathNode(key, parent: path) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONNodeDecoder(node: try member(key), path: path(to: key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONNodeDecoder(node: try member(key), path: path(to: key)).unkeyedContainer()
    }

    /// A decoder for the member `super` (null when absent).
    func superDecoder() throws -> any Decoder {
        JSONNodeDecoder(node: members.value(of: "super") ?? .null, path: path)
    }

    /// A decoder for the member `key` (null when absent).
    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONNodeDecoder(node: members.value(of: key.stringValue) ?? .null, path: path(to: key))
    }
}

/// The items of one array, read in order (see ``CompactJSONDecoder``). The position is kept in a box so that
/// reading an item needs no `mutating` (the leaves are shared with ``JSONSingleValueReader``).
struct JSONUnkeyedReader: UnkeyedDecodingContainer, JSONLeafDecoding {
    let items: [JSONNode]
    let path: CodingPathNode?
    private let position = ArrayPosition()

    init(items: [JSONNode], path: CodingPathNode?) {
        self.items = items
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var count: Int? { items.count }
    var currentIndex: Int { position.index }
    var isAtEnd: Bool { currentIndex >= items.count }

    func decodeNil() throws -> Bool {
        guard try next(Any.self, advancing: false).isNull else { return false }
        position.index += 1
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let item = try nextDecoder(type)
        return try item.node.decoded(as: type, path: item.path)
    }

    func leaf<Leaf: JSONDecodableLeaf>(_ type: Leaf.Type) throws -> Leaf {
        let index = currentIndex
        return try Leaf.read(try next(type), path: path(at: index))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder([String: Any].self).container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder([Any].self).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try nextDecoder(Any.self) }

    /// A decoder for the item at the current position, stepping past it.
    private func nextDecoder(_ type: Any.Type) throws -> JSONNodeDecoder {
        let path = itemPath
        return JSONNodeDecoder(node: try next(type), path: path)
    }

    private var itemPath: CodingPathNode { path(at: currentIndex) }

    private func path(at index: Int) -> CodingPathNode { CodingPathNode(JSONIndexKey(intValue: index), parent: path) }

    /// The item at the current position, stepping past it unless told not to; past the end, the error for a
    /// value of `type` that is not there.
    private func next(_ type: Any.Type, advancing: Bool = true) throws -> JSONNode {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: CodingPathNode.path(itemPath), debugDescription: "the array has ended"))
        }
        defer { if advancing { position.index += 1 } }
        return items[currentIndex]
    }
}

/// Where a ``JSONUnkeyedReader`` has got to.
private final class ArrayPosition {
    var index = 0
}

/// A value read as one leaf (see ``CompactJSONDecoder``).
struct JSONSingleValueReader: SingleValueDecodingContainer, JSONLeafDecoding {
    let node: JSONNode
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    func decodeNil() -> Bool { node.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try node.decoded(as: type, path: path) }

    func leaf<Leaf: JSONDecodableLeaf>(_ type: Leaf.Type) throws -> Leaf { try Leaf.read(node, path: path) }
}

/// Containers that read the standard library's leaves one way whatever their type: the array's next item,
/// or the single value.
protocol JSONLeafDecoding {
    func leaf<Leaf: JSONDecodableLeaf>(_ type: Leaf.Type) throws -> Leaf
}

extension JSONLeafDecoding {
    func decode(_ type: Bool.Type) throws -> Bool { try leaf(type) }
    func decode(_ type: String.Type) throws -> String { try leaf(type) }
    func decode(_ type: Double.Type) throws -> Double { try leaf(type) }
    func decode(_ type: Float.Type) throws -> Float { try leaf(type) }
    func decode(_ type: Int.Type) throws -> Int { try leaf(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try leaf(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try leaf(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try leaf(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try leaf(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try leaf(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try leaf(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try leaf(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try leaf(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try leaf(type) }
}
