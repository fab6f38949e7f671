import JunctionDocuments

/// The documents the rendering tests write: a two-page GST tax invoice on A4 and a 4 × 6 inch shipping label.
enum SampleDocuments {
    static let invoiceNumber = "WH1-2425-000001"
    static let awb = "JNC0000012345"
    static let invoiceRightEdge = 555.0
    static let grandTotal = "₹ 2,360.00"

    static let itemTable = PDFTable(columns: [
        .init("#", width: 20, alignment: .right),
        .init("Description", width: 170),
        .init("HSN", width: 45),
        .init("Qty", width: 30, alignment: .right),
        .init("Rate", width: 55, alignment: .right),
        .init("Taxable Value", width: 65, alignment: .right),
        .init("GST %", width: 35, alignment: .right),
        .init("Tax", width: 45, alignment: .right),
        .init("Total", width: 50, alignment: .right),
    ])

    static let items = [
        ["1", "Cotton kurta, indigo, size M (handloom, Jaipur block print)", "6211", "1", "1,000.00", "1,000.00", "18", "180.00", "1,180.00"],
        ["2", "Café table runner – 150 cm", "6302", "2", "500.00", "1,000.00", "18", "180.00", "1,180.00"],
    ]

    static func taxInvoice() -> PDFDocument {
        var document = PDFDocument(title: "Tax Invoice \(invoiceNumber)")
        document.addPage(invoiceFirstPage())
        document.addPage(invoiceTermsPage())
        return document
    }

    private static func invoiceFirstPage() -> PDFPage {
        var page = PDFPage(size: .a4)
        page.drawText("TAX INVOICE", at: PDFPoint(x: 297.5, y: 50), font: .helveticaBold, size: 16, alignment: .center)
        page.drawText("Junction Retail Pvt. Ltd.", at: PDFPoint(x: 40, y: 80), font: .helveticaBold, size: 10)
        page.drawParagraph("Plot 14, Peenya Industrial Area\nBengaluru, Karnataka 560058\nGSTIN: 29ABCDE1234F1Z5",
                           at: PDFPoint(x: 40, y: 94), width: 250, size: 9)
        for (index, line) in ["Invoice No: \(invoiceNumber)", "Invoice Date: 05-Jul-2024", "Order: SO-778812"].enumerated() {
            page.drawText(line, at: PDFPoint(x: invoiceRightEdge, y: 80 + 14 * Double(index)), size: 9, alignment: .right)
        }
        page.strokeRectangle(PDFRect(x: 40, y: 140, width: 515, height: 70))
        page.drawText("Bill To", at: PDFPoint(x: 46, y: 154), font: .helveticaBold, size: 9)
        page.drawParagraph("Asha Raman, 22 MG Road, Indiranagar, Bengaluru, Karnataka 560038", at: PDFPoint(x: 46, y: 168),
                           width: 240, size: 9)
        page.drawLine(from: PDFPoint(x: 297.5, y: 140), to: PDFPoint(x: 297.5, y: 210))
        page.drawText("Place of Supply: Karnataka (29)", at: PDFPoint(x: 304, y: 154), size: 9)
        let tableBottom = page.drawTable(itemTable, rows: items, at: PDFPoint(x: 40, y: 230))
        page.fillRectangle(PDFRect(x: 335, y: tableBottom + 10, width: 220, height: 20), gray: 0.9)
        page.drawText("Grand Total", at: PDFPoint(x: 341, y: tableBottom + 24), font: .helveticaBold, size: 10)
        page.drawText(grandTotal, at: PDFPoint(x: invoiceRightEdge - 6, y: tableBottom + 24), font: .helveticaBold, size: 10,
                      alignment: .right)
        page.drawParagraph("Amount in words: Rupees Two Thousand Three Hundred Sixty Only", at: PDFPoint(x: 40, y: tableBottom + 50),
                           width: 515, size: 9)
        page.drawText("Continued on page 2", at: PDFPoint(x: 297.5, y: 810), size: 8, alignment: .center, gray: 0.4)
        return page
    }

    private static func invoiceTermsPage() -> PDFPage {
        var page = PDFPage(size: .a4)
        page.drawText("Terms and Conditions", at: PDFPoint(x: 40, y: 60), font: .helveticaBold, size: 12)
        let terms = "Goods once sold are returnable within 7 days (unused, with tags). Return forms live at "
            + "\\\\junction\\returns. Disputes are subject to Bengaluru jurisdiction. This is a computer generated "
            + "invoice and needs no signature (Rule 46, CGST Rules 2017)."
        let after = page.drawParagraph(terms, at: PDFPoint(x: 40, y: 82), width: 300, size: 9)
        page.drawLine(from: PDFPoint(x: 375, y: after + 40), to: PDFPoint(x: 555, y: after + 40), lineWidth: 1)
        page.drawText("Authorised Signatory", at: PDFPoint(x: 465, y: after + 54), size: 9, alignment: .center)
        page.drawText("Page 2 of 2", at: PDFPoint(x: 297.5, y: 810), size: 8, alignment: .center)
        return page
    }

    /// The label's barcode: 1.5 pt modules, centred, bars from `barcodeTop` down `barHeight` points.
    static let moduleWidth = 1.5
    static let barcodeTop = 250.0
    static let barHeight = 70.0

    static func shippingLabel() throws -> PDFDocument {
        var page = PDFPage(size: .label4x6)
        page.strokeRectangle(PDFRect(x: 6, y: 6, width: 276, height: 420), lineWidth: 1)
        page.drawText("Junction Express", at: PDFPoint(x: 14, y: 26), font: .helveticaBold, size: 14)
        page.drawText("PREPAID", at: PDFPoint(x: 274, y: 26), font: .helveticaBold, size: 14, alignment: .right)
        page.drawLine(from: PDFPoint(x: 6, y: 36), to: PDFPoint(x: 282, y: 36), lineWidth: 1)
        page.drawText("SHIP TO:", at: PDFPoint(x: 14, y: 54), font: .helveticaBold, size: 10)
        page.drawText("Asha Raman", at: PDFPoint(x: 14, y: 70), font: .helveticaBold, size: 12)
        page.drawParagraph("22 MG Road, Indiranagar, near Metro Pillar 64, Bengaluru, Karnataka 560038\nPhone: 98450 12345",
                           at: PDFPoint(x: 14, y: 86), width: 260, size: 10)
        page.drawLine(from: PDFPoint(x: 6, y: 150), to: PDFPoint(x: 282, y: 150), lineWidth: 1)
        page.drawText("Order: SO-778812", at: PDFPoint(x: 14, y: 168), size: 10)
        page.drawText("Weight: 0.45 kg", at: PDFPoint(x: 274, y: 168), size: 10, alignment: .right)
        page.drawText("Invoice: \(invoiceNumber)", at: PDFPoint(x: 14, y: 184), size: 10)
        page.fillRectangle(PDFRect(x: 6, y: 196, width: 276, height: 40), gray: 0.85)
        page.drawText("BLR / KA-SOUTH / 07", at: PDFPoint(x: 144, y: 222), font: .helveticaBold, size: 14, alignment: .center)
        let barcode = try Code128(awb)
        page.drawBarcode(barcode, at: PDFPoint(x: barcodeLeft(barcode), y: barcodeTop), moduleWidth: moduleWidth,
                         barHeight: barHeight, textSize: 12)
        page.drawLine(from: PDFPoint(x: 6, y: 350), to: PDFPoint(x: 282, y: 350), lineWidth: 1)
        page.drawParagraph("Return to: Junction Retail Pvt. Ltd., Plot 14, Peenya Industrial Area, Bengaluru 560058",
                           at: PDFPoint(x: 14, y: 366), width: 260, size: 8)
        var document = PDFDocument(title: "Shipping label \(awb)")
        document.addPage(page)
        return document
    }

    /// The x of the barcode's left quiet zone that centres it on the label, on a quarter point so the bars fall on
    /// whole pixels at 288 dpi.
    static func barcodeLeft(_ barcode: Code128) -> Double {
        ((PDFPageSize.label4x6.width - barcode.width(moduleWidth: moduleWidth)) / 2 * 4).rounded() / 4
    }
}
