import Foundation
import JunctionCore
import Testing

@Suite struct TaxRuleBookTests {
    private let book = TaxRuleBook.standard

    private func at(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    private func basisPoints(_ code: String, _ price: Int64, _ date: String) throws -> Int {
        try book.rate(for: code, unitPrice: Paise(price), at: at(date)).basisPoints
    }

    @Test func flatRulesGiveTheirRateAtAnyPrice() throws {
        for percent in [0, 3, 5, 12, 18, 28] {
            #expect(try basisPoints("GST_\(percent)", 1, "2020-01-01T00:00:00Z") == percent * 100)
            #expect(try basisPoints("GST_\(percent)", 50_00_000_00, "2030-01-01T00:00:00Z") == percent * 100)
        }
        #expect(try basisPoints(" gst_12 ", 1_00, "2020-01-01T00:00:00Z") == 1200)
    }

    @Test func apparelSlabBoundsAreInclusiveOnTheTaxInclusivePrice() throws {
        let before = "2025-09-21T23:59:59.999+05:30"
        #expect(try basisPoints("GST_APPAREL", 0, before) == 500)
        #expect(try basisPoints("GST_APPAREL", 1_000_00, before) == 500)
        #expect(try basisPoints("GST_APPAREL", 1_000_01, before) == 1200)
        #expect(try basisPoints("GST_APPAREL", 2_500_00, before) == 1200)
        let from = "2025-09-22T00:00:00+05:30"
        #expect(try basisPoints("GST_APPAREL", 1_000_01, from) == 500)
        #expect(try basisPoints("GST_APPAREL", 2_500_00, from) == 500)
        #expect(try basisPoints("GST_APPAREL", 2_500_01, from) == 1800)
        // Midnight in India, not in UTC: 21 September 20:00 UTC is already the 22nd in India.
        #expect(try basisPoints("GST_APPAREL", 2_000_00, "2025-09-21T18:29:59Z") == 1200)
        #expect(try basisPoints("GST_APPAREL", 2_000_00, "2025-09-21T18:30:00Z") == 500)
    }

    @Test func versionsTakeEffectFromTheirDate() throws {
        let apparel = try book.rule("GST_APPAREL")
        #expect(apparel.versions.count == 2)
        #expect(apparel.version(at: at("2017-06-30T23:59:59+05:30")) == nil)
        #expect(apparel.version(at: at("2017-07-01T00:00:00+05:30")) == apparel.versions[0])
        #expect(apparel.version(at: at("2025-09-22T00:00:00+05:30")) == apparel.versions[1])
        #expect(apparel.version(at: at("2040-01-01T00:00:00Z")) == apparel.versions[1])
    }

    @Test func unknownRulesAndDatesBeforeTheFirstVersionAreNotFound() {
        #expect(throws: DomainError.notFound("no tax rule GST_99")) {
            try basisPoints("GST_99", 100, "2020-01-01T00:00:00Z")
        }
        #expect(throws: DomainError.notFound("tax rule GST_5 has no version in force at 2017-06-30T00:00:00.000+05:30")) {
            try basisPoints("GST_5", 100, "2017-06-30T00:00:00+05:30")
        }
    }

    @Test func anOperatorAddsARateChangeInJSON() throws {
        let json = #"""
            {"rules": [
              {"code": "GST_FOOTWEAR", "versions": [
                {"effectiveFrom": "2017-07-01", "slabs": [{"upTo": 1000, "ratePercent": 5}, {"ratePercent": 18}]},
                {"effectiveFrom": "2025-09-22", "slabs": [{"upTo": "2500", "ratePercent": 5}, {"ratePercent": 18}]}]},
              {"code": "gst_2_5", "versions": [{"effectiveFrom": "2026-01-01T10:00:00+05:30", "ratePercent": 2.5}]}
            ]}
            """#
        let custom = try TaxRuleBook(json: Data(json.utf8))
        #expect(custom.rules.keys.sorted() == ["GST_2_5", "GST_FOOTWEAR"])
        #expect(try custom.rate(for: "GST_FOOTWEAR", unitPrice: Paise(1_500_00), at: at("2025-09-21T12:00:00+05:30"))
            == TaxRate(basisPoints: 1800))
        #expect(try custom.rate(for: "GST_FOOTWEAR", unitPrice: Paise(1_500_00), at: at("2025-09-22T00:00:00+05:30"))
            == TaxRate(basisPoints: 500))
        #expect(try custom.rate(for: "GST_2_5", unitPrice: Paise(1), at: at("2026-01-01T10:00:00+05:30"))
            == TaxRate(basisPoints: 250))
        #expect(throws: DomainError.self) {
            try custom.rate(for: "GST_2_5", unitPrice: Paise(1), at: at("2026-01-01T09:59:59+05:30"))
        }
    }

    @Test func theStandardBookRoundTripsThroughJSON() throws {
        let json = try book.json()
        #expect(try TaxRuleBook(json: json) == book)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""effectiveFrom" : "2025-09-22""#))
        #expect(text.contains(#""upTo" : 2500"#))
    }

    @Test func everyBadFieldOfABookIsNamed() {
        let json = #"""
            {"rules": [
              {"code": "GST_X", "versions": [
                {"effectiveFrom": "someday", "ratePercent": 12.345},
                {"effectiveFrom": "2020-01-01", "ratePercent": 5, "slabs": [{"ratePercent": 5}]},
                {"effectiveFrom": "2021-01-01", "slabs": [{"ratePercent": 5}, {"upTo": 100, "ratePercent": 12}]},
                {"effectiveFrom": "2022-01-01", "slabs": [{"upTo": 200, "ratePercent": 5}, {"upTo": 100, "ratePercent": 12}, {"ratePercent": 18}]},
                {"effectiveFrom": "2023-01-01", "slabs": [{"upTo": -1, "ratePercent": 101}, {}]}]},
              {"code": "gst_x", "versions": []},
              {"versions": [{"effectiveFrom": "2020-01-01", "ratePercent": 5}, {"effectiveFrom": "2020-01-01", "ratePercent": 6}]},
              {"code": "GST Y", "versions": [{"effectiveFrom": "2020-01-01", "ratePercent": 5}, {"effectiveFrom": "2020-01-01", "ratePercent": 6}]}
            ]}
            """#
        #expect(throws: DomainError.invalid([
            FieldError("rules[0].versions[0].effectiveFrom", "must be a date (yyyy-MM-dd) or a time"),
            FieldError("rules[0].versions[0].ratePercent", "must be a percentage from 0 to 100 with at most two decimals"),
            FieldError("rules[0].versions[1]", "must have either ratePercent or slabs"),
            FieldError("rules[0].versions[2].slabs", "the last slab must have no upTo bound"),
            FieldError("rules[0].versions[3].slabs", "upTo bounds must rise from slab to slab"),
            FieldError("rules[0].versions[4].slabs[0].upTo", "must not be negative"),
            FieldError("rules[0].versions[4].slabs[0].ratePercent", "must be a percentage from 0 to 100 with at most two decimals"),
            FieldError("rules[0].versions[4].slabs[1].ratePercent", "is required"),
            FieldError("rules[1].code", "repeats rules[0].code"),
            FieldError("rules[1]", "must have at least one version"),
            FieldError("rules[2].code", "is required"),
            FieldError("rules[3]", "code must be 1 to 64 letters, digits or underscores"),
        ])) {
            try TaxRuleBook(json: Data(json.utf8))
        }
        #expect(throws: DomainError.invalid("rules", "must list at least one rule")) {
            try TaxRuleBook(json: Data(#"{"rules": []}"#.utf8))
        }
        #expect(throws: DomainError.self) { try TaxRuleBook(json: Data("not json".utf8)) }
        #expect(throws: DomainError.invalid("rules[0].versions[0].slabs[0].upTo", "must be a number")) {
            try TaxRuleBook(json: Data(#"{"rules": [{"code": "A", "versions": [{"effectiveFrom": "2020-01-01", "slabs": [{"upTo": "lots"}]}]}]}"#.utf8))
        }
    }

    @Test func ratesAreReadFromPercentExactly() {
        #expect(TaxRate(percent: 12)?.basisPoints == 1200)
        #expect(TaxRate(percent: Decimal(string: "0.25")!)?.basisPoints == 25)
        #expect(TaxRate(percent: 100)?.basisPoints == 10_000)
        #expect(TaxRate(percent: Decimal(string: "0.125")!) == nil)
        #expect(TaxRate(percent: -1) == nil)
        #expect(TaxRate(percent: Decimal(string: "100.01")!) == nil)
        #expect(TaxRate(basisPoints: 250).percent == Decimal(string: "2.5"))
    }
}
