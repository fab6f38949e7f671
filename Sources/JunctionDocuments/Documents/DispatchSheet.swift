import Foundation
import JunctionCore

/// What a manifest and a handover sheet share: an A4 list of the shipments one location gives one transporter, with
/// its code as a barcode, the location's address, a table of the shipments running over as many pages as it needs,
/// totals, and signature lines for both sides of the handover.
struct DispatchSheet {
    /// The title in capitals: "MANIFEST", "HANDOVER SHEET".
    let heading: String
    /// The label of the sheet's code: "Manifest No.".
    let codeLabel: String
    let code: String
    let transporter: String
    let location: DocumentParty
    let locationCode: String
    /// The label of the date: "Date", "Handed over on".
    let dateLabel: String
    let date: Timestamp
    /// Further fields, such as the vehicle number; those without a value are left out.
    let details: [(label: String, value: String?)]
    let entries: [DispatchEntry]

    /// The finished PDF.
    func pdf() -> Data {
        var flow = FlowingPages(continuationHeading: "\(heading) \(code) (continued)")
        drawHeading(on: &flow)
        flow.drawTable(Self.table(width: flow.width), rows: rows)
        drawTotals(on: &flow)
        drawSignatures(on: &flow)
        return flow.data(title: "\(heading.capitalized) \(code)")
    }

    /// The title and the sheet's fields on the left, the code's barcode and the location's address on the right, then
    /// the further details across the page.
    private func drawHeading(on flow: inout FlowingPages) {
        let top = flow.y
        flow.page.drawText(heading, at: PDFPoint(x: flow.left, y: top + 18), font: .helveticaBold, size: 18)
        let rightWidth = 220.0
        var rightBottom = top
        if let barcode = try? Code128(code) {
            let moduleWidth = barcode.moduleWidth(fitting: rightWidth, maximum: 1)
            let origin = PDFPoint(x: flow.right - barcode.width(moduleWidth: moduleWidth), y: top)
            rightBottom = flow.page.drawBarcode(barcode, at: origin, moduleWidth: moduleWidth, barHeight: 34, textSize: 9).maxY
        }
        rightBottom = flow.page.drawParty(location, heading: "Location \(locationCode)",
                                          at: PDFPoint(x: flow.right - rightWidth, y: rightBottom + 8), width: rightWidth)
        let fields = [(label: codeLabel, value: code), (label: "Transporter", value: transporter),
                      (label: "Location code", value: locationCode), (label: dateLabel, value: date.documentDate)]
        let leftBottom = flow.page.drawFields(fields, at: PDFPoint(x: flow.left, y: top + 34), labelWidth: 90,
                                              valueWidth: flow.width - rightWidth - 110)
        flow.y = max(leftBottom, rightBottom) + 14
        let known = details.compactMap { detail in detail.value.flatMap { $0.isEmpty ? nil : (label: detail.label, value: $0) } }
        if !known.isEmpty {
            flow.y = flow.page.drawFields(known, at: PDFPoint(x: flow.left, y: flow.y), labelWidth: 90,
                                          valueWidth: flow.width - 90) + 14
        }
    }

    /// The shipment table `width` wide: the four reference columns share what the figures leave.
    static func table(width: Double) -> PDFTable {
        let figures: [PDFTable.Column] = [
            .init("Boxes", width: 34, alignment: .right), .init("Weight (kg)", width: 50, alignment: .right),
            .init("COD (Rs.)", width: 60, alignment: .right),
        ]
        let number = PDFTable.Column("#", width: 22, alignment: .right)
        let referenceWidth = (width - figures.reduce(number.width) { $0 + $1.width }) / 4
        let references = ["Order code", "Shipment code", "AWB", "Invoice No."].map { PDFTable.Column($0, width: referenceWidth) }
        return PDFTable(columns: [number] + references + figures, fontSize: 8, rowHeight: 15)
    }

    /// One row per shipment, in the order of the table's columns; a dash marks what is unknown or prepaid.
    private var rows: [[String]] {
        entries.enumerated().map { index, entry in
            ["\(index + 1)", entry.orderCode, entry.shipmentCode, entry.awbNumber, entry.invoiceNumber ?? "-", "\(entry.boxes)",
             entry.weightGrams.map { DocumentNumber.kilograms(grams: $0) } ?? "-", entry.codAmount?.groupedRupees ?? "-"]
        }
    }

    /// The count of shipments and boxes, the known weight, and the cash on delivery to collect, in a box on the right.
    private func drawTotals(on flow: inout FlowingPages) {
        let weight = entries.reduce(0) { $0 + ($1.weightGrams ?? 0) }
        let cod = entries.reduce(Paise.zero) { $0 + ($1.codAmount ?? .zero) }
        let rows = [
            (label: "Shipments", value: "\(entries.count)"), (label: "Boxes", value: "\(entries.reduce(0) { $0 + $1.boxes })"),
            (label: "Total weight", value: DocumentNumber.kilograms(grams: weight) + " kg"),
            (label: "COD to collect", value: cod.rupeesText),
        ]
        flow.reserve(Double(rows.count) * 16 + 10)
        flow.y = flow.page.drawSummaryBox(rows, topRight: PDFPoint(x: flow.right, y: flow.y + 10), width: 220)
    }

    /// "Handed over by" on the left and "Received by (transporter)" on the right, each a line to sign on.
    private func drawSignatures(on flow: inout FlowingPages) {
        flow.reserve(80)
        let lineY = flow.y + 52
        let width = 220.0
        flow.page.drawSignatureLine(caption: "Handed over by", at: PDFPoint(x: flow.left, y: lineY), width: width)
        flow.page.drawSignatureLine(caption: "Received by (transporter)", at: PDFPoint(x: flow.right - width, y: lineY),
                                    width: width)
        flow.y = lineY + 28
    }
}
