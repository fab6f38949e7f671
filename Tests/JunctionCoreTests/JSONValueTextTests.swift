import Foundation
import JunctionCore
import Testing

@Suite struct JSONValueTextTests {
    @Test func writesCompactSortedJSONThatReadsBackTheSame() throws {
        let value = JSONValue.object([
            "b": .array([.number(1), .number(-2.5), .number(1e20), .number(0.1), .bool(true), .null]),
            "a": .string("quote \" backslash \\ newline \n return \r tab \t bell \u{07} unit \u{1F} rupee ₹ emoji 🙂"),
            "c": .object(["z": .string(""), "y": .array([])]),
        ])
        let text = value.jsonText
        #expect(text.hasPrefix(#"{"a":"quote \" backslash \\ newline \n return \r tab \t bell \u0007 unit \u001f rupee ₹"#))
        #expect(text.contains(#""b":[1,-2.5,1e+20,0.1,true,null],"c":{"y":[],"z":""}}"#))
        #expect(try JSONValue.parse(text) == value)
    }

    @Test func numbersThatAreWholeHaveNoFraction() {
        #expect(JSONValue.array([.number(3), .number(-0.0), .number(12_345_678_901), .number(.nan)]).jsonText
                == "[3,0,12345678901,null]")
    }
}
