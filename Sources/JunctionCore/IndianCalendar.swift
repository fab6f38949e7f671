extension Timestamp {
    /// The calendar date of this instant in India (UTC+05:30), where every GST date is reckoned.
    var indianDate: (year: Int, month: Int, day: Int) {
        let localMillis = millis + Int64(Timestamp.displayOffsetMinutes) * 60_000
        let days = localMillis >= 0 ? localMillis / 86_400_000 : -((-localMillis + 86_399_999) / 86_400_000)
        let (year, month, day) = Timestamp.civil(fromDays: Int(days))
        return (year, month, day)
    }

    /// Midnight at the start of a day in India.
    static func indianMidnight(year: Int, month: Int, day: Int) -> Timestamp {
        let utcMidnight = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day)) * 86_400_000
        return Timestamp(millis: utcMidnight - Int64(Timestamp.displayOffsetMinutes) * 60_000)
    }

    /// Reads a bare `yyyy-MM-dd` as midnight starting that day in India, and any other form as
    /// ``init(parsing:)`` does.
    init?(parsingIndianDate text: String) {
        let trimmed = text.trimmingSpaces
        let isBareDate = trimmed.count == 10 && trimmed.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
        guard let parsed = Timestamp(parsing: isBareDate ? trimmed + "T00:00:00+05:30" : trimmed) else { return nil }
        self = parsed
    }

    /// `yyyy-MM-dd` when this is midnight in India, the full ISO-8601 text otherwise; read back by
    /// ``init(parsingIndianDate:)``.
    var indianDateText: String {
        let text = iso8601
        return text.hasSuffix("T00:00:00.000+05:30") ? String(text.prefix(10)) : text
    }
}
