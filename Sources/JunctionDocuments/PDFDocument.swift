import Foundation

/// A PDF document under construction: metadata and finished pages, written out as PDF 1.4 by `data()`.
///
/// ```swift
/// var page = PDFPage(size: .a4)
/// page.drawText("TAX INVOICE", at: PDFPoint(x: 297.5, y: 60), font: .helveticaBold, size: 16, alignment: .center)
/// var document = PDFDocument(title: "Tax invoice WH1-2425-000001")
/// document.addPage(page)
/// let pdf = document.data()
/// ```
public struct PDFDocument: Sendable {
    /// The `/Title` in the document information dictionary; the `/Producer` is always "Junction".
    public var title: String
    public private(set) var pages: [PDFPage] = []

    public init(title: String) {
        self.title = title
    }

    /// Appends a page after the ones already added.
    public mutating func addPage(_ page: PDFPage) {
        pages.append(page)
    }

    /// The complete PDF file. A document needs at least one page for readers to open it.
    public func data() -> Data {
        PDFFileAssembler.assemble(objects: objects(), root: Self.catalogNumber, info: Self.infoNumber)
    }

    private static let catalogNumber = 1
    private static let pageTreeNumber = 2
    private static let infoNumber = 3
    private static let firstFontNumber = 4
    private static let firstPageNumber = firstFontNumber + PDFFont.allCases.count

    /// Every object body in object-number order: catalog, page tree, info, fonts, then a page and its content stream
    /// for each page.
    private func objects() -> [String] {
        let pageNumbers = pages.indices.map { Self.firstPageNumber + 2 * $0 }
        let fonts = PDFFont.allCases.map { font in
            "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFontName) /Encoding /WinAnsiEncoding >>"
        }
        let fontResources = PDFFont.allCases.enumerated().map { index, font in
            "/\(font.resourceName) \(Self.firstFontNumber + index) 0 R"
        }.joined(separator: " ")
        let pageObjects = zip(pages, pageNumbers).flatMap { page, number in
            let mediaBox = [0, 0, page.size.width, page.size.height].map(PDFSyntax.number).joined(separator: " ")
            return [
                "<< /Type /Page /Parent \(Self.pageTreeNumber) 0 R /MediaBox [\(mediaBox)] "
                    + "/Resources << /Font << \(fontResources) >> >> /Contents \(number + 1) 0 R >>",
                "<< /Length \(page.content.utf8.count) >>\nstream\n\(page.content)\nendstream",
            ]
        }
        return [
            "<< /Type /Catalog /Pages \(Self.pageTreeNumber) 0 R >>",
            "<< /Type /Pages /Kids [\(pageNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>",
            "<< /Title \(PDFSyntax.literal(title)) /Producer (Junction) >>",
        ] + fonts + pageObjects
    }
}
