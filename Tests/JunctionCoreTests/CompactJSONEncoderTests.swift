import Foundation
import JunctionCore
import Testing

/// The compact encoder writes the documents `JSONEncoder` writes, members in the order they are encoded.
@Suite struct CompactJSONEncoderTests {
    private struct Line: Codable, Equatable {
        var sku: String
        var quantity: Int
        var price: Paise
        var note: String?
        var tags: [String]
        var weight: Double? = nil
        var pieces: Int? = nil
        var fragile: Bool? = nil
        var serial: Int64? = nil
        var status: Status? = nil
    }

    private enum Status: String, Codable { case open = "OPEN", shut = "SHUT" }

    private enum Change: Codable, Equatable {
        case moved(from: String, to: String)
        case held(Bool)
        case cleared
    }

    private struct Order: Codable, Equatable {
        var code: String
        var status: Status
        var lines: [Line]
        var totals: [String: Paise]
        var changes: [Change]
        var nested: [[Int]]
        var empty: [Line]
        var attributes: JSONValue
        var rate: Decimal
        var ratio: Double
        var flag: Bool?
        var count: UInt8
    }

    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    private var order: Order {
        Order(code: "ORD/1 \"quoted\" \\ ₹ 🙂 \n\t\u{01}", status: .open,
              lines: [Line(sku: "A", quantity: 2, price: Paise(rupees: Decimal(string: "499.50")!)!, note: nil, tags: []),
                      Line(sku: "B", quantity: -1, price: Paise(rupees: 0)!, note: "gift", tags: ["x", "y"],
                           weight: 0.25, pieces: 3, fragile: false, serial: Int64.max, status: .shut)],
              totals: ["gross": Paise(rupees: Decimal(string: "1234567.89")!)!],
              changes: [.moved(from: "WH1", to: "WH2"), .held(true), .cleared],
              nested: [[], [1, 2], [Int.min, Int.max]], empty: [],
              attributes: .object(["k": .array([.number(1.5), .null, .string("v"), .object([:])])]),
              rate: Decimal(string: "18.75")!, ratio: 0.1, flag: nil, count: 255)
    }

    /// Members come in the order the value encodes them (Foundation's `JSONEncoder` on Linux gives them in
    /// hash order, different in every process).
    @Test func writesMembersInTheOrderTheyAreEncoded() throws {
        let line = Line(sku: "SKU-1/2", quantity: 3, price: Paise(rupees: Decimal(string: "560.5")!)!, note: "a \"b\"", tags: ["t"])
        #expect(try CompactJSONEncoder.string([line]) == #"[{"sku":"SKU-1/2","quantity":3,"price":560.5,"note":"a \"b\"","tags":["t"]}]"#)
    }

    @Test func writesTheSameDocumentAsJSONEncoder() throws {
        let compact = try CompactJSONEncoder.bytes(order)
        let foundation = try encoder.encode(order)
        #expect(try JSONValue.parse(String(decoding: compact, as: UTF8.self)) == JSONValue.parse(String(decoding: foundation, as: UTF8.self)))
        #expect(try JSONDecoder().decode(Order.self, from: Data(compact)) == order)
        #expect(try CompactJSONDecoder.decode(Order.self, from: String(decoding: compact, as: UTF8.self)) == order)
    }

    @Test func randomDocumentsReadBackTheSame() throws {
        var generator = SeededGenerator(seed: 20261125)
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let text = try CompactJSONEncoder.string(value)
            #expect(try JSONValue.parse(text) == value, "\(text)")
            #expect(try CompactJSONDecoder.decode(JSONValue.self, from: text) == value, "\(text)")
        }
    }

    @Test func leavesAndEmptyValuesStandAlone() throws {
        #expect(try CompactJSONEncoder.string("a/b") == #""a/b""#)
        #expect(try CompactJSONEncoder.string(42) == "42")
        #expect(try CompactJSONEncoder.string(2.0) == "2")
        #expect(try CompactJSONEncoder.string([String: Int]()) == "{}")
        #expect(try CompactJSONEncoder.string([Int]()) == "[]")
        #expect(try CompactJSONEncoder.string(Optional<Int>.none) == "null")
        #expect(try CompactJSONEncoder.string(Nothing()) == "{}")
    }

    @Test func sortedKeysGiveOneTextHoweverADictionaryWasBuilt() throws {
        var forwards: [String: JSONValue] = [:], backwards: [String: JSONValue] = [:]
        let keys = (0..<40).map { "key\($0)" }
        for key in keys { forwards[key] = .object(["z": .number(1), "a": .array([.object(["y": .null, "b": .bool(true)])])]) }
        for key in keys.reversed() { backwards[key] = forwards[key] }
        let text = try CompactJSONEncoder.string(forwards, sortedKeys: true)
        #expect(text == (try CompactJSONEncoder.string(backwards, sortedKeys: true)))
        #expect(text.hasPrefix(#"{"key0":{"a":[{"b":true,"y":null}],"z":1},"key1":{"#))
        #expect(try JSONValue.parse(text) == .object(forwards))
        let line = Line(sku: "S", quantity: 1, price: Paise(rupees: 1)!, note: nil, tags: ["b", "a"])
        #expect(try CompactJSONEncoder.string(line, sortedKeys: true) == #"{"price":1,"quantity":1,"sku":"S","tags":["b","a"]}"#)
    }

    @Test func aNumberJSONCannotHoldIsRefusedWithItsPath() throws {
        struct Reading: Encodable { var values: [Double] }
        #expect {
            try CompactJSONEncoder.bytes(Reading(values: [1, .infinity]))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["values", "1"]
        }
    }

    @Test func handWrittenEncodingsWithNestedContainersCloseInPlace() throws {
        let text = try CompactJSONEncoder.string([Envelope(), Envelope()])
        #expect(text == #"[{"head":{"id":7,"list":[1,[true]]},"tail":"end"},{"head":{"id":7,"list":[1,[true]]},"tail":"end"}]"#)
    }

    private struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Opens a nested object holding a nested array, then asks for its own container again.
    private struct Envelope: Encodable {
        enum Keys: String, CodingKey { case head, id, list, tail }

        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var head = outer.nestedContainer(keyedBy: Keys.self, forKey: .head)
            try head.encode(7, forKey: .id)
            var list = head.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var inner = list.nestedUnkeyedContainer()
            try inner.encode(true)
            var again = encoder.container(keyedBy: Keys.self)
            try again.encode("end", forKey: .tail)
        }
    }

    private static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let pick = depth > 3 ? Int.random(in: 0...3, using: &generator) : Int.random(in: 0...5, using: &generator)
        switch pick {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2:
            let whole = Double(Int.random(in: -1_000_000...1_000_000, using: &generator))
            return .number(Bool.random(using: &generator) ? whole : whole / 128)
        case 3:
            let characters = Array("ab\"\\/\n\t\u{01}₹🙂 z")
            return .string(String((0..<Int.random(in: 0...8, using: &generator)).map { _ in characters.randomElement(using: &generator)! }))
        case 4:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var fields: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                fields["k\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(fields)
        }
    }
}
