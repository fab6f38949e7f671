import Foundation
import JunctionCore
import Testing

@Suite struct TaxCalculatorTests {
    private let twelve = TaxRate(basisPoints: 1200)

    private func line(_ price: Int64, _ rate: TaxRate, _ supply: SupplyType, quantity: Int = 1) throws -> LineTax {
        try TaxCalculator.line(unitPrice: Paise(price), quantity: quantity, source: .rate(rate, supply),
                               field: "orderItems[0]")
    }

    private func item(_ line: LineTax, _ type: TaxType) -> TaxComponent? {
        line.taxItems.first { $0.type == type }
    }

    @Test func reproducesTheReferenceExample() throws {
        let line = try line(560_00, twelve, .intraState, quantity: 2)
        #expect(line.baseSellingPricePerUnit == Paise(500_00))
        #expect(line.netTaxAmountPerUnit == Paise(60_00))
        #expect(line.taxItems.map(\.type) == [.cgst, .sgst])
        for type in [TaxType.cgst, .sgst] {
            #expect(item(line, type)?.rate == 6)
            #expect(item(line, type)?.taxPerUnit == Paise(30_00))
            #expect(item(line, type)?.taxTotal == Paise(60_00))
        }
        #expect(line.baseSellingPriceTotal == Paise(1000_00))
        #expect(line.actualSellingPriceTotal == Paise(1120_00))
        #expect(line.netTaxAmountTotal == Paise(120_00))

        let igst = try self.line(560_00, twelve, .interState)
        #expect(igst.baseSellingPricePerUnit == Paise(500_00))
        #expect(igst.taxItems.map(\.type) == [.igst])
        #expect(item(igst, .igst)?.rate == 12)
        #expect(item(igst, .igst)?.taxPerUnit == Paise(60_00))
    }

    @Test func encodesAsIncreffInvoiceDetails() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(try line(560_00, twelve, .intraState, quantity: 2)), as: UTF8.self)
        #expect(json == #"{"actualSellingPricePerUnit":560,"actualSellingPriceTotal":1120,"baseSellingPricePerUnit":500,"#
            + #""baseSellingPriceTotal":1000,"netTaxAmountPerUnit":60,"netTaxAmountTotal":120,"quantity":2,"taxItems":["#
            + #"{"rate":6,"taxPerUnit":30,"taxTotal":60,"type":"CGST"},{"rate":6,"taxPerUnit":30,"taxTotal":60,"type":"SGST"}]}"#)
    }

    @Test func roundsTheBaseHalfAwayFromZeroAndKeepsIntraStateTaxEven() throws {
        // ₹100 at 12%: the exact base is 89.2857…; across states the base rounds to 89.29 (tax 10.71),
        // within a state to 89.28 so that the tax (10.72) halves into 5.36 + 5.36.
        let inter = try line(100_00, twelve, .interState)
        #expect(inter.baseSellingPricePerUnit == Paise(89_29))
        #expect(item(inter, .igst)?.taxPerUnit == Paise(10_71))
        let intra = try line(100_00, twelve, .intraState)
        #expect(intra.baseSellingPricePerUnit == Paise(89_28))
        #expect(item(intra, .cgst)?.taxPerUnit == Paise(5_36))
        #expect(item(intra, .sgst)?.taxPerUnit == Paise(5_36))

        // 14 paise at 12%: the exact base is 12.5 paise, a tie, which goes to the larger base (13);
        // within a state the bases with an even tax are 12 and 14, and 12 is nearer.
        #expect(try line(14, twelve, .interState).baseSellingPricePerUnit == Paise(13))
        #expect(try line(14, twelve, .intraState).baseSellingPricePerUnit == Paise(12))
        // 28 paise at 12%: an exact tax of 3 paise cannot halve; bases 24 and 26 are equally near 25, and
        // the tie goes to the larger base.
        let odd = try line(28, twelve, .intraState)
        #expect(odd.baseSellingPricePerUnit == Paise(26))
        #expect(item(odd, .cgst)?.taxPerUnit == Paise(1))
    }

    @Test func halfRatesStayExact() throws {
        let line = try line(1_000_00, TaxRate(basisPoints: 25), .intraState)
        #expect(item(line, .cgst)?.rate == Decimal(string: "0.125"))
        #expect(line.baseSellingPricePerUnit + line.netTaxAmountPerUnit == Paise(1_000_00))
    }

    @Test func zeroRateAndZeroPriceCarryNoTax() throws {
        let untaxed = try line(499_99, TaxRate(basisPoints: 0), .intraState)
        #expect(untaxed.baseSellingPricePerUnit == Paise(499_99))
        #expect(untaxed.taxItems.allSatisfy { $0.taxPerUnit == .zero && $0.rate == 0 })
        let free = try line(0, TaxRate(basisPoints: 2800), .interState, quantity: 3)
        #expect(free.baseSellingPriceTotal == .zero && free.netTaxAmountTotal == .zero)
    }

    @Test func invariantsHoldForRandomLinesAndInvoices() throws {
        var random = SeededGenerator(seed: 0x4753_5401)
        let rates = [0, 300, 500, 1200, 1800, 2800].map(TaxRate.init(basisPoints:))
        for _ in 0..<2_000 {
            let supply: SupplyType = Bool.random(using: &random) ? .intraState : .interState
            var lines: [LineTax] = []
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let price = Int64.random(in: 1...1_00_000_00, using: &random)
                let quantity = Int.random(in: 1...50, using: &random)
                let rate = rates.randomElement(using: &random)!
                let line = try line(price, rate, supply, quantity: quantity)
                try checkInvariants(line, price: price, quantity: quantity, rate: rate, supply: supply)
                lines.append(line)
            }
            let totals = InvoiceTaxTotals(lines)
            #expect(totals.baseSellingPriceTotal == lines.reduce(.zero) { $0 + $1.baseSellingPriceTotal })
            #expect(totals.actualSellingPriceTotal == lines.reduce(.zero) { $0 + $1.actualSellingPriceTotal })
            #expect(totals.netTaxAmountTotal == lines.reduce(.zero) { $0 + $1.netTaxAmountTotal })
            #expect(totals.baseSellingPriceTotal + totals.netTaxAmountTotal == totals.actualSellingPriceTotal)
            #expect(totals.cgstTotal + totals.sgstTotal + totals.igstTotal == totals.netTaxAmountTotal)
            #expect(totals.cgstTotal == totals.sgstTotal)
        }
    }

    private func checkInvariants(_ line: LineTax, price: Int64, quantity: Int, rate: TaxRate,
                                 supply: SupplyType) throws {
        let context = Comment(rawValue: "price \(price) paise × \(quantity) at \(rate.basisPoints) bp, \(supply)")
        #expect(line.actualSellingPricePerUnit == Paise(price), context)
        #expect(line.baseSellingPricePerUnit + line.netTaxAmountPerUnit == Paise(price), context)
        #expect(line.taxItems.reduce(.zero) { $0 + $1.taxPerUnit } == line.netTaxAmountPerUnit, context)
        #expect(line.baseSellingPriceTotal == line.baseSellingPricePerUnit * quantity, context)
        #expect(line.actualSellingPriceTotal == Paise(price) * quantity, context)
        #expect(line.netTaxAmountTotal == line.netTaxAmountPerUnit * quantity, context)
        #expect(line.baseSellingPriceTotal + line.netTaxAmountTotal == line.actualSellingPriceTotal, context)
        for item in line.taxItems { #expect(item.taxTotal == item.taxPerUnit * quantity, context) }
        // The base is within half a paisa (a paisa within a state) of the exact price / (1 + rate).
        let denominator = Int64(10_000 + rate.basisPoints)
        let error = abs(line.baseSellingPricePerUnit.value * denominator - price * 10_000)
        switch supply {
        case .interState:
            #expect(line.taxItems.map(\.type) == [.igst], context)
            #expect(error * 2 <= denominator, context)
        case .intraState:
            #expect(line.taxItems.map(\.type) == [.cgst, .sgst], context)
            let cgst = try #require(item(line, .cgst)), sgst = try #require(item(line, .sgst))
            #expect(cgst.taxPerUnit == sgst.taxPerUnit && cgst.taxTotal == sgst.taxTotal, context)
            #expect(cgst.rate * 2 == rate.percent && sgst.rate == cgst.rate, context)
            #expect(error <= denominator, context)
        }
    }

    @Test func refusesBadLines() {
        #expect(throws: DomainError.invalid([FieldError("orderItems[0].sellingPricePerUnit", "must not be negative"),
                                             FieldError("orderItems[0].quantity", "must be at least 1")])) {
            try line(-1, twelve, .intraState, quantity: 0)
        }
        #expect(throws: DomainError.invalid("orderItems[0].quantity", "makes the line total exceed ₹10,000 crore")) {
            try line(Paise.limit.value, twelve, .interState, quantity: 1_000_000)
        }
    }
}
