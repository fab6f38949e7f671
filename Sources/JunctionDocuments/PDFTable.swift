/// The layout of a simple ruled table: columns side by side, a shaded header row of titles, then body rows.
///
/// A row is `rowHeight` tall; a cell whose text does not fit its column wraps, and each extra line makes its whole row
/// `lineSpacing` taller. Numeric columns are usually `.right` aligned so their digits line up.
public struct PDFTable: Sendable {
    /// One column: its header title, width in points and the alignment of its cells and title.
    public struct Column: Sendable {
        public var title: String
        public var width: Double
        public var alignment: PDFTextAlignment

        public init(_ title: String, width: Double, alignment: PDFTextAlignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var fontSize: Double
    /// The height of a row whose cells all fit on one line.
    public var rowHeight: Double
    /// The space between the inner edge of a column and its text.
    public var padding: Double = 3
    /// The grey behind the header row.
    public var headerGray: Double = 0.85
    /// The width of the rules around and between cells.
    public var ruleWidth: Double = 0.5
    public var headerFont: PDFFont = .helveticaBold
    public var bodyFont: PDFFont = .helvetica

    public init(columns: [Column], fontSize: Double = 8, rowHeight: Double = 14) {
        self.columns = columns
        self.fontSize = fontSize
        self.rowHeight = rowHeight
    }

    /// The distance between the baselines of a wrapped cell's lines.
    public var lineSpacing: Double { fontSize * 1.2 }

    /// The total width of all columns.
    public var width: Double { columns.reduce(0) { $0 + $1.width } }

    /// The x of each column's left edge, relative to the table's left edge.
    public var columnOffsets: [Double] {
        var offsets: [Double] = []
        var x = 0.0
        for column in columns {
            offsets.append(x)
            x += column.width
        }
        return offsets
    }

    /// The wrapped lines of each cell of `row`; missing cells are empty and cells beyond the last column are dropped.
    func cellLines(_ row: [String], font: PDFFont) -> [[String]] {
        columns.enumerated().map { index, column in
            index < row.count ? font.wrap(row[index], width: column.width - 2 * padding, size: fontSize) : []
        }
    }

    /// The height a row with these cells takes when drawn.
    public func height(ofRow row: [String], font: PDFFont? = nil) -> Double {
        let lineCount = cellLines(row, font: font ?? bodyFont).map(\.count).max() ?? 1
        return rowHeight + Double(max(lineCount, 1) - 1) * lineSpacing
    }

    /// The height of the header row and all `rows`, so callers can check whether the table fits a page.
    public func height(rows: [[String]]) -> Double {
        rows.reduce(height(ofRow: columns.map(\.title), font: headerFont)) { $0 + height(ofRow: $1) }
    }
}
