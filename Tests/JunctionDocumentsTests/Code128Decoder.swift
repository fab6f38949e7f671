@testable import JunctionDocuments

/// Reads Code 128 bar and space widths back into symbol values and text, checking start, check symbol and stop,
/// so the tests see what a scanner would. Code sets B and C only, as Junction writes them.
enum Code128Decoder {
    struct Failure: Error, Equatable {
        let reason: String
    }

    struct Decoded: Equatable {
        let values: [Int]
        let text: String
    }

    static func decode(elementWidths widths: [Int]) throws(Failure) -> Decoded {
        guard widths.count >= 6 * 3 + 7, (widths.count - 7) % 6 == 0 else {
            throw Failure(reason: "\(widths.count) elements cannot be whole symbols plus a stop pattern")
        }
        guard Array(widths.suffix(7)) == [2, 3, 3, 1, 1, 1, 2] else { throw Failure(reason: "no stop pattern") }
        var values: [Int] = []
        for start in stride(from: 0, to: widths.count - 7, by: 6) {
            let symbol = Array(widths[start..<start + 6])
            guard let value = Code128.patterns.prefix(106).firstIndex(of: symbol) else {
                throw Failure(reason: "unknown symbol \(symbol) at element \(start)")
            }
            values.append(value)
        }
        guard let check = values.popLast() else { throw Failure(reason: "no check symbol") }
        let weighted = values.indices.reduce(0) { $0 + max($1, 1) * values[$1] }
        guard weighted % 103 == check else { throw Failure(reason: "check symbol \(check), expected \(weighted % 103)") }
        return Decoded(values: values + [check, 106], text: try text(of: values))
    }

    /// The text of a start value and data values.
    private static func text(of values: [Int]) throws(Failure) -> String {
        var inCodeSetC: Bool
        switch values.first {
        case 104: inCodeSetC = false
        case 105: inCodeSetC = true
        default: throw Failure(reason: "start value \(values.first ?? -1) is not start B or start C")
        }
        var text = ""
        for value in values.dropFirst() {
            switch (inCodeSetC, value) {
            case (true, 0...99): text += value < 10 ? "0\(value)" : "\(value)"
            case (true, 100): inCodeSetC = false
            case (false, 0...95): text.append(Character(Unicode.Scalar(UInt8(value + 32))))
            case (false, 99): inCodeSetC = true
            default: throw Failure(reason: "value \(value) is a function or code set A")
            }
        }
        return text
    }

    /// The widths in modules of the dark and light runs of a scan line, from its first dark pixel to its last.
    static func elementWidths(scanLine dark: [Bool], pixelsPerModule: Double) -> [Int] {
        guard let first = dark.firstIndex(of: true), let last = dark.lastIndex(of: true) else { return [] }
        var widths: [Int] = []
        var runStart = first
        for index in first...last + 1 where index == last + 1 || dark[index] != dark[runStart] {
            widths.append(Int((Double(index - runStart) / pixelsPerModule).rounded()))
            runStart = index
        }
        return widths
    }
}
