import Foundation

/// How numbers and strings are spelled inside PDF objects and content streams.
enum PDFSyntax {
    /// A real number with at most three decimals and no exponent, as PDF requires; non-finite values become 0.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = (value * 1000).rounded()
        guard thousandths != 0 else { return "0" }
        var text = String(format: "%.3f", thousandths / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A literal string `( … )` of the printable form of `text`, with `\`, `(` and `)` escaped.
    static func literal(_ text: String) -> String {
        var escaped = "("
        for character in PrintableText.sanitize(text) {
            if character == "\\" || character == "(" || character == ")" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + ")"
    }
}
