import Foundation
import JunctionCore
import Testing

/// `JSONValue.parse` reads bytes directly; it must agree with Foundation's reading of the same text and
/// refuse what is not JSON.
@Suite struct JSONValueParserTests {
    /// What Foundation's decoder makes of the text, through `JSONValue`'s `Decodable` conformance.
    private func foundation(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-0.5,"g":1.25e3,"h":"","i":[],"j":{}}"#,
        #"  [ 1 , 2.0 , -3e-2 , 4E+1 , 0 , -0 , 12345678901234 , 0.1 ]  "#,
        #""plain""#,
        #"{"escapes":"\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20b9 \ud83d\ude42","raw":"₹ 🙂 é"}"#,
        "3.5", "null", "true", #"{"dup":1,"dup":2}"#,
        #"{"nested":[[[[{"deep":[1,[2,[3]]]}]]]]}"#,
    ])
    func agreesWithFoundation(_ text: String) throws {
        #expect(try JSONValue.parse(text) == foundation(text))
    }

    @Test func readsBackWhatItWrites() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let value = randomValue(depth: 0, using: &generator)
            #expect(try JSONValue.parse(value.jsonText) == value)
        }
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, "{a:1}", "01", "1.", ".5", "-", "1e", "+1",
        "tru", "nul", "[1]x", #""open"#, "\"tab\there\"", #""\x""#, #""\u12""#, #""\ud83d""#, #""\ude42""#,
        "1e400", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(text) }
    }

    @Test func objectsAreAskedForByName() throws {
        #expect(try JSONValue.parseObject(#"{"a":"b"}"#) == ["a": .string("b")])
        #expect(throws: (any Error).self) { try JSONValue.parseObject("[]") }
    }

    private func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 100)
        case 3:
            let characters = Array("aZ09 \"\\/\n\t\u{01}₹é🙂")
            return .string(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in characters.randomElement(using: &generator)! }))
        case 4: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var fields: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) { fields["k\(index)"] = randomValue(depth: depth + 1, using: &generator) }
            return .object(fields)
        }
    }
}
