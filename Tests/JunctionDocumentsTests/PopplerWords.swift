import Foundation

/// The words and their boxes from `pdftotext -bbox` output.
struct PopplerWords: RandomAccessCollection {
    struct Word {
        let text: String
        let xMin: Double
        let xMax: Double
    }

    private let words: [Word]

    init(xhtml: String) throws {
        words = try xhtml.matches(of: /<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)<\/word>/)
            .map { match in
                guard let xMin = Double(match.output.1), let xMax = Double(match.output.2) else {
                    throw CocoaError(.coderReadCorrupt)
                }
                let text = String(match.output.3).replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                return Word(text: text, xMin: xMin, xMax: xMax)
            }
    }

    var startIndex: Int { words.startIndex }
    var endIndex: Int { words.endIndex }
    subscript(position: Int) -> Word { words[position] }
}
