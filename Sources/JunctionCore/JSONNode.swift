/// A parsed JSON value that keeps each number's text, so that it can be read exactly as whichever numeric
/// type is asked for, and each object's members in the order written (see ``CompactJSONDecoder``).
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object(JSONMembers)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// What kind of value this is, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONNode: JSONTree {
    static func number(text: ArraySlice<UInt8>) -> JSONNode? { .number(String(decoding: text, as: UTF8.self)) }

    static func object(names: [String], values: [JSONNode]) -> JSONNode {
        .object(JSONMembers(names: names, values: values))
    }
}

/// An object's members in the order written, each name once: a repeated name keeps its first value, as
/// Foundation's decoder does. A small object (a stored document's few dozen members at most) is searched
/// from the start, which is sooner than hashing; a larger one gets an index, so that reading every member of
/// a large object (a request may hold one with thousands) stays linear.
struct JSONMembers {
    let names: [String]
    let values: [JSONNode]
    private let index: [String: Int]?
    private static let largestScanned = 16

    init(names: [String], values: [JSONNode]) {
        if names.count <= Self.largestScanned, !names.indices.contains(where: { names[..<$0].contains(names[$0]) }) {
            self.names = names
            self.values = values
            index = nil
            return
        }
        var index: [String: Int] = Dictionary(minimumCapacity: names.count)
        var kept: [String] = [], keptValues: [JSONNode] = []
        for (name, value) in zip(names, values) where index[name] == nil {
            index[name] = kept.count
            kept.append(name)
            keptValues.append(value)
        }
        self.names = kept
        self.values = keptValues
        self.index = index
    }

    /// The value of `name`, if the object has it.
    func value(of name: String) -> JSONNode? {
        if let index { return index[name].map { values[$0] } }
        return names.firstIndex(of: name).map { values[$0] }
    }
}
