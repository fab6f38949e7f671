import Foundation
import JunctionCore

extension Paise {
    /// The amount in rupees with two decimals, grouped the Indian way: `12,34,567.89`, `-560.00`.
    var groupedRupees: String {
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        var digits = String(magnitude / 100)
        var groups: [String] = []
        // The last three digits form the first group, every two before them the next ones.
        var groupLength = 3
        while digits.count > groupLength {
            groups.insert(String(digits.suffix(groupLength)), at: 0)
            digits.removeLast(groupLength)
            groupLength = 2
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",") + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// The amount with a rupee prefix the standard fonts can print: `Rs. 2,360.00`.
    var rupeesText: String { "Rs. " + groupedRupees }
}

extension Timestamp {
    /// The calendar date in India time as documents print it: `05-07-2024`.
    var documentDate: String {
        // `iso8601` is already written at the India offset, starting `yyyy-MM-dd`.
        let date = iso8601.prefix { $0 != "T" }.split(separator: "-")
        return date.reversed().joined(separator: "-")
    }
}

/// How documents print figures that are not money.
enum DocumentNumber {
    /// Grams as kilograms with three decimals: `450` gives `0.450`.
    static func kilograms(grams: Double) -> String {
        String(format: "%.3f", grams / 1000)
    }

    /// A percentage with two decimals and no sign: `6` gives `6.00`, `2.5` gives `2.50`.
    static func percent(_ rate: Decimal) -> String {
        var scaled = rate * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        let hundredths = NSDecimalNumber(decimal: rounded).intValue
        let fraction = abs(hundredths) % 100
        return (hundredths < 0 ? "-" : "") + "\(abs(hundredths) / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
