extension PDFPage {
    /// Draws a party under a bold `heading`: its name in bold, street lines, city and PIN code, state with its GST
    /// code, and GSTIN and phone when known, wrapped into `width`. Returns the y below the last line.
    @discardableResult
    mutating func drawParty(_ party: DocumentParty, heading: String, at origin: PDFPoint, width: Double,
                            size: Double = 9) -> Double {
        let step = size * 1.25
        var baseline = origin.y + size
        drawText(heading, at: PDFPoint(x: origin.x, y: baseline), font: .helveticaBold, size: size - 1, gray: 0.3)
        baseline = drawParagraph(party.name, at: PDFPoint(x: origin.x, y: baseline + step), width: width,
                                 font: .helveticaBold, size: size, lineHeight: step)
        for line in party.printedLines {
            baseline = drawParagraph(line, at: PDFPoint(x: origin.x, y: baseline), width: width, size: size, lineHeight: step)
        }
        return baseline - step + size * 0.4
    }

    /// Draws `label: value` pairs one under another from `origin`, labels in bold and values starting `labelWidth`
    /// to the right, wrapped into `valueWidth`. Returns the y below the last line.
    @discardableResult
    mutating func drawFields(_ fields: [(label: String, value: String)], at origin: PDFPoint, labelWidth: Double,
                             valueWidth: Double, size: Double = 9) -> Double {
        let step = size * 1.35
        var baseline = origin.y + size
        for field in fields {
            drawText(field.label, at: PDFPoint(x: origin.x, y: baseline), font: .helveticaBold, size: size)
            let next = drawParagraph(field.value, at: PDFPoint(x: origin.x + labelWidth, y: baseline), width: valueWidth,
                                     size: size, lineHeight: step)
            baseline = max(next, baseline + step)
        }
        return baseline - step + size * 0.4
    }

    /// Draws a ruled box `width` wide whose top-right corner is at `topRight`, one row per `label … value` pair with
    /// the value right-aligned; the last row is shaded and bold, as a grand total is. Returns the box's bottom y.
    @discardableResult
    mutating func drawSummaryBox(_ rows: [(label: String, value: String)], topRight: PDFPoint, width: Double) -> Double {
        let rowHeight = 16.0
        let box = PDFRect(x: topRight.x - width, y: topRight.y, width: width, height: Double(rows.count) * rowHeight)
        fillRectangle(PDFRect(x: box.x, y: box.maxY - rowHeight, width: box.width, height: rowHeight), gray: 0.85)
        for (index, row) in rows.enumerated() {
            let font: PDFFont = index == rows.count - 1 ? .helveticaBold : .helvetica
            let top = box.y + Double(index) * rowHeight
            drawText(row.label, at: PDFPoint(x: box.x + 6, y: top + 11), font: font, size: 9)
            drawText(row.value, at: PDFPoint(x: box.maxX - 6, y: top + 11), font: font, size: 9, alignment: .right)
            if index > 0 { drawLine(from: PDFPoint(x: box.x, y: top), to: PDFPoint(x: box.maxX, y: top)) }
        }
        strokeRectangle(box)
        return box.maxY
    }

    /// Draws a signature line `width` long whose left end is at `origin`, with `caption` under it.
    mutating func drawSignatureLine(caption: String, at origin: PDFPoint, width: Double) {
        drawLine(from: origin, to: PDFPoint(x: origin.x + width, y: origin.y), lineWidth: 0.75)
        drawText(caption, at: PDFPoint(x: origin.x, y: origin.y + 12), font: .helveticaBold, size: 9)
        drawText("Name, signature and date", at: PDFPoint(x: origin.x, y: origin.y + 24), size: 7.5, gray: 0.4)
    }
}

extension DocumentParty {
    /// The lines printed under the name: street lines, "City PIN", "State (code)", then GSTIN and phone when known.
    var printedLines: [String] {
        var lines = addressLines
        let cityLine = [city, zip].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !cityLine.isEmpty { lines.append(cityLine) }
        if let stateWithCode { lines.append(stateWithCode) }
        if let gstin, !gstin.isEmpty { lines.append("GSTIN: " + gstin) }
        if let phone, !phone.isEmpty { lines.append("Phone: " + phone) }
        return lines
    }

    /// The state and its GST code as invoices print them, "Karnataka (State code 29)"; nil when the state is unknown.
    var stateWithCode: String? {
        guard let state, !state.isEmpty else { return nil }
        guard let stateCode, !stateCode.isEmpty else { return state }
        return "\(state) (State code \(stateCode))"
    }
}

extension Code128 {
    /// The widest module, at most `maximum` points, that fits the whole symbol with its quiet zones into `width`
    /// points. It is a whole number of quarter points when at least one quarter fits, so bars fall on whole pixels
    /// at 72, 144 and 288 dpi.
    func moduleWidth(fitting width: Double, maximum: Double) -> Double {
        let fitting = min(maximum, width / Double(totalModules))
        let quarters = (fitting * 4).rounded(.down)
        return quarters >= 1 ? quarters / 4 : fitting
    }
}
