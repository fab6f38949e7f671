@testable import JunctionDocuments
import Testing

@Suite struct TextLayoutTests {
    @Test func textOutsidePrintableASCIIIsReplacedSafely() {
        #expect(PrintableText.sanitize("Total ₹ 1,180.00") == "Total Rs. 1,180.00")
        #expect(PrintableText.sanitize("Café – “Menu” …") == "Cafe - \"Menu\" ...")
        #expect(PrintableText.sanitize("a\tb\u{00A0}c\u{07}") == "a b c ")
        #expect(PrintableText.sanitize("\u{FEFF}AWB\u{200B}123") == "AWB123")
        let devanagari = "नमस्ते"
        #expect(PrintableText.sanitize(devanagari + " 😀") == String(repeating: "?", count: devanagari.count) + " ?")
    }

    @Test func widthsFollowTheHelveticaMetrics() {
        // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 thousandths.
        #expect(abs(PDFFont.helvetica.width(of: "Hello", size: 10) - 22.78) < 1e-9)
        // H 722 + e 556 + l 278 + l 278 + o 611 = 2445 thousandths.
        #expect(abs(PDFFont.helveticaBold.width(of: "Hello", size: 10) - 24.45) < 1e-9)
        #expect(PDFFont.helvetica.width(of: "₹", size: 12) == PDFFont.helvetica.width(of: "Rs.", size: 12))
        #expect(HelveticaWidths.regular.count == 95 && HelveticaWidths.bold.count == 95)
    }

    @Test func wrappedLinesFitAndKeepEveryWord() {
        let text = "Plot 14, Peenya Industrial Area, Bengaluru, Karnataka 560058, India"
        let lines = PDFFont.helvetica.wrap(text, width: 100, size: 9)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { PDFFont.helvetica.width(of: $0, size: 9) <= 100 })
        #expect(lines.joined(separator: " ") == text)
    }

    @Test func wrappingHonoursNewlinesAndSplitsOverlongWords() {
        #expect(PDFFont.helvetica.wrap("one\n\ntwo", width: 200, size: 10) == ["one", "", "two"])
        #expect(PDFFont.helvetica.wrap("", width: 200, size: 10).isEmpty)
        let lines = PDFFont.helveticaBold.wrap("JNC00000123456789012345", width: 40, size: 10)
        #expect(lines.count > 1 && lines.joined() == "JNC00000123456789012345")
        #expect(lines.allSatisfy { PDFFont.helveticaBold.width(of: $0, size: 10) <= 40 })
    }

    @Test func numbersAndStringsAreSpelledAsPDFWants() {
        #expect(PDFSyntax.number(595) == "595")
        #expect(PDFSyntax.number(0.5) == "0.5")
        #expect(PDFSyntax.number(1.23456) == "1.235")
        #expect(PDFSyntax.number(-0.0001) == "0")
        #expect(PDFSyntax.number(.nan) == "0")
        #expect(PDFSyntax.literal(#"a(b)c\d ₹"#) == #"(a\(b\)c\\d Rs.)"#)
    }

    @Test func alignedTextStartsWhereItsWidthSays() {
        var page = PDFPage(size: .a4)
        page.drawText("Rs. 2,360.00", at: PDFPoint(x: 555, y: 100), font: .helveticaBold, size: 10, alignment: .right)
        page.drawText("TAX INVOICE", at: PDFPoint(x: 297.5, y: 50), font: .helveticaBold, size: 16, alignment: .center)
        let right = 555 - PDFFont.helveticaBold.width(of: "Rs. 2,360.00", size: 10)
        let centre = 297.5 - PDFFont.helveticaBold.width(of: "TAX INVOICE", size: 16) / 2
        #expect(page.content.contains("/F2 10 Tf 1 0 0 1 \(PDFSyntax.number(right)) 742 Tm (Rs. 2,360.00) Tj"))
        #expect(page.content.contains("/F2 16 Tf 1 0 0 1 \(PDFSyntax.number(centre)) 792 Tm (TAX INVOICE) Tj"))
    }

    @Test func tableColumnsAndRowHeightsFollowTheirText() {
        let table = PDFTable(columns: [.init("Item", width: 60), .init("Amount", width: 40, alignment: .right)], fontSize: 8,
                             rowHeight: 14)
        #expect(table.columnOffsets == [0, 60])
        #expect(table.width == 100)
        #expect(table.height(ofRow: ["Pen", "10.00"]) == 14)
        let description = "Fountain pen with a gold nib and a leather case"
        let lineCount = PDFFont.helvetica.wrap(description, width: 60 - 2 * table.padding, size: 8).count
        #expect(lineCount > 1)
        #expect(table.height(ofRow: [description, "10.00"]) == 14 + Double(lineCount - 1) * table.lineSpacing)
        #expect(table.height(rows: [["Pen", "10.00"], ["Ink", "2.00"]]) == 42)
    }
}
