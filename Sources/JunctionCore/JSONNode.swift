/// A parsed JSON value that keeps each number's text, so that it can be read exactly as whichever numeric
/// type is asked for, and each object's members in the order written (see ``CompactJSONDecoder``).
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object(JSONMembers)

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
/// Foundation's decoder does.
struct JSONMembers {
    let names: [String]
    let values: [JSONNode]

    init(names: [String], values: [JSONNode]) {
        guard Self.hasRepeats(names) else {
            self.names = names
            self.values = values
            return
        }
        var seen = Set<String>(), kept: [String] = [], keptValues: [JSONNode] = []
        for (name, value) in zip(names, values) where seen.insert(name).inserted {
            kept.append(name)
            keptValues.append(value)
        }
        self.names = kept
        self.values = keptValues
    }

    private static func hasRepeats(_ names: [String]) -> Bool {
        if names.count > 16 { return Set(names).count != names.count }
        return names.indices.contains { index in names[..<index].contains(names[index]) }
    }

    /// The value of `name`, if the object has it. Documents have a few dozen members at most, which a scan
    /// finds sooner than hashing would.
    func value(of name: String) -> JSONNode? {
        names.firstIndex(of: name).map { values[$0] }
    }
}
