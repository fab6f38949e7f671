/// One of the standard Type 1 fonts every PDF reader carries, so nothing needs embedding.
///
/// Text is written with WinAnsiEncoding and limited to printable ASCII (see `PrintableText`);
/// widths come from the fonts' Adobe font metrics, so measured, centred and right-aligned text lands where expected.
public enum PDFFont: Hashable, Sendable, CaseIterable {
    case helvetica
    case helveticaBold

    /// The PostScript name written as the font's `/BaseFont`.
    var baseFontName: String {
        switch self {
        case .helvetica: "Helvetica"
        case .helveticaBold: "Helvetica-Bold"
        }
    }

    /// The name the page resources give the font in content streams.
    var resourceName: String {
        switch self {
        case .helvetica: "F1"
        case .helveticaBold: "F2"
        }
    }

    /// Height of capital letters in thousandths of the font size (the same in both weights).
    static let capHeight = 718.0

    /// The advance width of `text` once made printable, in points at the given font size.
    public func width(of text: String, size: Double) -> Double {
        Double(PrintableText.sanitize(text).utf8.reduce(0) { $0 + advance(of: $1) }) * size / 1000
    }

    /// The advance width of one printable ASCII byte in thousandths of the font size.
    func advance(of byte: UInt8) -> Int {
        let widths = switch self {
        case .helvetica: HelveticaWidths.regular
        case .helveticaBold: HelveticaWidths.bold
        }
        return widths[Int(byte) - Int(PrintableText.first)]
    }
}
