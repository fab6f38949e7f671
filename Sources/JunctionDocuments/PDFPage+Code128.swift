extension PDFPage {
    /// Draws `barcode` as filled bars, its left quiet zone starting at `origin.x` and the bars' tops at `origin.y`,
    /// with the text centred under the bars at `textSize` (no text when nil).
    /// Returns the area taken, quiet zones and text included.
    @discardableResult
    public mutating func drawBarcode(_ barcode: Code128, at origin: PDFPoint, moduleWidth: Double, barHeight: Double,
                                     textSize: Double? = 10, font: PDFFont = .helvetica) -> PDFRect {
        var bars: [PDFRect] = []
        var module = Code128.quietZoneModules
        for (index, width) in barcode.elementWidths.enumerated() {
            if index.isMultiple(of: 2) {
                bars.append(PDFRect(x: origin.x + Double(module) * moduleWidth, y: origin.y,
                                    width: Double(width) * moduleWidth, height: barHeight))
            }
            module += width
        }
        fillRectangles(bars)
        let totalWidth = barcode.width(moduleWidth: moduleWidth)
        var height = barHeight
        if let textSize {
            let baseline = origin.y + barHeight + textSize * 0.3 + PDFFont.capHeight / 1000 * textSize
            drawText(barcode.text, at: PDFPoint(x: origin.x + totalWidth / 2, y: baseline), font: font, size: textSize,
                     alignment: .center)
            height = baseline - origin.y + textSize * 0.25
        }
        return PDFRect(x: origin.x, y: origin.y, width: totalWidth, height: height)
    }
}
