import Foundation
import JunctionDocuments
import Testing

/// Checks the file layout byte by byte: header, objects where the cross-reference table says, stream lengths, trailer.
@Suite struct PDFFileStructureTests {
    let bytes: [UInt8]
    /// The file as text, one character per byte so that character offsets are byte offsets.
    let text: String

    init() {
        bytes = [UInt8](SampleDocuments.taxInvoice().data())
        text = String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    func ascii(at offset: Int, length: Int) -> String {
        String(decoding: bytes[offset..<min(offset + length, bytes.count)], as: UTF8.self)
    }

    @Test func startsWithAPDF14HeaderAndEndsWithEOF() {
        #expect(ascii(at: 0, length: 9) == "%PDF-1.4\n")
        #expect(bytes[10...13].allSatisfy { $0 > 127 })
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let startxref = try #require(lines.lastIndex(of: "startxref"))
        let xrefOffset = try #require(Int(lines[startxref + 1]))
        #expect(ascii(at: xrefOffset, length: 5) == "xref\n")
        let header = ascii(at: xrefOffset + 5, length: 20).split(separator: "\n")[0]
        // Object 0, then catalog, page tree, info, two fonts, and a page plus its contents for each of two pages.
        #expect(header == "0 \(1 + 3 + 2 + 2 * 2)")
        let count = try #require(Int(header.split(separator: " ")[1]))
        let entriesStart = xrefOffset + 5 + header.count + 1
        #expect(ascii(at: entriesStart, length: 20) == "0000000000 65535 f \n")
        for number in 1..<count {
            let entry = ascii(at: entriesStart + 20 * number, length: 20)
            #expect(entry.hasSuffix(" 00000 n \n"))
            let offset = try #require(Int(entry.prefix(10)))
            #expect(ascii(at: offset, length: "\(number) 0 obj\n".count) == "\(number) 0 obj\n")
        }
        #expect(ascii(at: entriesStart + 20 * count, length: 8) == "trailer\n")
        #expect(text.contains("<< /Size \(count) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"))
    }

    @Test func streamLengthsCountTheirBytes() throws {
        let streams = text.matches(of: /\/Length (\d+) >>\nstream\n/)
        #expect(streams.count == 2)
        for match in streams {
            let start = text.distance(from: text.startIndex, to: match.range.upperBound)
            let length = try #require(Int(match.output.1))
            #expect(ascii(at: start + length, length: 11) == "\nendstream\n")
        }
    }

    @Test func infoCarriesTitleAndProducerAndFontsAreStandard() {
        #expect(text.contains("<< /Title (Tax Invoice WH1-2425-000001) /Producer (Junction) >>"))
        #expect(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/MediaBox [0 0 595 842]"))
        #expect(text.contains(#"\\\\junction\\returns."#))
        #expect(text.contains(#"\(unused, with tags\)"#))
    }
}
