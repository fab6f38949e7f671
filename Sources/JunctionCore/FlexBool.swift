/// A boolean as partners send it: `true`, `"true"`, `"TRUE"`, `1` or `"1"` (and their false forms).
///
/// Increff's own samples carry booleans as strings in places (`"isSplitRequired": "false"`), so inbound
/// payloads accept every such spelling.
public struct FlexBool: Hashable, Sendable, Codable {
    public var value: Bool

    public init(_ value: Bool) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let number = try? container.decode(Int.self), number == 0 || number == 1 {
            value = number == 1
        } else if let text = try? container.decode(String.self) {
            switch text.lowercased() {
            case "true", "1", "yes": value = true
            case "false", "0", "no", "": value = false
            default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be true or false")
            }
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be true or false")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Optional where Wrapped == FlexBool {
    /// The flag's value, or `defaultValue` when it was not sent.
    public func or(_ defaultValue: Bool) -> Bool { self?.value ?? defaultValue }
}
