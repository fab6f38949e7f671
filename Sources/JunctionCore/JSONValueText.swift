extension JSONValue {
    /// The value as compact JSON text with object keys in sorted order, written directly (several times
    /// cheaper than `JSONEncoder`, which matters for the event details every change writes).
    public var jsonText: String {
        let output = JSONOutput(sortedKeys: false)
        write(to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// An object's fields as compact JSON text (see ``jsonText``).
    public static func jsonText(of fields: [String: JSONValue]) -> String {
        JSONValue.object(fields).jsonText
    }

    /// Writes the value as UTF-8 bytes, strings escaped as ``CompactJSONEncoder`` escapes them.
    private func write(to output: JSONOutput) {
        switch self {
        case .null: output.writeNull()
        case .bool(let flag): output.writeBool(flag)
        case .number(let number): output.writeRaw(Self.numberText(number))
        case .string(let string): output.writeString(string)
        case .array(let items):
            output.writeByte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.writeByte(UInt8(ascii: ",")) }
                item.write(to: output)
            }
            output.writeByte(UInt8(ascii: "]"))
        case .object(let fields):
            output.writeByte(UInt8(ascii: "{"))
            for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.writeByte(UInt8(ascii: ",")) }
                output.writeString(field.key)
                output.writeByte(UInt8(ascii: ":"))
                field.value.write(to: output)
            }
            output.writeByte(UInt8(ascii: "}"))
        }
    }

    /// Whole numbers without a fraction, others in Swift's shortest exact form; JSON has no NaN or infinity.
    private static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number && number.magnitude < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
