/// One version of a tax rule: the schedule in force from a date until the next version's date.
public struct TaxRuleVersion: Hashable, Sendable {
    /// The first instant the version applies to (midnight in India for a rate change "from" a date).
    public var effectiveFrom: Timestamp
    public var schedule: TaxSchedule

    public init(effectiveFrom: Timestamp, schedule: TaxSchedule) {
        self.effectiveFrom = effectiveFrom
        self.schedule = schedule
    }
}

/// A tax rule as articles name it (`GST_12`, `GST_APPAREL`): its history of versions, so that an order
/// is taxed by the law in force on its date of supply (the invoice date) and a rate change is data, not code.
public struct TaxRule: Hashable, Sendable {
    /// The rule code, upper case.
    public let code: String
    /// The versions, oldest first, with distinct dates.
    public let versions: [TaxRuleVersion]

    /// A rule; the code is upper-cased and the versions sorted. Traps unless ``problem(code:versions:)``
    /// finds nothing wrong.
    public init(code: String, versions: [TaxRuleVersion]) {
        if let problem = TaxRule.problem(code: code, versions: versions) { preconditionFailure(problem) }
        self.code = TaxRule.normalised(code)
        self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// Why a code and versions are not a rule: the code must be 1–64 letters, digits and underscores, and
    /// there must be at least one version, no two from the same instant. `nil` when they are fine.
    public static func problem(code: String, versions: [TaxRuleVersion]) -> String? {
        let normalised = TaxRule.normalised(code)
        guard (1...64).contains(normalised.count),
              normalised.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return "code must be 1 to 64 letters, digits or underscores" }
        guard !versions.isEmpty else { return "must have at least one version" }
        guard Set(versions.map(\.effectiveFrom)).count == versions.count else {
            return "two versions take effect at the same time"
        }
        return nil
    }

    /// A code as rules are filed: trimmed and upper case.
    static func normalised(_ code: String) -> String { code.trimmingSpaces.uppercased() }

    /// The version in force at `date`: the latest one effective at or before it; `nil` before the first.
    public func version(at date: Timestamp) -> TaxRuleVersion? {
        versions.last { $0.effectiveFrom <= date }
    }
}
