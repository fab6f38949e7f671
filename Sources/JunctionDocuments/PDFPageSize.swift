/// The size of a page in PDF points (1/72 inch), width first.
public struct PDFPageSize: Hashable, Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4 portrait, 210 × 297 mm.
    public static let a4 = PDFPageSize(width: 595, height: 842)

    /// A 4 × 6 inch shipping label, portrait.
    public static let label4x6 = PDFPageSize(width: 288, height: 432)
}
