import Foundation

/// Reduces any string to printable ASCII, the part of WinAnsiEncoding the font width tables cover.
///
/// Common typographic characters get ASCII stand-ins (the rupee sign becomes "Rs."), accented letters lose their
/// accents, any whitespace or control character becomes a space, invisible format characters (zero-width space,
/// byte order mark) are dropped, and anything else becomes "?".
enum PrintableText {
    /// The first and last printable ASCII codes.
    static let first: UInt8 = 32
    static let last: UInt8 = 126

    private static let replacements: [Character: String] = [
        "₹": "Rs.", "€": "EUR", "£": "GBP",
        "‘": "'", "’": "'", "‚": "'", "′": "'",
        "“": "\"", "”": "\"", "„": "\"", "″": "\"",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "…": "...", "•": "*", "·": "-", "×": "x", "÷": "/",
        "©": "(c)", "®": "(R)", "™": "TM", "ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o",
    ]

    static func sanitize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let ascii = character.asciiValue, (first...last).contains(ascii) {
                result.append(character)
            } else if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                result.append(" ")
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) {
                continue
            } else if let replacement = replacements[character] {
                result += replacement
            } else {
                result += withoutAccents(character) ?? "?"
            }
        }
        return result
    }

    /// The printable ASCII left after canonical decomposition ("é" gives "e"), or nil when nothing is left.
    private static func withoutAccents(_ character: Character) -> String? {
        let kept = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.isASCII && (first...last).contains(UInt8($0.value))
        }
        return kept.isEmpty ? nil : String(String.UnicodeScalarView(kept))
    }
}
