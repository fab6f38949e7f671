/// One price band of a slab schedule.
public struct TaxSlab: Hashable, Sendable {
    /// The highest unit price the band covers, inclusive; `nil` for the open top band.
    public var upTo: Paise?
    public var rate: TaxRate

    public init(upTo: Paise?, rate: TaxRate) {
        self.upTo = upTo
        self.rate = rate
    }
}

/// How one version of a tax rule picks a rate from a unit price: a flat rate, or price slabs.
///
/// Slabs are tested on the **tax-inclusive selling price of one unit**, the `sellingPricePerUnit` of the
/// order line (net of discounts), and a bound is **inclusive**: under "5% up to ₹1,000, 12% above", a
/// unit sold at exactly ₹1,000.00 pays 5% and one at ₹1,000.01 pays 12%. GST notifications word the
/// threshold on the value of supply; an operator who reads that as the pre-tax value encodes the
/// equivalent tax-inclusive bound (₹1,000 at 5% is ₹1,050 tax-inclusive) in the book.
public struct TaxSchedule: Hashable, Sendable {
    /// The bands in ascending order of bound, the last one open; a flat rate is a single open band.
    public let slabs: [TaxSlab]

    /// One rate for every price.
    public init(flat rate: TaxRate) {
        slabs = [TaxSlab(upTo: nil, rate: rate)]
    }

    /// Price bands; traps unless ``problem(in:)`` finds nothing wrong with them.
    public init(slabs: [TaxSlab]) {
        if let problem = TaxSchedule.problem(in: slabs) { preconditionFailure(problem) }
        self.slabs = slabs
    }

    /// Why a list of bands is not a schedule: it must be non-empty, bounds must rise strictly, and only
    /// the last band may be (and must be) open. `nil` when the list is fine.
    public static func problem(in slabs: [TaxSlab]) -> String? {
        guard let last = slabs.last else { return "must have at least one slab" }
        guard last.upTo == nil else { return "the last slab must have no upTo bound" }
        let bounds = slabs.dropLast().map(\.upTo)
        guard !bounds.contains(nil) else { return "only the last slab may have no upTo bound" }
        let values = bounds.compactMap { $0 }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return "upTo bounds must rise from slab to slab"
        }
        return nil
    }

    /// The single rate of a flat schedule; `nil` for a slab schedule.
    public var flatRate: TaxRate? { slabs.count == 1 ? slabs[0].rate : nil }

    /// The rate for a tax-inclusive unit selling price: that of the first band whose bound it does not exceed.
    public func rate(forUnitPrice price: Paise) -> TaxRate {
        slabs.first { slab in slab.upTo.map { price <= $0 } ?? true }!.rate
    }
}
