import Foundation

/// Where the tax of an invoice line comes from.
public enum LineTaxSource: Hashable, Sendable {
    /// Junction works it out from the rate and the supply type.
    case rate(TaxRate, SupplyType)
    /// The channel sent the break-up; `field` names it in the request (`taxBreakupForms[0]`).
    case channel(TaxBreakupInput, field: String)
}

/// The GST arithmetic of invoice lines, exact in integer paise.
///
/// Selling prices include tax. From a price `P` and a rate `r` the exact base is `P / (1 + r)`; Junction
/// rounds it to the paisa, half away from zero, and the tax is what is left (`P − base`), so base and tax
/// always add up to the price. A sale within a state splits the tax into equal CGST and SGST, so there
/// the base is rounded to the nearest amount that leaves an even number of paise of tax (steps of two
/// paise, halves again towards the larger base), and CGST = SGST = tax / 2. The quantity multiplies
/// every per-unit figure, so totals are exact too. Example: ₹560 at 12% within a state is base ₹500,
/// CGST 6% ₹30, SGST 6% ₹30 a unit.
public enum TaxCalculator {
    /// The tax of one line: `unitPrice` is the tax-inclusive selling price of one unit, `field` names the
    /// line in the request (`orderItems[0]`). Throws ``DomainError/invalid(_:)-swift.enum.case`` for a
    /// negative price, a quantity below one, a line total beyond ``Paise/limit``, or a channel break-up
    /// that is incomplete or does not add up to the price.
    public static func line(unitPrice: Paise, quantity: Int, source: LineTaxSource, field: String) throws -> LineTax {
        var errors = FieldErrors()
        checkLine(unitPrice: unitPrice, quantity: quantity, field: field, into: &errors)
        try errors.throwIfAny()
        switch source {
        case .rate(let rate, let supply):
            return computed(unitPrice: unitPrice, quantity: quantity, rate: rate, supply: supply)
        case .channel(let breakup, let breakupField):
            return try ChannelTaxBreakup.line(breakup, unitPrice: unitPrice, quantity: quantity, field: breakupField)
        }
    }

    private static func checkLine(unitPrice: Paise, quantity: Int, field: String, into errors: inout FieldErrors) {
        if unitPrice < .zero { errors.add("\(field).sellingPricePerUnit", "must not be negative") }
        if quantity < 1 {
            errors.add("\(field).quantity", "must be at least 1")
        } else {
            let (total, overflow) = unitPrice.value.multipliedReportingOverflow(by: Int64(quantity))
            if overflow || total > Paise.limit.value {
                errors.add("\(field).quantity", "makes the line total exceed ₹10,000 crore")
            }
        }
    }

    private static func computed(unitPrice: Paise, quantity: Int, rate: TaxRate, supply: SupplyType) -> LineTax {
        switch supply {
        case .interState:
            let tax = inclusiveTax(of: unitPrice, rate: rate, step: 1)
            return LineTax(quantity: quantity, basePerUnit: unitPrice - tax, pricePerUnit: unitPrice,
                           taxes: [(.igst, rate.percent, tax)])
        case .intraState:
            let tax = inclusiveTax(of: unitPrice, rate: rate, step: 2)
            let half = Paise(tax.value / 2)
            let halfRate = Decimal(rate.basisPoints) / 200
            return LineTax(quantity: quantity, basePerUnit: unitPrice - tax, pricePerUnit: unitPrice,
                           taxes: [(.cgst, halfRate, half), (.sgst, halfRate, half)])
        }
    }

    /// The tax inside a tax-inclusive `price`, a whole number of `step`s of paise, chosen so that the base
    /// left (`price − tax`) is as near as possible to the exact `price × 10000 / (10000 + basis points)`,
    /// a tie going to the larger base. `price` is at most ``Paise/limit``, so nothing overflows.
    static func inclusiveTax(of price: Paise, rate: TaxRate, step: Int64) -> Paise {
        let basisPoints = Int64(rate.basisPoints)
        // The exact tax, counted in steps, is numerator / denominator.
        let numerator = price.value * basisPoints
        let denominator = (10_000 + basisPoints) * step
        // Nearest whole number of steps, a half rounding down: floor(n/d + 1/2 − 1/(2d)).
        let steps = (2 * numerator + denominator - 1) / (2 * denominator)
        return Paise(steps * step)
    }
}
