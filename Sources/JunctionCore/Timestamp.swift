/// A point in time, kept as milliseconds since 1970-01-01T00:00:00Z.
///
/// Partners send dates in every format Increff's pages show (§0.5): ISO-8601 with or without
/// milliseconds, with `Z` or a numeric offset, Java's `…Z[UTC]` zone suffix, a bare `yyyy-MM-dd`, or epoch
/// seconds/milliseconds. Junction emits one form: ISO-8601 with milliseconds and the India offset
/// (`2020-10-16T20:22:28.000+05:30`).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var millis: Int64

    public init(millis: Int64) { self.millis = millis }

    /// The offset Junction writes dates in: India Standard Time.
    public static let displayOffsetMinutes = 330

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millis < rhs.millis }

    public var description: String { iso8601 }

    /// Parses any accepted form; `nil` when the text is not a date.
    public init?(parsing raw: String) {
        var text = Substring(raw.trimmingSpaces)
        if let bracket = text.firstIndex(of: "[") { text = text[..<bracket] }
        if !text.isEmpty, text.allSatisfy(\.isNumber) {
            guard let number = Int64(text) else { return nil }
            millis = number > 100_000_000_000 ? number : number * 1000
            return
        }
        var scanner = DigitScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...Timestamp.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day)) * 86_400
        var fractionMillis: Int64 = 0
        var offsetMinutes = 0
        if scanner.skip("T") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
                  hour < 24, minute < 60 else { return nil }
            var second = 0
            if scanner.skip(":") {
                guard let value = scanner.number(digits: 2), value < 61 else { return nil }
                second = value
                if scanner.skip(".") || scanner.skip(",") {
                    let digits = scanner.digitRun()
                    guard !digits.isEmpty else { return nil }
                    let padded = (digits + "00").prefix(3)
                    fractionMillis = Int64(padded) ?? 0
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            if scanner.skip("Z") || scanner.skip("z") {
                offsetMinutes = 0
            } else if let sign = scanner.sign() {
                guard let hours = scanner.number(digits: 2) else { return nil }
                _ = scanner.skip(":")
                let minutes = scanner.number(digits: 2) ?? 0
                offsetMinutes = sign * (hours * 60 + minutes)
            }
        }
        guard scanner.isAtEnd else { return nil }
        millis = (seconds - Int64(offsetMinutes) * 60) * 1000 + fractionMillis
    }

    /// `2020-10-16T20:22:28.000+05:30`.
    public var iso8601: String {
        let offset = Timestamp.displayOffsetMinutes
        let local = millis + Int64(offset) * 60_000
        let days = Int(floorDiv(local, 86_400_000))
        let dayMillis = local - Int64(days) * 86_400_000
        let (year, month, day) = Timestamp.civil(fromDays: days)
        let hour = Int(dayMillis / 3_600_000)
        let minute = Int(dayMillis / 60_000 % 60)
        let second = Int(dayMillis / 1000 % 60)
        let milli = Int(dayMillis % 1000)
        let sign = offset < 0 ? "-" : "+"
        let offsetHours = abs(offset) / 60, offsetMins = abs(offset) % 60
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))."
            + "\(pad(milli, 3))\(sign)\(pad(offsetHours, 2)):\(pad(offsetMins, 2))"
    }

    // Howard Hinnant's civil-date algorithms.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

private struct DigitScanner {
    var text: Substring
    init(_ text: Substring) { self.text = text }

    var isAtEnd: Bool { text.isEmpty }

    mutating func skip(_ character: Character) -> Bool {
        guard text.first == character else { return false }
        text = text.dropFirst()
        return true
    }

    mutating func number(digits: Int) -> Int? {
        let run = text.prefix(digits)
        guard run.count == digits, run.allSatisfy(\.isASCII), let value = Int(run) else { return nil }
        text = text.dropFirst(digits)
        return value
    }

    mutating func digitRun() -> String {
        let run = text.prefix { $0.isASCII && $0.isNumber }
        text = text.dropFirst(run.count)
        return String(run)
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
