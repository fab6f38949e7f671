extension TaxRuleBook {
    /// The built-in book: the GST rates as Junction ships them, each in force from GST's start on
    /// 1 July 2017, and the apparel slabs changed from 22 September 2025.
    ///
    /// | code | rate |
    /// |---|---|
    /// | `GST_0`, `GST_3`, `GST_5`, `GST_12`, `GST_18`, `GST_28` | that percentage, flat |
    /// | `GST_APPAREL` | from 2017-07-01: 5% up to ₹1,000 a unit, 12% above; from 2025-09-22: 5% up to ₹2,500, 18% above |
    ///
    /// Slab bounds are inclusive and tested on the tax-inclusive unit selling price (see ``TaxSchedule``).
    /// The law is the operator's to follow: a book read with ``init(json:)`` replaces this one.
    public static let standard: TaxRuleBook = {
        let gstStart = Timestamp.indianMidnight(year: 2017, month: 7, day: 1)
        let flatRules = [0, 3, 5, 12, 18, 28].map { percent in
            TaxRule(code: "GST_\(percent)", versions: [
                TaxRuleVersion(effectiveFrom: gstStart, schedule: TaxSchedule(flat: TaxRate(basisPoints: percent * 100))),
            ])
        }
        let apparel = TaxRule(code: "GST_APPAREL", versions: [
            TaxRuleVersion(effectiveFrom: gstStart, schedule: TaxSchedule(slabs: [
                TaxSlab(upTo: Paise(1_000_00), rate: TaxRate(basisPoints: 500)),
                TaxSlab(upTo: nil, rate: TaxRate(basisPoints: 1200)),
            ])),
            TaxRuleVersion(effectiveFrom: Timestamp.indianMidnight(year: 2025, month: 9, day: 22), schedule: TaxSchedule(slabs: [
                TaxSlab(upTo: Paise(2_500_00), rate: TaxRate(basisPoints: 500)),
                TaxSlab(upTo: nil, rate: TaxRate(basisPoints: 1800)),
            ])),
        ])
        return TaxRuleBook(flatRules + [apparel])
    }()
}
