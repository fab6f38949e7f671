/// A position on a page in points, measured from the page's top-left corner with y growing downwards.
public struct PDFPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle on a page in points; `x` and `y` locate its top-left corner, measured like `PDFPoint`.
public struct PDFRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The y coordinate of the bottom edge.
    public var maxY: Double { y + height }

    /// The x coordinate of the right edge.
    public var maxX: Double { x + width }
}
