@testable import JunctionCore
import Testing

/// A shipment's invoice over random states, prices, quantities and rules: the supply type follows the
/// two states, CGST = SGST within a state, base + tax = price, and the totals are the sums of the lines.
@Suite struct ShipmentInvoiceTests {
    let date = Timestamp.indianMidnight(year: 2026, month: 1, day: 15)

    private func input(_ lineNo: Int, price: Int64, quantity: Int, rule: String,
                       breakup: TaxBreakupInput? = nil) -> InvoiceLineInput {
        InvoiceLineInput(item: InvoiceItem(lineNo: lineNo, orderItemCode: "I\(lineNo)", channelSkuCode: "SKU\(lineNo)",
                                           clientSkuId: "C\(lineNo)", description: "Item \(lineNo)", hsnCode: "6109"),
                         unitPrice: Paise(price), quantity: quantity,
                         taxRule: rule, channelBreakup: breakup)
    }

    @Test func invariantsHoldOverRandomStatesPricesAndRules() throws {
        var random = SeededGenerator(seed: 0x5348_4950)
        let rules = ["GST_0", "GST_5", "GST_12", "GST_18", "GST_28", "GST_APPAREL"]
        for _ in 0..<500 {
            let supplier = IndianState.allCases.randomElement(using: &random)!
            let place = Bool.random(using: &random) ? supplier : IndianState.allCases.randomElement(using: &random)!
            let inputs = (0..<Int.random(in: 1...6, using: &random)).map { lineNo in
                input(lineNo, price: Int64.random(in: 0...50_000_00, using: &random), quantity: Int.random(in: 1...20, using: &random),
                      rule: rules.randomElement(using: &random)!)
            }
            let invoice = try ShipmentInvoice.compute(inputs, supplier: supplier, placeOfSupply: place, book: .standard, on: date)
            #expect(invoice.supplyType == (supplier == place ? .intraState : .interState))
            for line in invoice.lines {
                let types = line.tax.taxItems.map(\.type)
                #expect(types == (supplier == place ? [.cgst, .sgst] : [.igst]))
                if supplier == place { #expect(line.tax.taxItems[0].taxPerUnit == line.tax.taxItems[1].taxPerUnit) }
                #expect(line.tax.baseSellingPricePerUnit + line.tax.netTaxAmountPerUnit == line.tax.actualSellingPricePerUnit)
                #expect(line.tax.actualSellingPriceTotal == line.tax.actualSellingPricePerUnit * line.tax.quantity)
            }
            #expect(invoice.totals.actualSellingPriceTotal == invoice.lines.reduce(.zero) { $0 + $1.tax.actualSellingPriceTotal })
            #expect(invoice.totals.baseSellingPriceTotal + invoice.totals.netTaxAmountTotal == invoice.totals.actualSellingPriceTotal)
            #expect(invoice.totals.cgstTotal == invoice.totals.sgstTotal)
        }
    }

    @Test func theSeedsPostingLineIsReproduced() throws {
        let invoice = try ShipmentInvoice.compute([input(0, price: 560_00, quantity: 2, rule: "GST_12")],
                                                  supplier: .karnataka, placeOfSupply: try ShipmentInvoice.state("KA", field: "state"),
                                                  book: .standard, on: date)
        let tax = invoice.lines[0].tax
        #expect(tax.baseSellingPricePerUnit == Paise(500_00) && tax.baseSellingPriceTotal == Paise(1000_00))
        #expect(tax.taxItems.map(\.taxPerUnit) == [Paise(30_00), Paise(30_00)] && tax.taxItems.map(\.taxTotal) == [Paise(60_00), Paise(60_00)])
    }

    @Test func theChannelsBreakupWinsAndUnknownRulesAndStatesAreRefused() throws {
        let breakup = TaxBreakupInput(channelSkuId: nil, channelSkuCode: "SKU0", baseSellingPricePerUnit: Paise(100_00),
                                      taxItemForms: [TaxItemInput(type: "IGST", rate: 12, taxPerUnit: Paise(12_00))])
        let invoice = try ShipmentInvoice.compute([input(0, price: 112_00, quantity: 1, rule: "GST_5", breakup: breakup)],
                                                  supplier: .karnataka, placeOfSupply: .maharashtra, book: .standard, on: date)
        #expect(invoice.lines[0].tax.taxItems.map(\.taxPerUnit) == [Paise(12_00)])
        #expect(throws: DomainError.self) {
            try ShipmentInvoice.compute([input(0, price: 100_00, quantity: 1, rule: "GST_7")], supplier: .karnataka,
                                        placeOfSupply: .karnataka, book: .standard, on: date)
        }
        #expect(throws: DomainError.self) { try ShipmentInvoice.state("Atlantis", field: "shipping address state") }
    }
}
