extension Paise {
    /// The amount in words in the Indian numbering system (thousand, lakh, crore), as invoices print it:
    /// `12,34,567.89` is "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and Eighty-Nine
    /// Paise Only".
    ///
    /// Rupees are always named, zero too ("Rupees Zero Only", "Rupees Zero and One Paisa Only"); paise are
    /// named only when there are some, "Paisa" for one. Crores above 99 are counted in the same system
    /// ("One Lakh Crore"). A negative amount starts with "Minus".
    public var inWords: String {
        let magnitude = value.magnitude
        let rupees = magnitude / 100, paise = magnitude % 100
        var text = "Rupees " + (rupees == 0 ? "Zero" : IndianNumberWords.words(rupees))
        if paise > 0 { text += " and " + IndianNumberWords.words(paise) + (paise == 1 ? " Paisa" : " Paise") }
        return (value < 0 ? "Minus " : "") + text + " Only"
    }
}

/// Whole numbers in English words, grouped the Indian way.
private enum IndianNumberWords {
    static let units = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen",
                        "Nineteen"]
    static let tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]

    /// A positive number in words: crores, lakhs, thousands, hundreds and the rest, each named only when
    /// not zero.
    static func words(_ number: UInt64) -> String {
        var parts: [String] = []
        if number >= 1_00_00_000 { parts.append(words(number / 1_00_00_000) + " Crore") }
        let groups: [(UInt64, String)] = [
            (number / 1_00_000 % 100, " Lakh"), (number / 1_000 % 100, " Thousand"), (number / 100 % 10, " Hundred"),
            (number % 100, ""),
        ]
        for (count, name) in groups where count > 0 { parts.append(belowHundred(count) + name) }
        return parts.joined(separator: " ")
    }

    /// 1…99: "Seven", "Nineteen", "Forty", "Sixty-Seven".
    private static func belowHundred(_ number: UInt64) -> String {
        if number < 20 { return units[Int(number)] }
        let unit = number % 10
        return tens[Int(number / 10)] + (unit > 0 ? "-" + units[Int(unit)] : "")
    }
}
