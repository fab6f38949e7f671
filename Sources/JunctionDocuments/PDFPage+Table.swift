extension PDFPage {
    /// Draws `table` with its top-left corner at `origin`: the header row, then `rows`, ruled around and between cells.
    /// Returns the y of the table's bottom edge.
    @discardableResult
    public mutating func drawTable(_ table: PDFTable, rows: [[String]], at origin: PDFPoint) -> Double {
        let offsets = table.columnOffsets
        let top = origin.y
        let headerHeight = table.height(ofRow: table.columns.map(\.title), font: table.headerFont)
        fillRectangle(PDFRect(x: origin.x, y: top, width: table.width, height: headerHeight), gray: table.headerGray)
        var y = drawRow(table.columns.map(\.title), of: table, font: table.headerFont, offsets: offsets, originX: origin.x, top: top)
        for row in rows {
            drawLine(from: PDFPoint(x: origin.x, y: y), to: PDFPoint(x: origin.x + table.width, y: y), lineWidth: table.ruleWidth)
            y = drawRow(row, of: table, font: table.bodyFont, offsets: offsets, originX: origin.x, top: y)
        }
        strokeRectangle(PDFRect(x: origin.x, y: top, width: table.width, height: y - top), lineWidth: table.ruleWidth)
        for offset in offsets.dropFirst() {
            drawLine(from: PDFPoint(x: origin.x + offset, y: top), to: PDFPoint(x: origin.x + offset, y: y), lineWidth: table.ruleWidth)
        }
        return y
    }

    /// Draws one row's cell text below `top` and returns the y of the row's bottom edge.
    private mutating func drawRow(_ row: [String], of table: PDFTable, font: PDFFont, offsets: [Double],
                                  originX: Double, top: Double) -> Double {
        // The first baseline centres a capital letter vertically in a one-line row.
        let firstBaseline = top + (table.rowHeight + PDFFont.capHeight / 1000 * table.fontSize) / 2
        for (index, lines) in table.cellLines(row, font: font).enumerated() {
            let column = table.columns[index]
            let anchorX = column.alignment.anchorX(left: originX + offsets[index], width: column.width, inset: table.padding)
            for (lineIndex, line) in lines.enumerated() where !line.isEmpty {
                let baseline = firstBaseline + Double(lineIndex) * table.lineSpacing
                drawText(line, at: PDFPoint(x: anchorX, y: baseline), font: font, size: table.fontSize, alignment: column.alignment)
            }
        }
        return top + table.height(ofRow: row, font: font)
    }
}
