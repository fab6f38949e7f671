extension Sequence where Element == UInt8 {
    /// The bytes as lower-case hex digits, two per byte.
    public var lowercaseHex: String {
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)
