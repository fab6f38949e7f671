import JunctionCore
import Testing

@Suite struct InvoiceNumberingTests {
    private func year(_ text: String) -> FinancialYear { FinancialYear(containing: Timestamp(parsing: text)!) }

    @Test func theFinancialYearTurnsOnTheFirstOfAprilInIndia() {
        #expect(year("2025-03-31T23:59:59.999+05:30").label == "2024-25")
        #expect(year("2025-04-01T00:00:00+05:30").label == "2025-26")
        #expect(year("2025-03-31T18:29:59Z").label == "2024-25")
        #expect(year("2025-03-31T18:30:00Z").label == "2025-26")
        #expect(year("2025-01-15").label == "2024-25")
        #expect(year("2025-12-31T12:00:00+05:30").label == "2025-26")
        #expect(FinancialYear(startYear: 1999).label == "1999-00")
        #expect(FinancialYear(startYear: 2009).shortCode == "0910")
        #expect(FinancialYear(startYear: 2024).shortCode == "2425")
        #expect(FinancialYear(startYear: 2024) < FinancialYear(startYear: 2025))
    }

    @Test func numbersCarryPrefixYearAndSequence() throws {
        let series = try InvoiceNumbering(prefix: " wh1 ", financialYear: FinancialYear(startYear: 2024))
        #expect(series.prefix == "WH1")
        #expect(try series.invoiceNumber(sequence: 1) == "WH1-2425-000001")
        #expect(try series.invoiceNumber(sequence: 123_456) == "WH1-2425-123456")
        #expect(try series.invoiceNumber(sequence: 1_234_567) == "WH1-2425-1234567")
    }

    @Test func numbersNeverExceedSixteenCharacters() throws {
        for prefix in ["A", "AB", "ABC", "ABCD"] {
            let series = try InvoiceNumbering(prefix: prefix, financialYear: FinancialYear(startYear: 2099))
            #expect(try series.invoiceNumber(sequence: 1).count <= 16)
            #expect(try series.invoiceNumber(sequence: series.maximumSequence).count == 16)
            #expect(throws: DomainError.invalidState("invoice series \(prefix)-9900 is used up")) {
                try series.invoiceNumber(sequence: series.maximumSequence + 1)
            }
        }
        let longest = try InvoiceNumbering(prefix: "ABCD", financialYear: FinancialYear(startYear: 2024))
        #expect(longest.maximumSequence == 999_999)
        #expect(try longest.invoiceNumber(sequence: 999_999) == "ABCD-2425-999999")
    }

    @Test(arguments: ["", "  ", "WHBLR", "WH-1", "WH/1", "ठाणे"])
    func refusesPrefixesThatDoNotFit(prefix: String) {
        #expect(throws: DomainError.invalid("invoicePrefix", "must be 1 to 4 letters or digits")) {
            try InvoiceNumbering(prefix: prefix, financialYear: FinancialYear(startYear: 2024))
        }
    }

    @Test func buildsTheIRNHashInput() throws {
        let number = try InvoiceNumbering(prefix: "WH1", financialYear: FinancialYear(startYear: 2024)).invoiceNumber(sequence: 1)
        let input = IRN.hashInput(supplierGSTIN: "29ABCDE1234F1Z5", financialYear: FinancialYear(startYear: 2024),
                                  documentType: .invoice, documentNumber: number)
        #expect(input == "29ABCDE1234F1Z52024-25INVWH1-2425-000001")
        #expect(IRN.hashInput(supplierGSTIN: "27ABCDE1234F1Z1", financialYear: FinancialYear(startYear: 2025),
                              documentType: .creditNote, documentNumber: "CN-1") == "27ABCDE1234F1Z12025-26CRNCN-1")
    }
}
