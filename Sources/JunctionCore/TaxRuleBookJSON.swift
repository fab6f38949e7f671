import Foundation

extension TaxRuleBook {
    /// Reads a book an operator wrote, such as:
    ///
    /// ```json
    /// {"rules": [
    ///   {"code": "GST_12", "versions": [{"effectiveFrom": "2017-07-01", "ratePercent": 12}]},
    ///   {"code": "GST_APPAREL", "versions": [
    ///     {"effectiveFrom": "2017-07-01", "slabs": [{"upTo": 1000, "ratePercent": 5}, {"ratePercent": 12}]},
    ///     {"effectiveFrom": "2025-09-22", "slabs": [{"upTo": 2500, "ratePercent": 5}, {"ratePercent": 18}]}]}
    /// ]}
    /// ```
    ///
    /// A version has either `ratePercent` (flat) or `slabs`. `effectiveFrom` is a bare date, meaning
    /// midnight in India at the start of that day, or any time ``Timestamp/init(parsing:)`` reads.
    /// `upTo` is a rupee amount (inclusive, on the tax-inclusive unit price); the last slab has none.
    /// Rates are percentages with at most two decimals. Throws ``DomainError/invalid(_:)-swift.enum.case``
    /// naming every bad field (`rules[1].versions[0].slabs[0].upTo`).
    public init(json: Data) throws {
        let document: TaxRuleBookDocument
        do {
            document = try JSONDecoder().decode(TaxRuleBookDocument.self, from: json)
        } catch let error as DecodingError {
            throw DomainError.invalid([error.fieldError])
        }
        self = try document.book()
    }

    /// The book as JSON that ``init(json:)`` reads back: a starting point for an operator's own book.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(TaxRuleBookDocument(self))
    }
}

/// The JSON form of a ``TaxRuleBook``, every field optional so that validation can name each problem.
struct TaxRuleBookDocument: Codable {
    var rules: [Rule]?

    struct Rule: Codable {
        var code: String?
        var versions: [Version]?
    }

    struct Version: Codable {
        var effectiveFrom: String?
        var ratePercent: Decimal?
        var slabs: [Slab]?
    }

    struct Slab: Codable {
        var upTo: Paise?
        var ratePercent: Decimal?
    }

    init(_ book: TaxRuleBook) {
        rules = book.rules.values.sorted { $0.code < $1.code }.map { rule in
            Rule(code: rule.code, versions: rule.versions.map { version in
                let schedule = version.schedule
                return Version(
                    effectiveFrom: version.effectiveFrom.indianDateText,
                    ratePercent: schedule.flatRate?.percent,
                    slabs: schedule.flatRate == nil
                        ? schedule.slabs.map { Slab(upTo: $0.upTo, ratePercent: $0.rate.percent) } : nil)
            })
        }
    }

    /// The book, or every problem found.
    func book() throws -> TaxRuleBook {
        guard let rules, !rules.isEmpty else { throw DomainError.invalid("rules", "must list at least one rule") }
        var errors = FieldErrors()
        var built: [TaxRule] = []
        var seenCodes: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            if let code = rule.code.map(TaxRule.normalised) {
                if let first = seenCodes[code] {
                    errors.add("\(path).code", "repeats rules[\(first)].code")
                } else {
                    seenCodes[code] = index
                }
            }
            if let rule = Self.rule(rule, path: path, into: &errors) { built.append(rule) }
        }
        try errors.throwIfAny()
        return TaxRuleBook(built)
    }

    private static func rule(_ rule: Rule, path: String, into errors: inout FieldErrors) -> TaxRule? {
        guard let code = errors.required(rule.code, "\(path).code") else { return nil }
        guard let versions = rule.versions else {
            errors.add("\(path).versions", "is required")
            return nil
        }
        let built = versions.enumerated().compactMap { index, version in
            Self.version(version, path: "\(path).versions[\(index)]", into: &errors)
        }
        guard built.count == versions.count else { return nil }
        if let problem = TaxRule.problem(code: code, versions: built) {
            errors.add(path, problem)
            return nil
        }
        return TaxRule(code: code, versions: built)
    }

    private static func version(_ version: Version, path: String, into errors: inout FieldErrors) -> TaxRuleVersion? {
        var effectiveFrom: Timestamp?
        if let text = version.effectiveFrom {
            effectiveFrom = Timestamp(parsingIndianDate: text)
            if effectiveFrom == nil { errors.add("\(path).effectiveFrom", "must be a date (yyyy-MM-dd) or a time") }
        } else {
            errors.add("\(path).effectiveFrom", "is required")
        }
        let schedule: TaxSchedule?
        switch (version.ratePercent, version.slabs) {
        case (let percent?, nil):
            schedule = rate(percent, "\(path).ratePercent", into: &errors).map(TaxSchedule.init(flat:))
        case (nil, let slabs?):
            schedule = Self.slabs(slabs, path: "\(path).slabs", into: &errors)
        default:
            errors.add(path, "must have either ratePercent or slabs")
            schedule = nil
        }
        guard let effectiveFrom, let schedule else { return nil }
        return TaxRuleVersion(effectiveFrom: effectiveFrom, schedule: schedule)
    }

    private static func slabs(_ slabs: [Slab], path: String, into errors: inout FieldErrors) -> TaxSchedule? {
        var built: [TaxSlab] = []
        for (index, slab) in slabs.enumerated() {
            let slabPath = "\(path)[\(index)]"
            if let upTo = slab.upTo, upTo < .zero { errors.add("\(slabPath).upTo", "must not be negative") }
            guard let percent = slab.ratePercent else {
                errors.add("\(slabPath).ratePercent", "is required")
                continue
            }
            if let rate = rate(percent, "\(slabPath).ratePercent", into: &errors) {
                built.append(TaxSlab(upTo: slab.upTo, rate: rate))
            }
        }
        guard built.count == slabs.count else { return nil }
        if let problem = TaxSchedule.problem(in: built) {
            errors.add(path, problem)
            return nil
        }
        return TaxSchedule(slabs: built)
    }

    private static func rate(_ percent: Decimal, _ field: String, into errors: inout FieldErrors) -> TaxRate? {
        guard let rate = TaxRate(percent: percent) else {
            errors.add(field, "must be a percentage from 0 to 100 with at most two decimals")
            return nil
        }
        return rate
    }
}

private extension DecodingError {
    /// The failure as a field error named by its JSON path.
    var fieldError: FieldError {
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
             .dataCorrupted(let context):
            return FieldError(Self.path(context.codingPath), context.debugDescription)
        @unknown default:
            return FieldError("body", "is not a valid tax rule book")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "body" : text
    }
}
