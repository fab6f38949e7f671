import Foundation
import JunctionDocuments
import Testing

/// Opens the sample documents with Debian's poppler-utils, as a reader or printer would.
@Suite struct PopplerRenderingTests {
    /// Runs a poppler tool that must not complain about the file.
    func run(_ tool: String, _ arguments: String...) throws -> String {
        let output = try PopplerTool.run(tool, arguments)
        #expect(output.standardError.isEmpty, "\(tool) reported: \(output.standardError)")
        return output.standardOutput
    }

    /// `pdfinfo`'s report with the padding after each label squeezed to one space, as in "Pages: 2".
    func info(_ path: String) throws -> String {
        try run("pdfinfo", path).replacing(/\ {2,}/, with: " ")
    }

    @Test func invoiceTextPagesAndSizeReadBack() throws {
        let path = try TestArtifacts.write(SampleDocuments.taxInvoice().data(), as: "tax-invoice.pdf")
        let info = try info(path)
        #expect(info.contains("Pages: 2"))
        #expect(info.contains("Page size: 595 x 842 pts (A4)"))
        #expect(info.contains("Title: Tax Invoice WH1-2425-000001"))
        #expect(info.contains("Producer: Junction"))
        #expect(info.contains("PDF version: 1.4"))
        let text = try run("pdftotext", "-layout", path, "-")
        for expected in ["TAX INVOICE", "Invoice No: WH1-2425-000001", "Amount in words", "Rs. 2,360.00", "Taxable Value",
                         "Cafe table runner - 150 cm", "Terms and Conditions", #"\\junction\returns."#,
                         "(unused, with tags)", "Authorised Signatory"] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
        #expect(!text.contains("₹"))
        #expect(text.components(separatedBy: "\u{0C}").count == 3, "two pages, each ended by a form feed")
    }

    @Test func labelIsFourBySixWithItsAWBAndRendersToPNG() throws {
        let path = try TestArtifacts.write(try SampleDocuments.shippingLabel().data(), as: "shipping-label.pdf")
        let info = try info(path)
        #expect(info.contains("Pages: 1"))
        #expect(info.contains("Page size: 288 x 432 pts"))
        let text = try run("pdftotext", path, "-")
        for expected in ["JNC0000012345", "SHIP TO:", "Asha Raman", "PREPAID", "Invoice: WH1-2425-000001", "BLR / KA-SOUTH / 07"] {
            #expect(text.contains(expected), "pdftotext lacks \(expected)")
        }
        let png = TestArtifacts.directory.appendingPathComponent("shipping-label")
        _ = try run("pdftoppm", "-png", "-r", "50", "-singlefile", path, png.path)
        let rendered = try Data(contentsOf: png.appendingPathExtension("png"))
        #expect(rendered.count > 1000)
        #expect(rendered.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func renderedLabelBarcodeScansAsTheAWB() throws {
        let path = try TestArtifacts.write(try SampleDocuments.shippingLabel().data(), as: "shipping-label-scan.pdf")
        // At 288 dpi a point is 4 pixels, so each 1.5 pt module is exactly 6 pixels.
        let image = TestArtifacts.directory.appendingPathComponent("shipping-label-288dpi")
        _ = try run("pdftoppm", "-gray", "-r", "288", "-aa", "no", "-aaVector", "no", "-singlefile", path, image.path)
        let gray = try GrayImage(pgm: Data(contentsOf: image.appendingPathExtension("pgm")))
        #expect(gray.width == 1152 && gray.height == 1728)
        let row = Int((SampleDocuments.barcodeTop + SampleDocuments.barHeight / 2) * 4)
        let scan = gray.darkPixels(row: row)
        let barcode = try Code128(SampleDocuments.awb)
        let firstBar = Int((SampleDocuments.barcodeLeft(barcode) + Double(Code128.quietZoneModules) * SampleDocuments.moduleWidth) * 4)
        // Inside the label border, the quiet zones left and right of the bars are blank.
        #expect(scan[(firstBar - 60)..<firstBar].allSatisfy { !$0 })
        let widths = Code128Decoder.elementWidths(scanLine: Array(scan[(firstBar - 60)..<(firstBar + 6 * 154 - 120)]),
                                                  pixelsPerModule: 6)
        let decoded = try Code128Decoder.decode(elementWidths: widths)
        #expect(decoded.text == SampleDocuments.awb)
        #expect(decoded.values == barcode.values)
    }

    @Test func alignedTextLandsWhereTheReaderMeasuresIt() throws {
        let path = try TestArtifacts.write(SampleDocuments.taxInvoice().data(), as: "tax-invoice-bbox.pdf")
        let words = try PopplerWords(xhtml: run("pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-"))
        let title = try #require(words.first { $0.text == "INVOICE" })
        let tax = try #require(words.first { $0.text == "TAX" })
        #expect(abs((tax.xMin + title.xMax) / 2 - 297.5) < 0.01)
        let invoiceNumber = try #require(words.first { $0.text == SampleDocuments.invoiceNumber })
        #expect(abs(invoiceNumber.xMax - SampleDocuments.invoiceRightEdge) < 0.01)
        let total = try #require(words.first { $0.text == "2,360.00" })
        #expect(abs(total.xMax - (SampleDocuments.invoiceRightEdge - 6)) < 0.01)
        // Line totals end at the Total column's right edge, the table's (40 + 515), less 3 points of padding.
        let lineTotals = words.filter { $0.text == "1,180.00" }.map(\.xMax).sorted()
        #expect(lineTotals.count == 2)
        #expect(lineTotals.allSatisfy { abs($0 - 552) < 0.01 })
    }

    /// Each printable ASCII character drawn alone measures, in poppler's own copy of the Adobe metrics, what our width
    /// tables say.
    @Test(arguments: PDFFont.allCases) func widthTablesMatchPopplersMetrics(font: PDFFont) throws {
        let characters = (33...126).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        var page = PDFPage(size: .a4)
        for (index, character) in characters.enumerated() {
            page.drawText(character, at: PDFPoint(x: 40 + Double(index / 24) * 140, y: 60 + Double(index % 24) * 30),
                          font: font, size: 20)
        }
        var document = PDFDocument(title: "Widths")
        document.addPage(page)
        let path = try TestArtifacts.write(document.data(), as: "widths-\(font).pdf")
        let words = try PopplerWords(xhtml: run("pdftotext", "-bbox", path, "-"))
        #expect(words.count == characters.count)
        for character in characters {
            let word = try #require(words.first { $0.text == character }, "no word for \(character)")
            #expect(abs(word.xMax - word.xMin - font.width(of: character, size: 20)) < 0.001, "width of \(character)")
        }
    }
}
