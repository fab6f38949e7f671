import Foundation

/// Checks a channel-supplied tax break-up and turns it into an invoice line.
enum ChannelTaxBreakup {
    /// The line the break-up describes. Its base and every tax item must be present and not negative, each
    /// item's type one of CGST, SGST and IGST (at most once) with a rate from 0 to 100 percent, and the base
    /// plus the items' `taxPerUnit` must equal `unitPrice` to the paisa; otherwise throws
    /// ``DomainError/invalid(_:)-swift.enum.case`` naming the fields under `field`.
    static func line(_ breakup: TaxBreakupInput, unitPrice: Paise, quantity: Int, field: String) throws -> LineTax {
        var errors = FieldErrors()
        let base = breakup.baseSellingPricePerUnit
        if base == nil {
            errors.add("\(field).baseSellingPricePerUnit", "is required")
        } else if base! < .zero {
            errors.add("\(field).baseSellingPricePerUnit", "must not be negative")
        }
        var taxes: [(type: TaxType, rate: Decimal, perUnit: Paise)] = []
        var seenTypes: [TaxType: Int] = [:]
        for (index, item) in (breakup.taxItemForms ?? []).enumerated() {
            let path = "\(field).taxItemForms[\(index)]"
            let type = taxType(item.type, path: path, into: &errors)
            if let type {
                if let first = seenTypes[type] {
                    errors.add("\(path).type", "repeats taxItemForms[\(first)].type")
                } else {
                    seenTypes[type] = index
                }
            }
            let rate = ratePercent(item.rate, path: path, into: &errors)
            if item.taxPerUnit == nil {
                errors.add("\(path).taxPerUnit", "is required")
            } else if item.taxPerUnit! < .zero {
                errors.add("\(path).taxPerUnit", "must not be negative")
            }
            if let type, let rate, let perUnit = item.taxPerUnit { taxes.append((type, rate, perUnit)) }
        }
        try errors.throwIfAny()
        let taxTotal = taxes.reduce(Paise.zero) { $0 + $1.perUnit }
        guard let base, base + taxTotal == unitPrice else {
            throw DomainError.invalid("\(field).baseSellingPricePerUnit",
                                      "plus the taxes per unit (\(taxTotal)) makes \((base ?? .zero) + taxTotal), "
                                          + "not the selling price \(unitPrice)")
        }
        return LineTax(quantity: quantity, basePerUnit: base, pricePerUnit: unitPrice, taxes: taxes)
    }

    private static func taxType(_ text: String?, path: String, into errors: inout FieldErrors) -> TaxType? {
        guard let text = errors.required(text, "\(path).type") else { return nil }
        guard let type = TaxType(rawValue: text.trimmingSpaces.uppercased()) else {
            errors.add("\(path).type", "must be CGST, SGST or IGST")
            return nil
        }
        return type
    }

    /// The rate exactly as the channel wrote it: a `Double`'s shortest decimal text.
    private static func ratePercent(_ rate: Double?, path: String, into errors: inout FieldErrors) -> Decimal? {
        guard let rate else {
            errors.add("\(path).rate", "is required")
            return nil
        }
        guard rate.isFinite, (0...100).contains(rate), let exact = Decimal(string: "\(rate)") else {
            errors.add("\(path).rate", "must be a percentage from 0 to 100")
            return nil
        }
        return exact
    }
}
