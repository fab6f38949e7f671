import Foundation

/// The pages of a document whose content runs down a page and continues on new ones: it keeps the current page and
/// the y where the next content goes, starts a page when something does not fit, splits tables between pages with
/// their header row repeated, and numbers the pages "Page n of m" once all are drawn.
struct FlowingPages {
    /// The blank border around the content.
    static let margin = 40.0
    /// The space kept free at the foot of every page for the footer note and page number.
    static let footerHeight = 56.0

    let size: PDFPageSize
    /// Printed at the top of every page after the first, such as "TAX INVOICE WH1-2425-000001 (continued)".
    let continuationHeading: String
    /// Printed above the page number on every page, when given.
    let footerNote: String?

    private var finishedPages: [PDFPage] = []
    /// The page being drawn.
    var page: PDFPage
    /// The y where the next content goes on the current page.
    var y: Double
    /// The y where content started on the current page, telling an empty page from a used one.
    private var pageTop: Double

    init(size: PDFPageSize = .a4, continuationHeading: String, footerNote: String? = nil) {
        self.size = size
        self.continuationHeading = continuationHeading
        self.footerNote = footerNote
        page = PDFPage(size: size)
        y = Self.margin
        pageTop = Self.margin
    }

    /// The left edge of the content.
    var left: Double { Self.margin }

    /// The right edge of the content.
    var right: Double { size.width - Self.margin }

    /// The width between the margins.
    var width: Double { right - left }

    /// The lowest y content may reach on a page.
    var bottom: Double { size.height - Self.footerHeight }

    /// Moves to a new page unless `height` more points fit below `y` on this one.
    mutating func reserve(_ height: Double) {
        if y + height > bottom, y > pageTop { startPage() }
    }

    /// Finishes the current page and starts the next one below its continuation heading.
    mutating func startPage() {
        finishedPages.append(page)
        page = PDFPage(size: size)
        page.drawText(continuationHeading, at: PDFPoint(x: left, y: Self.margin + 10), font: .helveticaBold, size: 10)
        page.drawLine(from: PDFPoint(x: left, y: Self.margin + 16), to: PDFPoint(x: right, y: Self.margin + 16))
        y = Self.margin + 28
        pageTop = y
    }

    /// Draws `table` at the left margin from `y` on, as many rows on each page as fit, the header row heading every
    /// part; `y` ends below the table's last part.
    mutating func drawTable(_ table: PDFTable, rows: [[String]]) {
        let headerHeight = table.height(rows: [])
        var remaining = rows[...]
        while true {
            var height = headerHeight
            var count = 0
            for row in remaining {
                let rowHeight = table.height(ofRow: row)
                guard y + height + rowHeight <= bottom else { break }
                height += rowHeight
                count += 1
            }
            if count == 0, !remaining.isEmpty, y > pageTop {
                startPage()
                continue
            }
            // A row taller than a whole page still goes on a page of its own rather than stopping the flow.
            let part = remaining.prefix(max(count, remaining.isEmpty ? 0 : 1))
            y = page.drawTable(table, rows: Array(part), at: PDFPoint(x: left, y: y))
            remaining = remaining.dropFirst(part.count)
            guard !remaining.isEmpty else { return }
            startPage()
        }
    }

    /// The finished PDF titled `title`, every page carrying the footer note and "Page n of m".
    func data(title: String) -> Data {
        let pages = finishedPages + [page]
        var document = PDFDocument(title: title)
        let centre = size.width / 2
        for (index, var numbered) in pages.enumerated() {
            if let footerNote {
                numbered.drawText(footerNote, at: PDFPoint(x: centre, y: size.height - 36), size: 8, alignment: .center,
                              gray: 0.3)
            }
            numbered.drawText("Page \(index + 1) of \(pages.count)", at: PDFPoint(x: centre, y: size.height - 22),
                              size: 8, alignment: .center)
            document.addPage(numbered)
        }
        return document.data()
    }
}
