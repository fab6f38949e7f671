/// An Indian financial year, 1 April to 31 March, reckoned in India time: 31 March 2025 falls in
/// 2024-25 and 1 April 2025 in 2025-26.
public struct FinancialYear: Hashable, Comparable, Sendable {
    /// The calendar year the financial year starts in: 2024 for 2024-25.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The financial year that contains an instant, by its date in India.
    public init(containing date: Timestamp) {
        let (year, month, _) = date.indianDate
        startYear = month >= 4 ? year : year - 1
    }

    /// `2024-25`: the label e-invoices and GST returns use, and the financial year of the IRN hash input.
    public var label: String { "\(digits(startYear, 4))-\(digits((startYear + 1) % 100, 2))" }

    /// `2425`: the two-digit years run together, for invoice numbers.
    public var shortCode: String { "\(digits(startYear % 100, 2))\(digits((startYear + 1) % 100, 2))" }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }
}

/// `value` in decimal, zero-padded to `width` digits.
private func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
