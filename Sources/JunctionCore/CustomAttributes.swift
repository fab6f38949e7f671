/// The level a custom attribute is defined at (§0.6).
public enum AttributeLevel: String, Sendable, Codable, CaseIterable { case order = "ORDER", item = "ITEM" }

/// The type of a custom attribute's value.
public enum AttributeType: String, Sendable, Codable, CaseIterable {
    case string = "STRING", number = "NUMBER", date = "DATE", enumeration = "ENUM"
}

/// The definition of one custom attribute key (`attribute1` … `attribute10`) at one level.
public struct AttributeDefinition: Hashable, Sendable, Codable {
    public var key: String
    public var label: String
    public var type: AttributeType
    public var values: [String]?
    public var searchable: Bool

    public init(key: String, label: String, type: AttributeType, values: [String]? = nil, searchable: Bool = false) {
        self.key = key; self.label = label; self.type = type; self.values = values; self.searchable = searchable
    }

    /// The keys a level may define.
    public static let allowedKeys = (1...10).map { "attribute\($0)" }
}

/// Custom attributes as sent: `attribute1` … `attribute10`, `channelMetadata` (free JSON) and `currency`.
///
/// Kept as the full map so that keys Junction does not define are seen and refused by name.
public struct CustomAttributes: Hashable, Sendable, Codable {
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue] = [:]) { self.fields = fields }

    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    /// The `attributeN` entries that carry a value.
    public var attributes: [(key: String, value: JSONValue)] {
        fields.filter { $0.key.hasPrefix("attribute") && $0.value != .null }.sorted { $0.key < $1.key }
            .map { (key: $0.key, value: $0.value) }
    }

    /// Returns a copy with `other`'s keys written over this one's.
    public func merging(_ other: CustomAttributes) -> CustomAttributes {
        CustomAttributes(fields: fields.merging(other.fields) { _, new in new })
    }

    /// Every key must be defined at `level`, and its value must fit the definition.
    public func check(_ prefix: String, against definitions: [String: AttributeDefinition],
                      level: AttributeLevel, into errors: inout FieldErrors) {
        for (key, value) in attributes {
            let field = "\(prefix).\(key)"
            guard let definition = definitions[key] else {
                errors.add(field, "custom attribute \(key) is not defined at \(level.rawValue) level")
                continue
            }
            guard let text = value.stringValue else {
                errors.add(field, "must be a string")
                continue
            }
            errors.optional(text, field)
            switch definition.type {
            case .string: break
            case .number where Double(text) == nil: errors.add(field, "must be a number")
            case .date where Timestamp(parsing: text) == nil: errors.add(field, "must be a date")
            case .enumeration where !(definition.values ?? []).contains(text):
                errors.add(field, "must be one of \((definition.values ?? []).joined(separator: ", "))")
            default: break
            }
        }
    }
}
