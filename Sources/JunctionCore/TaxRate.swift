import Foundation

/// A tax rate in whole basis points (1200 = 12%), so that every computation with it stays exact.
///
/// Rates run from 0% to 100%; GST's own rates, and halves of them for CGST and SGST, all fit.
public struct TaxRate: Hashable, Sendable {
    /// Hundredths of a percent.
    public let basisPoints: Int

    /// The highest rate accepted: 100%.
    public static let maximumBasisPoints = 10_000

    /// A rate the code itself names; it must lie within 0…10,000 basis points.
    public init(basisPoints: Int) {
        precondition((0...TaxRate.maximumBasisPoints).contains(basisPoints), "tax rate out of range: \(basisPoints)")
        self.basisPoints = basisPoints
    }

    /// A rate given in percent by a person; `nil` unless it is within 0…100 and has at most two decimals.
    public init?(percent: Decimal) {
        guard percent.isFinite, percent >= 0, percent <= 100 else { return nil }
        var scaled = percent * 100
        var whole = Decimal()
        NSDecimalRound(&whole, &scaled, 0, .plain)
        guard whole == scaled else { return nil }
        self.basisPoints = NSDecimalNumber(decimal: whole).intValue
    }

    /// The rate in percent, exact (`12`, `2.5`).
    public var percent: Decimal { Decimal(basisPoints) / 100 }
}
