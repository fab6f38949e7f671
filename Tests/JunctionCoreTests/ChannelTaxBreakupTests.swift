import Foundation
import JunctionCore
import Testing

@Suite struct ChannelTaxBreakupTests {
    private func breakup(_ json: String) throws -> TaxBreakupInput {
        try JSONDecoder().decode(TaxBreakupInput.self, from: Data(json.utf8))
    }

    private func line(_ breakup: TaxBreakupInput?, price: Int64 = 560_00, quantity: Int = 3) throws -> LineTax {
        try TaxCalculator.line(
            unitPrice: Paise(price), quantity: quantity,
            source: breakup.map { .channel($0, field: "taxBreakupForms[0]") } ?? .rate(TaxRate(basisPoints: 1800), .interState),
            field: "orderItems[0]")
    }

    @Test func aChannelBreakupWinsOverTheRate() throws {
        let line = try line(breakup(#"""
            {"channelSkuId": "SKU-1", "baseSellingPricePerUnit": 500,
             "taxItemForms": [{"type": "cgst", "rate": 6.0, "taxPerUnit": 30}, {"type": "SGST", "rate": 6, "taxPerUnit": "30.00"}]}
            """#))
        #expect(line.baseSellingPricePerUnit == Paise(500_00))
        #expect(line.baseSellingPriceTotal == Paise(1500_00))
        #expect(line.netTaxAmountTotal == Paise(180_00))
        #expect(line.taxItems.map(\.type) == [.cgst, .sgst])
        #expect(line.taxItems.map(\.rate) == [6, 6])
        #expect(line.taxItems.map(\.taxTotal) == [Paise(90_00), Paise(90_00)])
    }

    @Test func withoutABreakupTheRateApplies() throws {
        let line = try line(nil, price: 118_00)
        #expect(line.baseSellingPricePerUnit == Paise(100_00))
        #expect(line.taxItems.map(\.type) == [.igst])
        #expect(line.taxItems.map(\.rate) == [18])
    }

    @Test func aBreakupThatDoesNotAddUpIsRefused() throws {
        let mismatch = try breakup(#"{"baseSellingPricePerUnit": 500, "taxItemForms": [{"type": "IGST", "rate": 12, "taxPerUnit": 60.01}]}"#)
        #expect(throws: DomainError.invalid("taxBreakupForms[0].baseSellingPricePerUnit",
                                            "plus the taxes per unit (60.01) makes 560.01, not the selling price 560.00")) {
            try line(mismatch)
        }
        let untaxed = try breakup(#"{"baseSellingPricePerUnit": 560}"#)
        #expect(try line(untaxed).taxItems.isEmpty)
    }

    @Test func everyBadFieldOfABreakupIsNamed() throws {
        let bad = try breakup(#"""
            {"taxItemForms": [{"type": "VAT", "rate": 120, "taxPerUnit": -1}, {"rate": 6},
                              {"type": "IGST", "rate": 12, "taxPerUnit": 1}, {"type": "igst", "rate": 12, "taxPerUnit": 1}]}
            """#)
        #expect(throws: DomainError.invalid([
            FieldError("taxBreakupForms[0].baseSellingPricePerUnit", "is required"),
            FieldError("taxBreakupForms[0].taxItemForms[0].type", "must be CGST, SGST or IGST"),
            FieldError("taxBreakupForms[0].taxItemForms[0].rate", "must be a percentage from 0 to 100"),
            FieldError("taxBreakupForms[0].taxItemForms[0].taxPerUnit", "must not be negative"),
            FieldError("taxBreakupForms[0].taxItemForms[1].type", "is required"),
            FieldError("taxBreakupForms[0].taxItemForms[1].taxPerUnit", "is required"),
            FieldError("taxBreakupForms[0].taxItemForms[3].type", "repeats taxItemForms[2].type"),
        ])) {
            try line(bad)
        }
    }

    @Test func theLineItselfIsCheckedFirst() throws {
        let fine = try breakup(#"{"baseSellingPricePerUnit": 500, "taxItemForms": [{"type": "IGST", "rate": 12, "taxPerUnit": 60}]}"#)
        #expect(throws: DomainError.invalid("orderItems[0].quantity", "must be at least 1")) {
            try line(fine, quantity: 0)
        }
    }
}
