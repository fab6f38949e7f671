extension JSONValue {
    /// The value as compact JSON text with object keys in sorted order, written directly (several times
    /// cheaper than `JSONEncoder`, which matters for the event details every change writes).
    public var jsonText: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// An object's fields as compact JSON text (see ``jsonText``).
    public static func jsonText(of fields: [String: JSONValue]) -> String {
        JSONValue.object(fields).jsonText
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += Self.numberText(number)
        case .string(let string): Self.writeString(string, to: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(to: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.writeString(key, to: &text)
                text += ":"
                fields[key]!.write(to: &text)
            }
            text += "}"
        }
    }

    /// Whole numbers without a fraction, others in Swift's shortest exact form; JSON has no NaN or infinity.
    private static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number && number.magnitude < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
