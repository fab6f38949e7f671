/// The invoice numbers of one series: the invoices of one prefix in one financial year (locations that
/// share a prefix share its series).
///
/// A number is `{PREFIX}-{YYZZ}-{SEQUENCE}`, such as `WH1-2425-000001`: the location's prefix of one to
/// four upper-case letters and digits, the financial year's ``FinancialYear/shortCode``, and the
/// sequence number zero-padded to six digits. GST allows at most 16 characters (letters, digits, `-`
/// and `/`), so a number never exceeds ``maximumLength``: with a four-character prefix the series holds
/// 999,999 invoices, with a shorter one more (the sequence then grows past six digits). Numbers are
/// unique per GSTIN and year only if no two locations sharing a GSTIN share a prefix; the sequence
/// counter itself is kept by the store.
public struct InvoiceNumbering: Hashable, Sendable {
    /// The most characters GST allows in an invoice number.
    public static let maximumLength = 16
    /// The longest prefix that still leaves room for a six-digit sequence.
    public static let maximumPrefixLength = maximumLength - yearPartLength - minimumSequenceDigits
    /// The sequence is padded to this many digits.
    static let minimumSequenceDigits = 6
    /// The characters between prefix and sequence: `-2425-`.
    static let yearPartLength = 6

    /// The location's prefix, upper case.
    public let prefix: String
    public let financialYear: FinancialYear

    /// A series; the prefix is trimmed and upper-cased, and throws
    /// ``DomainError/invalid(_:)-swift.enum.case`` (field `invoicePrefix`) unless it is then one to four
    /// letters and digits.
    public init(prefix: String, financialYear: FinancialYear) throws {
        let normalised = prefix.trimmingSpaces.uppercased()
        guard (1...InvoiceNumbering.maximumPrefixLength).contains(normalised.count),
              normalised.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw DomainError.invalid("invoicePrefix",
                                      "must be 1 to \(InvoiceNumbering.maximumPrefixLength) letters or digits")
        }
        self.prefix = normalised
        self.financialYear = financialYear
    }

    /// The highest sequence number whose invoice number still fits ``maximumLength``.
    public var maximumSequence: Int {
        let digits = InvoiceNumbering.maximumLength - prefix.count - InvoiceNumbering.yearPartLength
        return (0..<digits).reduce(1) { power, _ in power * 10 } - 1
    }

    /// The invoice number with sequence number `sequence` (from 1); throws
    /// ``DomainError/invalidState(_:)`` past ``maximumSequence``, when the series is used up.
    public func invoiceNumber(sequence: Int) throws -> String {
        precondition(sequence >= 1, "invoice sequence numbers start at 1")
        guard sequence <= maximumSequence else {
            throw DomainError.invalidState("invoice series \(prefix)-\(financialYear.shortCode) is used up")
        }
        let text = String(sequence)
        let padded = String(repeating: "0", count: max(0, InvoiceNumbering.minimumSequenceDigits - text.count)) + text
        return "\(prefix)-\(financialYear.shortCode)-\(padded)"
    }
}
