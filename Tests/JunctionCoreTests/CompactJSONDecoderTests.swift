import Foundation
import JunctionCore
import Testing

/// The compact decoder reads what `JSONDecoder` reads, numbers exactly, and fails where it fails.
@Suite struct CompactJSONDecoderTests {
    private struct Parcel: Codable, Equatable {
        var code: String
        var weight: Double
        var pieces: Int
        var serial: Int64
        var price: Paise
        var fragile: Bool
        var note: String?
        var flag: FlexBool?
        var items: [Item]
        var sizes: [String: Int]
        var extra: CustomAttributes?
    }

    private struct Item: Codable, Equatable {
        var sku: String
        var units: UInt8
    }

    @Test func readsEveryKindOfMemberAsJSONDecoderDoes() throws {
        let text = #"""
            {"code": "P/1 \"q\" \u20b9 \ud83d\ude42", "weight": 2.5e0, "pieces": 3, "serial": 9007199254740993,
             "price": 499.5, "fragile": false, "note": null, "flag": "TRUE",
             "items": [{"sku": "A", "units": 2}, {"units": 255, "sku": "B"}], "sizes": {"S": 1, "M": -2},
             "extra": {"attribute1": "gold", "attribute2": [1, null, {"x": true}]}, "unknown": [1, 2]}
            """#
        let compact = try CompactJSONDecoder.decode(Parcel.self, from: text)
        #expect(compact == (try JSONDecoder().decode(Parcel.self, from: Data(text.utf8))))
        #expect(compact.code == "P/1 \"q\" ₹ 🙂" && compact.serial == 9_007_199_254_740_993 && compact.price.value == 49_950)
        #expect(compact.note == nil && compact.flag?.value == true && compact.items.last == Item(sku: "B", units: 255))
    }

    @Test func wholeNumbersMayCarryAFractionOrAnExponent() throws {
        #expect(try CompactJSONDecoder.decode([Int].self, from: "[2.0, 1e3, -0, 12]") == [2, 1000, 0, 12])
        #expect(try CompactJSONDecoder.decode([Int64].self, from: "[9223372036854775807, -9223372036854775808]") == [.max, .min])
        #expect(try CompactJSONDecoder.decode(Decimal.self, from: "0.1") == Decimal(string: "0.1"))
        #expect(throws: DecodingError.self) { try CompactJSONDecoder.decode([Int].self, from: "[2.5]") }
        #expect(throws: DecodingError.self) { try CompactJSONDecoder.decode([UInt8].self, from: "[256]") }
        #expect(throws: DecodingError.self) { try CompactJSONDecoder.decode([Int64].self, from: "[9223372036854775808]") }
    }

    @Test func errorsNameWhereTheValueWas() throws {
        let missing = #"{"code": "P", "weight": 1, "pieces": 1, "serial": 1, "price": 1, "fragile": true, "items": [{"sku": "A"}], "sizes": {}}"#
        #expect(path(of: missing) == "items.0")
        let wrongType = #"{"code": "P", "weight": 1, "pieces": "1", "serial": 1, "price": 1, "fragile": true, "items": [], "sizes": {}}"#
        #expect(path(of: wrongType) == "pieces")
        let null = #"{"code": null, "weight": 1, "pieces": 1, "serial": 1, "price": 1, "fragile": true, "items": [], "sizes": {}}"#
        #expect(path(of: null) == "code")
        #expect(throws: (any Error).self) { try CompactJSONDecoder.decode(Item.self, from: #"{"sku": "A", "units": 1} x"#) }
    }

    /// Text that is not JSON (or not UTF-8) fails as Foundation's decoder fails: data corrupted, at the top.
    @Test func textThatIsNotJSONIsCorruptDataAtTheTop() throws {
        for bytes: [UInt8] in [Array(#"{"sku": "A", "units": }"#.utf8), [0x22, 0xFF, 0x22], Array("".utf8)] {
            #expect {
                try CompactJSONDecoder.decode(String.self, from: bytes)
            } throws: { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return false }
                return context.codingPath.isEmpty
            }
        }
        #expect(try CompactJSONDecoder.decode(String.self, from: Array(#""a\u00e9\n""#.utf8)) == "aé\n")
    }

    @Test func aRepeatedNameKeepsItsFirstValue() throws {
        #expect(try CompactJSONDecoder.decode(Item.self, from: #"{"sku": "A", "units": 1, "sku": "B"}"#) == Item(sku: "A", units: 1))
        let large = (0..<40).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        let map = try CompactJSONDecoder.decode([String: Int].self, from: "{\(large), \"k3\": 99}")
        #expect(map.count == 40 && map["k3"] == 3 && map["k39"] == 39)
    }

    /// Every member of a large object is found through an index: reading one with 200,000 members takes
    /// linear time (a scan per member would compare names some 10^10 times).
    @Test func aLargeObjectIsReadInLinearTime() throws {
        let members = (0..<200_000).map { #""attribute\#($0)": \#($0)"# }.joined(separator: ",")
        let map = try CompactJSONDecoder.decode([String: Int].self, from: "{\(members)}")
        #expect(map.count == 200_000 && map["attribute199999"] == 199_999)
    }

    /// The coding path of the error decoding `text` as a parcel, dotted.
    private func path(of text: String) -> String? {
        do {
            _ = try CompactJSONDecoder.decode(Parcel.self, from: text)
            return nil
        } catch DecodingError.keyNotFound(_, let context), DecodingError.typeMismatch(_, let context),
                DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context) {
            return context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        } catch {
            return "\(error)"
        }
    }
}
