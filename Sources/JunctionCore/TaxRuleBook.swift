/// Every tax rule Junction knows, by code: the answer to "what rate does this article pay at this price
/// on this date".
///
/// ``standard`` is built in; an operator replaces it with a book read from JSON
/// (``init(json:)``) to follow a rate change without a new release.
public struct TaxRuleBook: Hashable, Sendable {
    /// The rules by upper-case code.
    public let rules: [String: TaxRule]

    /// A book of rules; traps when two share a code.
    public init(_ rules: [TaxRule]) {
        self.rules = Dictionary(rules.map { ($0.code, $0) }) { first, _ in
            preconditionFailure("tax rule \(first.code) is given twice")
        }
    }

    /// The rule a code names, whatever its case; throws ``DomainError/notFound(_:)`` for an unknown code.
    public func rule(_ code: String) throws -> TaxRule {
        guard let rule = rules[TaxRule.normalised(code)] else {
            throw DomainError.notFound("no tax rule \(code)")
        }
        return rule
    }

    /// The version of a rule in force at `date`; throws ``DomainError/notFound(_:)`` for an unknown code or
    /// a date before the rule's first version.
    public func version(of code: String, at date: Timestamp) throws -> TaxRuleVersion {
        let rule = try rule(code)
        guard let version = rule.version(at: date) else {
            throw DomainError.notFound("tax rule \(rule.code) has no version in force at \(date)")
        }
        return version
    }

    /// The rate a unit sold at `unitPrice` (tax-inclusive) pays under a rule at `date`.
    public func rate(for code: String, unitPrice: Paise, at date: Timestamp) throws -> TaxRate {
        try version(of: code, at: date).schedule.rate(forUnitPrice: unitPrice)
    }
}
