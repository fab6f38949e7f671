/// Which point of a line of text its anchor x coordinate names.
public enum PDFTextAlignment: Sendable {
    /// The anchor is the start of the text.
    case left
    /// The anchor is the middle of the text.
    case center
    /// The anchor is the end of the text.
    case right

    /// The anchor x that aligns lines this way within `left ... left + width`, keeping `inset` from either side.
    func anchorX(left: Double, width: Double, inset: Double = 0) -> Double {
        switch self {
        case .left: left + inset
        case .center: left + width / 2
        case .right: left + width - inset
        }
    }

    /// The x where a line of the given width starts when anchored at `anchor`.
    func startX(anchor: Double, textWidth: Double) -> Double {
        switch self {
        case .left: anchor
        case .center: anchor - textWidth / 2
        case .right: anchor - textWidth
        }
    }
}
