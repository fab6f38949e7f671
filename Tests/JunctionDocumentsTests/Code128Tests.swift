import Foundation
@testable import JunctionDocuments
import Testing

@Suite struct Code128Tests {
    /// Bars as "1" and spaces as "0", one character per module.
    func modules(_ widths: [Int]) -> String {
        widths.enumerated().map { String(repeating: $0.offset.isMultiple(of: 2) ? "1" : "0", count: $0.element) }.joined()
    }

    @Test func everyPatternIsWellFormedAndDistinct() {
        #expect(Code128.patterns.count == 107)
        for pattern in Code128.patterns.prefix(106) {
            #expect(pattern.count == 6 && pattern.reduce(0, +) == 11)
            // Bars always add up to an even number of modules: the per-symbol parity check of Code 128.
            #expect((pattern[0] + pattern[2] + pattern[4]).isMultiple(of: 2))
            #expect(pattern.allSatisfy { (1...4).contains($0) })
        }
        #expect(Set(Code128.patterns).count == 107)
        #expect(Code128.patterns[106].reduce(0, +) == 13)
    }

    @Test func patternsMatchTheStandardsModuleStrings() {
        #expect(modules(Code128.patterns[0]) == "11011001100")
        #expect(modules(Code128.patterns[33]) == "10100011000")
        #expect(modules(Code128.patterns[99]) == "10111011110")
        #expect(modules(Code128.patterns[100]) == "10111101110")
        #expect(modules(Code128.patterns[104]) == "11010010000")
        #expect(modules(Code128.patterns[105]) == "11010011100")
        #expect(modules(Code128.patterns[106]) == "1100011101011")
    }

    @Test func lettersAndShortDigitRunsUseCodeSetB() throws {
        let barcode = try Code128("PJJ123C")
        // 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879, and 879 mod 103 = 55.
        #expect(barcode.values == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106])
        #expect(barcode.checksum == 55)
    }

    @Test func anAWBPacksItsTrailingDigitsInCodeSetC() throws {
        let barcode = try Code128("JNC0000012345")
        // 104 + 42·1 + 46·2 + 35·3 + 99·4 + 0·5 + 0·6 + 1·7 + 23·8 + 45·9 = 1335, and 1335 mod 103 = 99.
        #expect(barcode.values == [104, 42, 46, 35, 99, 0, 0, 1, 23, 45, 99, 106])
        #expect(barcode.elementWidths.count == 11 * 6 + 7)
        #expect(barcode.totalModules == 11 * 11 + 13 + 20)
        #expect(barcode.width(moduleWidth: 1.5) == 231)
    }

    @Test func digitsOnlyStartInCodeSetCAndAnOddDigitEndsInB() throws {
        #expect(try Code128("123456").values == [105, 12, 34, 56, 44, 106])
        #expect(try Code128("12345AB").values.prefix(7) == [105, 12, 34, 100, 21, 33, 34])
        #expect(try Code128("AB12345").values.prefix(7) == [104, 33, 34, 17, 99, 23, 45])
        #expect(try Code128("A1234B").values.prefix(7) == [104, 33, 17, 18, 19, 20, 34])
    }

    @Test func rejectsWhatCode128BCannotCarry() {
        #expect(throws: Code128.EncodingError.empty) { try Code128("") }
        #expect(throws: Code128.EncodingError.unsupportedCharacter("₹")) { try Code128("AWB₹1") }
        #expect(throws: Code128.EncodingError.unsupportedCharacter("\n")) { try Code128("AWB\n1") }
    }

    @Test func decodesBackToTheTextForMixedLettersAndDigits() throws {
        let printable = String((32...126).map { Character(Unicode.Scalar(UInt8($0))) })
        var samples = [printable, "0", "9X", "JNC0000012345", "1Z999AA10123456784", "00"]
        for prefix in ["", "A", "AB"] {
            for digits in 0...9 {
                for suffix in ["", "Z", "Z9"] {
                    samples.append(prefix + String("8061234597".prefix(digits)) + suffix)
                }
            }
        }
        for text in samples where !text.isEmpty {
            let barcode = try Code128(text)
            let decoded = try Code128Decoder.decode(elementWidths: barcode.elementWidths)
            #expect(decoded.text == text)
            #expect(decoded.values == barcode.values)
            // Never longer than plain code set B: start, one symbol per character, check, stop.
            #expect(barcode.values.count <= text.count + 3, "\(text)")
        }
    }

    @Test func drawnBarsReadBackAsTheAWB() throws {
        let barcode = try Code128("JNC0000012345")
        var page = PDFPage(size: .label4x6)
        let area = page.drawBarcode(barcode, at: PDFPoint(x: 28.5, y: 250), moduleWidth: 1.5, barHeight: 70)
        #expect(area.width == 231 && area.maxY > 320)
        // The bars are the `x y w h re` operands of the one fill operation; rebuild bar and space widths from them.
        let fill = try #require(page.content.split(separator: "\n").first { $0.hasSuffix(" f Q") })
        let numbers = fill.split(separator: " ").compactMap { Double($0) }.dropFirst()
        let bars = stride(from: numbers.startIndex, to: numbers.endIndex, by: 4).map { (x: numbers[$0], width: numbers[$0 + 2]) }
        #expect(bars.first?.x == 28.5 + 10 * 1.5)
        var widths: [Int] = []
        for (index, bar) in bars.enumerated() {
            if index > 0 { widths.append(Int(((bar.x - bars[index - 1].x - bars[index - 1].width) / 1.5).rounded())) }
            widths.append(Int((bar.width / 1.5).rounded()))
        }
        #expect(try Code128Decoder.decode(elementWidths: widths).text == "JNC0000012345")
        #expect(page.content.contains("(JNC0000012345) Tj"))
    }
}
