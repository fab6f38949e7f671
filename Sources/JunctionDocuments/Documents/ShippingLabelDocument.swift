import Foundation
import JunctionCore

/// A Code 128 symbol and where it goes on a page: the left edge of its quiet zone and the top of its bars.
struct PlacedBarcode {
    let barcode: Code128
    let origin: PDFPoint
    let moduleWidth: Double
    let barHeight: Double
}

extension ShippingLabelData {
    /// The label as a one-page 4 × 6 inch PDF: the transporter's name, the AWB as a Code 128 barcode as wide as the
    /// label allows with the AWB under it, the consignee's address in large type, a box saying "COD Rs. … / COLLECT"
    /// when there is an amount to collect and "PREPAID" otherwise, the order, shipment (also as a small barcode when
    /// there is room) and invoice references, weight, dimensions, units and packing date, and the return address in
    /// small type at the foot. The rupee sign is printed "Rs." because the standard fonts cannot encode it.
    public func pdf() -> Data {
        var page = PDFPage(size: .label4x6)
        page.strokeRectangle(PDFRect(x: Self.border, y: Self.border, width: Self.size.width - 2 * Self.border,
                                     height: Self.size.height - 2 * Self.border), lineWidth: 1)
        let transporterSize = Self.largestSize(of: transporter, font: .helveticaBold, fitting: Self.contentWidth,
                                               sizes: [18, 16, 14, 12, 10, 8])
        page.drawText(transporter, at: PDFPoint(x: Self.left, y: 28), font: .helveticaBold, size: transporterSize)
        rule(on: &page, at: 36)
        if let awb = awbBarcode {
            page.drawBarcode(awb.barcode, at: awb.origin, moduleWidth: awb.moduleWidth, barHeight: awb.barHeight, textSize: 11,
                             font: .helveticaBold)
        } else {
            page.drawText(awbNumber, at: PDFPoint(x: Self.size.width / 2, y: 84), font: .helveticaBold, size: 14,
                          alignment: .center)
        }
        rule(on: &page, at: 122)
        drawShipTo(on: &page, top: 122, bottom: 234)
        rule(on: &page, at: 234)
        drawPayment(on: &page, box: PDFRect(x: Self.left, y: 240, width: Self.contentWidth, height: 44))
        let fromTop = drawReturnAddress(on: &page)
        let detailsBottom = drawDetails(on: &page, top: 290)
        drawShipmentBarcode(on: &page, top: detailsBottom + 4, limit: fromTop - 4)
        rule(on: &page, at: fromTop - 2)
        var document = PDFDocument(title: "Shipping label \(awbNumber)")
        document.addPage(page)
        return document.data()
    }

    private static let size = PDFPageSize.label4x6
    private static let border = 6.0
    private static let left = 12.0
    private static var contentWidth: Double { size.width - 2 * left }

    /// The AWB barcode: centred across the label inside the border, 60 points tall, its module the widest up to
    /// 2 points that fits, on a quarter point like its left edge; nil when the AWB has characters Code 128 cannot carry.
    var awbBarcode: PlacedBarcode? {
        guard let barcode = try? Code128(awbNumber) else { return nil }
        let available = Self.size.width - 2 * (Self.border + 4)
        let moduleWidth = barcode.moduleWidth(fitting: available, maximum: 2)
        let x = ((Self.size.width - barcode.width(moduleWidth: moduleWidth)) / 2 * 4).rounded(.down) / 4
        return PlacedBarcode(barcode: barcode, origin: PDFPoint(x: x, y: 44), moduleWidth: moduleWidth, barHeight: 60)
    }

    /// A full-width rule across the label at `y`.
    private func rule(on page: inout PDFPage, at y: Double) {
        page.drawLine(from: PDFPoint(x: Self.border, y: y), to: PDFPoint(x: Self.size.width - Self.border, y: y), lineWidth: 1)
    }

    /// The consignee between `top` and `bottom`: name in bold and the postal address in the largest type that fits.
    private func drawShipTo(on page: inout PDFPage, top: Double, bottom: Double) {
        page.drawText("SHIP TO", at: PDFPoint(x: Self.left, y: top + 12), font: .helveticaBold, size: 8, gray: 0.3)
        let address = shipTo.postalLines.joined(separator: "\n")
        for size in [12.0, 11, 10, 9, 8, 7] {
            let nameLines = PDFFont.helveticaBold.wrap(shipTo.name, width: Self.contentWidth, size: size + 2).count
            let addressLines = PDFFont.helvetica.wrap(address, width: Self.contentWidth, size: size).count
            let height = Double(nameLines) * (size + 2) * 1.15 + Double(addressLines) * size * 1.15
            guard top + 16 + height <= bottom || size == 7 else { continue }
            let next = page.drawParagraph(shipTo.name, at: PDFPoint(x: Self.left, y: top + 14 + size + 2), width: Self.contentWidth,
                                          font: .helveticaBold, size: size + 2, lineHeight: (size + 2) * 1.15)
            page.drawParagraph(address, at: PDFPoint(x: Self.left, y: next), width: Self.contentWidth, size: size,
                               lineHeight: size * 1.15)
            return
        }
    }

    /// The thick box saying what the courier collects: "COD Rs. … / COLLECT", or "PREPAID".
    private func drawPayment(on page: inout PDFPage, box: PDFRect) {
        page.strokeRectangle(box, lineWidth: 2)
        let centre = box.x + box.width / 2
        if let codAmount {
            page.drawText("COD \(codAmount.rupeesText)", at: PDFPoint(x: centre, y: box.y + 21), font: .helveticaBold, size: 18,
                          alignment: .center)
            page.drawText("COLLECT", at: PDFPoint(x: centre, y: box.y + 37), font: .helveticaBold, size: 11, alignment: .center)
        } else {
            page.drawText("PREPAID", at: PDFPoint(x: centre, y: box.y + 29), font: .helveticaBold, size: 20, alignment: .center)
        }
    }

    /// References on the left and parcel facts on the right, from `top`; returns the y below the lower column.
    private func drawDetails(on page: inout PDFPage, top: Double) -> Double {
        let columnWidth = Self.contentWidth / 2
        var references = [(label: "Order", value: orderCode), (label: "Shipment", value: shipmentCode)]
        if let invoiceNumber { references.append((label: "Invoice", value: invoiceNumber)) }
        var parcel = [(label: "Weight", value: weightGrams.map { DocumentNumber.kilograms(grams: $0) + " kg" } ?? "-")]
        if let dimensions { parcel.append((label: "Dims", value: dimensions)) }
        parcel += [(label: "Units", value: "\(units)"), (label: "Packed", value: packedAt.documentDate)]
        let leftBottom = page.drawFields(references, at: PDFPoint(x: Self.left, y: top), labelWidth: 42,
                                         valueWidth: columnWidth - 46, size: 8)
        let rightBottom = page.drawFields(parcel, at: PDFPoint(x: Self.left + columnWidth, y: top), labelWidth: 38,
                                          valueWidth: columnWidth - 38, size: 8)
        return max(leftBottom, rightBottom)
    }

    /// The shipment code as a small barcode from `top`, when it is readable at that size and ends above `limit`.
    private func drawShipmentBarcode(on page: inout PDFPage, top: Double, limit: Double) {
        guard let barcode = try? Code128(shipmentCode) else { return }
        let moduleWidth = barcode.moduleWidth(fitting: Self.contentWidth, maximum: 1)
        let barHeight = 22.0, textSize = 7.0
        // The text under the bars needs about one and a half times its size.
        guard moduleWidth >= 0.5, top + barHeight + textSize * 1.6 <= limit else { return }
        page.drawBarcode(barcode, at: PDFPoint(x: Self.left, y: top), moduleWidth: moduleWidth, barHeight: barHeight,
                         textSize: textSize)
    }

    /// The sender's return address in small type at the foot of the label; returns the y of its top.
    private func drawReturnAddress(on page: inout PDFPage) -> Double {
        let size = 7.0, step = 8.4
        let text = ([shipFrom.name] + shipFrom.postalLines).joined(separator: ", ")
        let lines = PDFFont.helvetica.wrap(text, width: Self.contentWidth, size: size)
        let top = Self.size.height - Self.border - 4 - Double(lines.count + 1) * step
        page.drawText("FROM / RETURN TO", at: PDFPoint(x: Self.left, y: top + step), font: .helveticaBold, size: size, gray: 0.3)
        page.drawParagraph(text, at: PDFPoint(x: Self.left, y: top + 2 * step), width: Self.contentWidth, size: size,
                           lineHeight: step)
        return top
    }

    /// The largest of `sizes` (largest first) at which `text` fits on one line `width` wide, else the smallest.
    private static func largestSize(of text: String, font: PDFFont, fitting width: Double, sizes: [Double]) -> Double {
        sizes.first { font.width(of: text, size: $0) <= width } ?? sizes[sizes.count - 1]
    }
}

extension DocumentParty {
    /// The address as a courier reads it: street lines, "City, State PIN", then the phone number when known.
    var postalLines: [String] {
        let place = [city, state].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let placeLine = [place, zip ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        var lines = addressLines
        if !placeLine.isEmpty { lines.append(placeLine) }
        if let phone, !phone.isEmpty { lines.append("Phone: " + phone) }
        return lines
    }
}
