/// One page being drawn: its size and the content stream its drawing operations have produced so far.
///
/// Coordinates are points from the page's top-left corner with y growing downwards; the page turns them into
/// PDF's bottom-left user space as it writes. Greys run from 0 (black) to 1 (white).
public struct PDFPage: Sendable {
    public let size: PDFPageSize

    /// The page's content stream: ASCII PDF operators, one drawing operation per line.
    private(set) var content = ""

    public init(size: PDFPageSize) {
        self.size = size
    }

    /// Adds one drawing operation's operators to the content stream.
    mutating func append(_ operators: String) {
        content += operators + "\n"
    }

    /// A point as the `x y` operands of PDF user space.
    func operands(_ point: PDFPoint) -> String {
        "\(PDFSyntax.number(point.x)) \(PDFSyntax.number(size.height - point.y))"
    }

    /// A rectangle as the `x y width height` operands of the `re` operator.
    func operands(_ rect: PDFRect) -> String {
        [rect.x, size.height - rect.maxY, rect.width, rect.height].map(PDFSyntax.number).joined(separator: " ")
    }

    /// Strokes a straight line.
    public mutating func drawLine(from start: PDFPoint, to end: PDFPoint, lineWidth: Double = 0.5, gray: Double = 0) {
        append("q \(PDFSyntax.number(gray)) G \(PDFSyntax.number(lineWidth)) w \(operands(start)) m \(operands(end)) l S Q")
    }

    /// Strokes the outline of a rectangle.
    public mutating func strokeRectangle(_ rect: PDFRect, lineWidth: Double = 0.5, gray: Double = 0) {
        append("q \(PDFSyntax.number(gray)) G \(PDFSyntax.number(lineWidth)) w \(operands(rect)) re S Q")
    }

    /// Fills a rectangle.
    public mutating func fillRectangle(_ rect: PDFRect, gray: Double = 0) {
        fillRectangles([rect], gray: gray)
    }

    /// Fills several rectangles in one operation, as barcode bars are drawn.
    public mutating func fillRectangles(_ rects: [PDFRect], gray: Double = 0) {
        guard !rects.isEmpty else { return }
        append("q \(PDFSyntax.number(gray)) g " + rects.map { operands($0) + " re" }.joined(separator: " ") + " f Q")
    }
}
