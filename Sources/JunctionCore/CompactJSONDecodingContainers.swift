/// The members of one object, read by name (see ``CompactJSONDecoder``).
struct JSONKeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: JSONMembers
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var allKeys: [Key] { members.names.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { members.value(of: key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try member(key).decoded(as: type, path: CodingPathNode(key, parent: path))
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
        try present(key)?.decoded(as: type, path: CodingPathNode(key, parent: path))
    }

    private func leaf<Leaf: JSONDecodableLeaf>(_ key: Key) throws -> Leaf {
        try Leaf.read(try member(key), path: CodingPathNode(key, parent: path))
    }

    private func optionalLeaf<Leaf: JSONDecodableLeaf>(_ key: Key) throws -> Leaf? {
        try present(key).map { try Leaf.read($0, path: CodingPathNode(key, parent: path)) }
    }

    /// The member's value unless it is absent or null.
    private func present(_ key: Key) -> JSONNode? {
        guard let node = members.value(of: key.stringValue) else { return nil }
        if case .null = node { return nil }
        return node
    }

    private func member(_ key: Key) throws -> JSONNode {
        guard let node = members.value(of: key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \(key.stringValue)"))
        }
        return node
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONNodeDecoder(node: try member(key), path: CodingPathNode(key, parent: path)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONNodeDecoder(node: try member(key), path: CodingPathNode(key, parent: path)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: "super") }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key.stringValue) }

    private func superDecoder(named name: String) throws -> any Decoder {
        JSONNodeDecoder(node: members.value(of: name) ?? .null, path: path)
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
        guard case .null = try next(Any.self, advancing: false) else { return false }
        position.index += 1
        return true
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = itemPath
        return try next(type).decoded(as: type, path: path)
    }

    func leaf<Leaf: JSONDecodableLeaf>(_ type: Leaf.Type) throws -> Leaf {
        let index = currentIndex
        return try Leaf.read(try next(type), path: path(at: index))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = itemPath
        return try JSONNodeDecoder(node: try next([String: Any].self), path: path).container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = itemPath
        return try JSONNodeDecoder(node: try next([Any].self), path: path).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let path = itemPath
        return JSONNodeDecoder(node: try next(Any.self), path: path)
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

    func decodeNil() -> Bool {
        if case .null = node { return true }
        return false
    }

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
