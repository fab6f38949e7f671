/// A Code 128 barcode symbol for a string of printable ASCII, such as an AWB number.
///
/// Characters are encoded in code set B; runs of digits long enough to save space are packed two to a symbol in code
/// set C. The symbol is the start code, the data, the modulo-103 check symbol and the stop pattern, and needs a quiet
/// zone of `quietZoneModules` blank modules on either side.
public struct Code128: Hashable, Sendable {
    /// What cannot be encoded.
    public enum EncodingError: Error, Hashable, Sendable {
        case empty
        /// A character outside printable ASCII (space to tilde).
        case unsupportedCharacter(Character)
    }

    /// The blank modules needed on each side of the bars.
    public static let quietZoneModules = 10

    static let startB = 104
    static let startC = 105
    static let stop = 106

    /// The encoded text, also printed under the bars.
    public let text: String

    /// Every symbol value in order: start code, data (with any code set switches), check symbol, then stop (106).
    public let values: [Int]

    public init(_ text: String) throws(EncodingError) {
        guard !text.isEmpty else { throw .empty }
        var codes: [UInt8] = []
        for character in text {
            guard let code = character.asciiValue, (32...126).contains(code) else { throw .unsupportedCharacter(character) }
            codes.append(code)
        }
        let startAndData = Self.codeSetValues(for: codes)
        // The start value has weight 1, as does the first data value; each later one weighs its position.
        let weightedSum = startAndData.indices.reduce(0) { $0 + max($1, 1) * startAndData[$1] }
        self.text = text
        self.values = startAndData + [weightedSum % 103, Self.stop]
    }

    /// The check symbol: the start value plus each data value times its position, modulo 103.
    public var checksum: Int { values[values.count - 2] }

    /// The widths in modules of the alternating bars and spaces, starting and ending with a bar, without quiet zones.
    public var elementWidths: [Int] { values.flatMap { Self.patterns[$0] } }

    /// The width in modules including both quiet zones.
    public var totalModules: Int { elementWidths.reduce(0, +) + 2 * Self.quietZoneModules }

    /// The width in points including both quiet zones when one module is `moduleWidth` points wide.
    public func width(moduleWidth: Double) -> Double {
        Double(totalModules) * moduleWidth
    }
}
