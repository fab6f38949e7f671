import Foundation
import JunctionCore

extension TaxInvoiceData {
    /// The invoice as an A4 PDF headed "TAX INVOICE": invoice, order and shipment references (and the IRN when there
    /// is one), the supplier, bill-to and ship-to parties, the place of supply, a table of the lines with their taxable
    /// value and CGST and SGST (within a state) or IGST (across states), then the totals, the grand total in words and
    /// a signature block. Lines that do not fit run on to further pages under a repeated table header, and every page
    /// carries "This is a computer-generated invoice." and "Page n of m".
    public func pdf() -> Data {
        var flow = FlowingPages(continuationHeading: "TAX INVOICE \(invoiceNumber) (continued)",
                                footerNote: "This is a computer-generated invoice.")
        drawHeading(on: &flow)
        drawParties(on: &flow)
        flow.drawTable(lineTable(width: flow.width), rows: lineRows)
        drawTotals(on: &flow)
        drawSignature(on: &flow)
        return flow.data(title: "Tax Invoice \(invoiceNumber)")
    }

    /// The kinds of GST the table and totals show: CGST and SGST within a state, IGST across states, and any other
    /// kind a line carries all the same so that no tax goes unprinted.
    private var printedTaxTypes: [TaxType] {
        let expected: [TaxType] = supplyType == .intraState ? [.cgst, .sgst] : [.igst]
        let carried = Set(lines.flatMap { $0.tax.taxItems.map(\.type) })
        return [TaxType.cgst, .sgst, .igst].filter { expected.contains($0) || carried.contains($0) }
    }

    /// The title, the supplier on the left and the invoice's references on the right, then the IRN across the page.
    private func drawHeading(on flow: inout FlowingPages) {
        flow.page.drawText("TAX INVOICE", at: PDFPoint(x: flow.size.width / 2, y: flow.y + 12), font: .helveticaBold,
                           size: 16, alignment: .center)
        let top = flow.y + 26
        let supplierBottom = flow.page.drawParty(supplier, heading: "Supplier", at: PDFPoint(x: flow.left, y: top),
                                                 width: 260)
        let references = [
            (label: "Invoice No.", value: invoiceNumber), (label: "Invoice date", value: invoiceDate.documentDate),
            (label: "Order code", value: orderCode), (label: "Channel", value: channelName),
            (label: "Shipment code", value: shipmentCode),
        ]
        let referencesBottom = flow.page.drawFields(references, at: PDFPoint(x: flow.right - 240, y: top + 12),
                                                    labelWidth: 75, valueWidth: 165)
        flow.y = max(supplierBottom, referencesBottom) + 8
        if let irn, !irn.isEmpty {
            flow.y = flow.page.drawFields([(label: "IRN", value: irn)], at: PDFPoint(x: flow.left, y: flow.y), labelWidth: 26,
                                          valueWidth: flow.width - 26, size: 8) + 6
        }
    }

    /// "Bill to" and "Ship to" side by side in one ruled box, then the place and type of supply.
    private func drawParties(on flow: inout FlowingPages) {
        let top = flow.y
        let half = flow.width / 2
        let billBottom = flow.page.drawParty(billTo, heading: "Bill to", at: PDFPoint(x: flow.left + 6, y: top + 5),
                                             width: half - 12)
        let shipBottom = flow.page.drawParty(shipTo, heading: "Ship to", at: PDFPoint(x: flow.left + half + 6, y: top + 5),
                                             width: half - 12)
        let bottom = max(billBottom, shipBottom) + 6
        flow.page.strokeRectangle(PDFRect(x: flow.left, y: top, width: flow.width, height: bottom - top))
        flow.page.drawLine(from: PDFPoint(x: flow.left + half, y: top), to: PDFPoint(x: flow.left + half, y: bottom))
        let supply = supplyType == .intraState ? "Intra-state (CGST + SGST)" : "Inter-state (IGST)"
        flow.y = flow.page.drawFields([(label: "Place of supply", value: placeOfSupply), (label: "Supply type", value: supply)],
                                      at: PDFPoint(x: flow.left, y: bottom + 6), labelWidth: 80, valueWidth: flow.width - 80)
            + 10
    }

    /// The line table's columns, `width` wide in all: the description takes whatever width the figures leave.
    private func lineTable(width: Double) -> PDFTable {
        var figures: [PDFTable.Column] = [
            .init("HSN", width: 36), .init("Qty", width: 24, alignment: .right),
            .init("Unit price (incl. tax)", width: 50, alignment: .right),
            .init("Taxable value", width: 54, alignment: .right),
        ]
        for type in printedTaxTypes {
            figures += [.init("\(type.rawValue) rate %", width: 30, alignment: .right),
                        .init("\(type.rawValue) amount", width: 46, alignment: .right)]
        }
        figures.append(.init("Line total", width: 54, alignment: .right))
        let number = PDFTable.Column("#", width: 16, alignment: .right)
        let fixedWidth = figures.reduce(number.width) { $0 + $1.width }
        let description = PDFTable.Column("Description / SKU", width: width - fixedWidth)
        return PDFTable(columns: [number, description] + figures, fontSize: 7.5, rowHeight: 13)
    }

    /// One table row per line, in the order of the line table's columns.
    private var lineRows: [[String]] {
        lines.enumerated().map { index, line in
            var row = ["\(index + 1)", "\(line.description)\nSKU: \(line.channelSkuCode)",
                       line.hsnCode.flatMap { $0.isEmpty ? nil : $0 } ?? "-", "\(line.tax.quantity)",
                       line.tax.actualSellingPricePerUnit.groupedRupees, line.tax.baseSellingPriceTotal.groupedRupees]
            for type in printedTaxTypes {
                let items = line.tax.taxItems.filter { $0.type == type }
                if items.isEmpty {
                    row += ["-", "-"]
                } else {
                    row += [DocumentNumber.percent(items.reduce(0) { $0 + $1.rate }),
                            items.reduce(Paise.zero) { $0 + $1.taxTotal }.groupedRupees]
                }
            }
            return row + [line.tax.actualSellingPriceTotal.groupedRupees]
        }
    }

    /// The invoice's total of one kind of GST.
    private func total(of type: TaxType) -> Paise {
        switch type {
        case .cgst: totals.cgstTotal
        case .sgst: totals.sgstTotal
        case .igst: totals.igstTotal
        }
    }

    /// The totals box on the right (taxable value, each GST, the grand total shaded) and the grand total in words.
    private func drawTotals(on flow: inout FlowingPages) {
        let rows = [(label: "Taxable value", value: totals.baseSellingPriceTotal.rupeesText)]
            + printedTaxTypes.map { (label: $0.rawValue, value: total(of: $0).rupeesText) }
            + [(label: "Grand total", value: totals.actualSellingPriceTotal.rupeesText)]
        let words = "Amount in words: " + totals.actualSellingPriceTotal.inWords
        let wordLines = PDFFont.helvetica.wrap(words, width: flow.width, size: 9).count
        flow.reserve(Double(rows.count) * 16 + 24 + Double(wordLines) * 11)
        let boxBottom = flow.page.drawSummaryBox(rows, topRight: PDFPoint(x: flow.right, y: flow.y + 8), width: 240)
        flow.y = flow.page.drawParagraph(words, at: PDFPoint(x: flow.left, y: boxBottom + 16), width: flow.width, size: 9,
                                         lineHeight: 11)
    }

    /// "For <supplier>" above a signature line captioned "Authorised Signatory", at the right.
    private func drawSignature(on flow: inout FlowingPages) {
        flow.reserve(64)
        let centre = flow.right - 90
        flow.page.drawText("For \(supplier.name)", at: PDFPoint(x: centre, y: flow.y + 14), font: .helveticaBold, size: 9,
                           alignment: .center)
        flow.page.drawLine(from: PDFPoint(x: centre - 90, y: flow.y + 48), to: PDFPoint(x: flow.right, y: flow.y + 48))
        flow.page.drawText("Authorised Signatory", at: PDFPoint(x: centre, y: flow.y + 60), size: 9, alignment: .center)
        flow.y += 64
    }
}
