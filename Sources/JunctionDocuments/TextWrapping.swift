extension PDFFont {
    /// Breaks `text` into lines no wider than `width` points at the given size.
    ///
    /// Lines break between words; a newline in `text` forces a break (an empty paragraph gives an empty line),
    /// and a word too long for a line of its own is split between characters. The lines are already printable.
    public func wrap(_ text: String, width: Double, size: Double) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { paragraph in
            wrapParagraph(PrintableText.sanitize(String(paragraph)), width: width, size: size)
        }
    }

    private func wrapParagraph(_ paragraph: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if self.width(of: candidate, size: size) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = word
            while line.count > 1, self.width(of: line, size: size) > width {
                let head = longestFittingPrefix(of: line, width: width, size: size)
                lines.append(head)
                line.removeFirst(head.count)
            }
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of `word` that fits, but at least its first character so wrapping always progresses.
    private func longestFittingPrefix(of word: String, width: Double, size: Double) -> String {
        var prefix = String(word.prefix(1))
        for character in word.dropFirst() {
            guard self.width(of: prefix + String(character), size: size) <= width else { break }
            prefix.append(character)
        }
        return prefix
    }
}
