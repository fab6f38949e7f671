import Foundation
import JunctionCore
import Testing

@Suite struct MoneyAndTimeTests {
    @Test func rupeesRoundToTheNearestPaisaHalfAwayFromZero() throws {
        #expect(Paise(rupees: Decimal(string: "560")!) == Paise(56_000))
        #expect(Paise(rupees: Decimal(string: "99.995")!) == Paise(10_000))
        #expect(Paise(rupees: Decimal(string: "0.104")!) == Paise(10))
        #expect(Paise(rupees: Decimal(string: "-1.005")!) == Paise(-101))
        #expect(Paise(56_050).description == "560.50")
        #expect(Paise(-5).description == "-0.05")
        let decoded = try JSONDecoder().decode([Paise].self, from: Data(#"[199.99, "12.5", 0.1]"#.utf8))
        #expect(decoded == [Paise(19_999), Paise(1_250), Paise(10)])
        #expect(String(decoding: try JSONEncoder().encode([Paise(19_999)]), as: UTF8.self) == "[199.99]")
    }

    @Test func jsonAmountsAreExactOnTheFastPathAndBeyondIt() throws {
        let read = { (json: String) in try JSONDecoder().decode([Paise].self, from: Data(json.utf8)) }
        #expect(try read("[560.555, -1.005, 0.015, 99.995, 0.29, 0.57, 1.1, 99999999999.99]")
                == [Paise(56_056), Paise(-101), Paise(2), Paise(10_000), Paise(29), Paise(57), Paise(110), Paise(9_999_999_999_999)])
        #expect(try read(#"["560.555", 1e2, 5.0000000000000001]"#) == [Paise(56_056), Paise(10_000), Paise(500)])
        #expect(throws: DecodingError.self) { try read("[100000000000.01]") }
        #expect(throws: DecodingError.self) { try read(#"["cheap"]"#) }
        for paise: Int64 in [0, 1, 10, 29, 57, 110, 56_050, -5, 999_999_999_999_999, -999_999_999_999_999, 7_000_000_000_000_001] {
            let text = String(decoding: try JSONEncoder().encode([Paise(paise)]), as: UTF8.self)
            #expect(text == "[\(NSDecimalNumber(decimal: Paise(paise).rupees).stringValue)]")
            if paise.magnitude <= UInt64(Paise.limit.value) { #expect(try read(text) == [Paise(paise)]) }
        }
    }

    @Test func everyIncreffDateFormatIsRead() {
        let expected = Timestamp(millis: 1_602_859_948_000)
        #expect(Timestamp(parsing: "2020-10-16T20:22:28.000+05:30") == Timestamp(millis: 1_602_859_948_000))
        #expect(Timestamp(parsing: "2020-10-16T14:52:28Z") == expected)
        #expect(Timestamp(parsing: "2020-10-16T14:52:28Z[UTC]") == expected)
        #expect(Timestamp(parsing: "2020-10-16T14:52:28.000000Z[UTC]") == expected)
        #expect(Timestamp(parsing: "2020-10-16T20:22:28+0530") == expected)
        #expect(Timestamp(parsing: "1602859948") == expected)
        #expect(Timestamp(parsing: "1602859948000") == expected)
        #expect(Timestamp(parsing: "2020-10-16") == Timestamp(millis: 1_602_806_400_000))
        #expect(Timestamp(parsing: "2020-02-30") == nil)
        #expect(Timestamp(parsing: "16/10/2020") == nil)
        #expect(Timestamp(parsing: "2020-10-16T25:00:00Z") == nil)
        #expect(expected.iso8601 == "2020-10-16T20:22:28.000+05:30")
        #expect(Timestamp(millis: 0).iso8601 == "1970-01-01T05:30:00.000+05:30")
    }

    @Test func booleansAreReadInEverySpelling() throws {
        let flags = try JSONDecoder().decode([FlexBool].self, from: Data(#"[true, "false", "TRUE", 1, "0"]"#.utf8))
        #expect(flags.map(\.value) == [true, false, true, true, false])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([FlexBool].self, from: Data(#"["maybe"]"#.utf8)) }
    }
}
