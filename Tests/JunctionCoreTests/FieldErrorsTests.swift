import Foundation
import JunctionCore
import Testing

@Suite struct FieldErrorsTests {
    @Test func blankMeansWhatFoundationsWhitespaceSetHolds() {
        let samples = ["", " ", "\t", " \t ", "\u{00A0}", "\u{2003}\u{3000}", "a", " a ", "\n", "\r\n", "\u{200B}", "é", "🚚", "\u{00A0}x"]
        for text in samples {
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.unicodeScalars.map(\.value))")
        }
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar) + " "
            #expect(text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty, "U+\(String(value, radix: 16))")
        }
    }

    @Test func requiredRefusesBlankAndOverlongValuesAndNamesTheField() {
        var errors = FieldErrors()
        #expect(errors.required("ORD-1", "orderCode") == "ORD-1")
        #expect(errors.required(" \t", "orderCode") == nil)
        #expect(errors.required(nil, "channelName") == nil)
        #expect(errors.required("ééé", "city", maxLength: 3) == "ééé")
        #expect(errors.required("abcd", "city", maxLength: 3) == nil)
        #expect(errors.all == [FieldError("orderCode", "is required"), FieldError("channelName", "is required"),
                               FieldError("city", "must be at most 3 characters")])
    }
}
