extension PDFPage {
    /// Draws one line of text with its baseline at `point.y`; `alignment` says whether `point.x` is where the text
    /// starts, its middle or its end. Text outside printable ASCII is replaced (see `PDFFont`).
    public mutating func drawText(_ text: String, at point: PDFPoint, font: PDFFont = .helvetica, size: Double,
                                  alignment: PDFTextAlignment = .left, gray: Double = 0) {
        let start = PDFPoint(x: alignment.startX(anchor: point.x, textWidth: font.width(of: text, size: size)), y: point.y)
        append("q \(PDFSyntax.number(gray)) g BT /\(font.resourceName) \(PDFSyntax.number(size)) Tf "
               + "1 0 0 1 \(operands(start)) Tm \(PDFSyntax.literal(text)) Tj ET Q")
    }

    /// Draws `text` wrapped into `width` points, the first baseline at `point.y` and each next one `lineHeight` lower
    /// (1.2 × size unless given). `alignment` places each line within `point.x ... point.x + width`.
    /// Returns the baseline y the line after the last one would have.
    @discardableResult
    public mutating func drawParagraph(_ text: String, at point: PDFPoint, width: Double, font: PDFFont = .helvetica,
                                       size: Double, lineHeight: Double? = nil, alignment: PDFTextAlignment = .left) -> Double {
        let step = lineHeight ?? size * 1.2
        let anchorX = alignment.anchorX(left: point.x, width: width)
        var baseline = point.y
        for line in font.wrap(text, width: width, size: size) {
            if !line.isEmpty {
                drawText(line, at: PDFPoint(x: anchorX, y: baseline), font: font, size: size, alignment: alignment)
            }
            baseline += step
        }
        return baseline
    }
}
