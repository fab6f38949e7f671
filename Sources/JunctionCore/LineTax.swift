import Foundation

/// The kinds of GST an invoice line carries.
public enum TaxType: String, Hashable, Sendable, Codable {
    /// Central GST, on a sale within a state.
    case cgst = "CGST"
    /// State (or union-territory) GST, on a sale within a state.
    case sgst = "SGST"
    /// Integrated GST, on a sale across states.
    case igst = "IGST"
}

/// One tax of an invoice line, as Increff's invoice details list it under `taxItems`.
public struct TaxComponent: Hashable, Sendable, Codable {
    public let type: TaxType
    /// The rate in percent (`6`, `2.5`).
    public let rate: Decimal
    public let taxPerUnit: Paise
    /// `taxPerUnit` × quantity.
    public let taxTotal: Paise
}

/// The tax break-up of one invoice line, shaped as Increff's invoice details.
///
/// Invariants, exact to the paisa: `baseSellingPricePerUnit + netTaxAmountPerUnit ==
/// actualSellingPricePerUnit`, `netTaxAmountPerUnit` is the sum of the items' `taxPerUnit`, and every
/// total is its per-unit figure × quantity.
public struct LineTax: Hashable, Sendable, Codable {
    public let quantity: Int
    public let baseSellingPricePerUnit: Paise
    public let baseSellingPriceTotal: Paise
    /// The tax-inclusive selling price of one unit.
    public let actualSellingPricePerUnit: Paise
    public let actualSellingPriceTotal: Paise
    public let netTaxAmountPerUnit: Paise
    public let netTaxAmountTotal: Paise
    public let taxItems: [TaxComponent]

    /// A line from per-unit figures; the totals follow from the quantity. The caller guarantees that the
    /// base and taxes add up to the price and that price × quantity fits ``Paise/limit``.
    init(quantity: Int, basePerUnit: Paise, pricePerUnit: Paise, taxes: [(type: TaxType, rate: Decimal, perUnit: Paise)]) {
        self.quantity = quantity
        baseSellingPricePerUnit = basePerUnit
        baseSellingPriceTotal = basePerUnit * quantity
        actualSellingPricePerUnit = pricePerUnit
        actualSellingPriceTotal = pricePerUnit * quantity
        netTaxAmountPerUnit = taxes.reduce(.zero) { $0 + $1.perUnit }
        netTaxAmountTotal = netTaxAmountPerUnit * quantity
        taxItems = taxes.map { TaxComponent(type: $0.type, rate: $0.rate, taxPerUnit: $0.perUnit, taxTotal: $0.perUnit * quantity) }
    }

    private enum CodingKeys: String, CodingKey {
        case quantity, baseSellingPricePerUnit, baseSellingPriceTotal, actualSellingPricePerUnit, actualSellingPriceTotal,
             netTaxAmountPerUnit, netTaxAmountTotal, taxItems
    }
}
