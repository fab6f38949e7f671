/// An invoice's tax figures: each the exact sum of the same figure over its lines.
public struct InvoiceTaxTotals: Hashable, Sendable, Codable {
    public private(set) var baseSellingPriceTotal: Paise = .zero
    public private(set) var actualSellingPriceTotal: Paise = .zero
    public private(set) var netTaxAmountTotal: Paise = .zero
    public private(set) var cgstTotal: Paise = .zero
    public private(set) var sgstTotal: Paise = .zero
    public private(set) var igstTotal: Paise = .zero

    public init(_ lines: [LineTax]) {
        for line in lines {
            baseSellingPriceTotal += line.baseSellingPriceTotal
            actualSellingPriceTotal += line.actualSellingPriceTotal
            netTaxAmountTotal += line.netTaxAmountTotal
            for item in line.taxItems {
                switch item.type {
                case .cgst: cgstTotal += item.taxTotal
                case .sgst: sgstTotal += item.taxTotal
                case .igst: igstTotal += item.taxTotal
                }
            }
        }
    }
}
