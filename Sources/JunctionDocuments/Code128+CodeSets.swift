extension Code128 {
    static let codeB = 100
    static let codeC = 99

    /// The start code followed by the data values for printable ASCII `codes`, in code set B except for digit runs
    /// where switching to code set C makes the symbol shorter.
    static func codeSetValues(for codes: [UInt8]) -> [Int] {
        let leadingDigits = digitRun(in: codes, from: 0)
        var inCodeSetC = leadingDigits >= 4 || (leadingDigits >= 2 && leadingDigits == codes.count)
        var values = [inCodeSetC ? startC : startB]
        var index = 0
        while index < codes.count {
            let run = digitRun(in: codes, from: index)
            if inCodeSetC {
                if run >= 2 {
                    values.append(Int(codes[index] - 48) * 10 + Int(codes[index + 1] - 48))
                    index += 2
                    continue
                }
                values.append(codeB)
                inCodeSetC = false
            }
            // Leaving B costs one switch symbol, and coming back another unless the run ends the text.
            if run >= 6 || (run >= 4 && index + run == codes.count) {
                if run % 2 == 1 {
                    values.append(Int(codes[index]) - 32)
                    index += 1
                }
                values.append(codeC)
                inCodeSetC = true
            } else {
                values.append(Int(codes[index]) - 32)
                index += 1
            }
        }
        return values
    }

    /// How many ASCII digits follow one another from `start`.
    private static func digitRun(in codes: [UInt8], from start: Int) -> Int {
        codes[start...].prefix { (48...57).contains($0) }.count
    }
}
