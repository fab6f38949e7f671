import Foundation
import Testing

/// The partners of the standard test catalogue.
struct Partners: Sendable {
    var marketplace: Credential
    var shopfront: Credential
    var erp: Credential
}

/// Seeds, through the admin API: three locations in three states, order/item attribute definitions,
/// a marketplace (WH1, WH2), a shopfront (WH1) and an ERP, articles A, B, C and bundle BND (A + 2×B),
/// the marketplace's listings MP-A, MP-B, MP-C, MP-BND and the shopfront's OT-A. No stock.
func seedCatalogue(_ api: TestAPI) async throws -> Partners {
    let locations = try await api.post("/master/locations", """
        {"locations": [
          {"locationCode": "WH1", "name": "Bengaluru WH", "locationType": "WAREHOUSE", "priority": 1, "gstin": "29ABCDE1234F1Z5",
           "address": {"name": "WH1", "line1": "1 Road", "city": "Bengaluru", "state": "Karnataka", "zip": "560001", "country": "India"}},
          {"locationCode": "WH2", "name": "Mumbai WH", "locationType": "WAREHOUSE", "priority": 2,
           "address": {"name": "WH2", "line1": "2 Road", "city": "Mumbai", "state": "Maharashtra", "zip": "400001", "country": "India"}},
          {"locationCode": "ST3", "name": "Delhi store", "locationType": "STORE", "priority": 3,
           "address": {"name": "ST3", "line1": "3 Road", "city": "Delhi", "state": "Delhi", "zip": "110001", "country": "India"}}
        ]}
        """)
    #expect(locations.status == 200, "\(locations.text)")
    let attributes = try await api.put("/master/custom-attributes", """
        {"orderAttributes": [{"key": "attribute1", "label": "Coupon", "type": "STRING"},
                             {"key": "attribute2", "label": "Tier", "type": "ENUM", "values": ["GOLD", "SILVER"]}],
         "itemAttributes": [{"key": "attribute1", "label": "Promotion"}]}
        """)
    #expect(attributes.status == 200, "\(attributes.text)")
    let marketplace = try await createChannel(api, "MP", "MARKETPLACE", ["WH1", "WH2"])
    let shopfront = try await createChannel(api, "SHOP", "SHOPFRONT", ["WH1"])
    let erp = try await createChannel(api, "ERP", "ERP", [])
    let articles = try await api.post("/master/articles", as: erp, """
        {"articleMasters": [
          {"channelSkuCode": "A", "clientSkuId": "A", "barcode": "A", "name": "Article A", "brand": "B", "styleCode": "S",
           "mrp": 1000, "hsn": "6109", "taxRule": "GST_12"},
          {"channelSkuCode": "B", "clientSkuId": "B", "name": "Article B", "mrp": 500, "hsn": "6203"},
          {"channelSkuCode": "C", "clientSkuId": "C", "name": "Article C", "mrp": 250.50, "hsn": "6505"},
          {"channelSkuCode": "BND", "clientSkuId": "BND", "name": "Bundle", "mrp": 1800, "hsn": "6109", "isBundled": true,
           "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "A", "qty": 1}, {"channelSkuCode": "B", "qty": 2}]}}
        ]}
        """)
    #expect(articles.status == 200, "\(articles.text)")
    let listings = try await api.post("/master/sku-listings/channel", as: marketplace, """
        {"skuListings": [{"channelSkuCode": "MP-A", "channelSerialNo": "1", "barcode": "A"},
                         {"channelSkuCode": "MP-B", "channelSerialNo": "2", "barcode": "B"},
                         {"channelSkuCode": "MP-C", "channelSerialNo": "3", "barcode": "C"},
                         {"channelSkuCode": "MP-BND", "channelSerialNo": "4", "barcode": "BND"}]}
        """)
    #expect(listings.json["successChannelSkus"].array.count == 4, "\(listings.text)")
    _ = try await api.post("/master/sku-listings/channel", as: shopfront, #"{"skuListings": [{"channelSkuCode": "OT-A", "barcode": "A"}]}"#)
    return Partners(marketplace: marketplace, shopfront: shopfront, erp: erp)
}

func createChannel(_ api: TestAPI, _ name: String, _ type: String, _ locations: [String]) async throws -> Credential {
    let codes = locations.map { "\"\($0)\"" }.joined(separator: ",")
    let answer = try await api.post("/master/channels", #"{"channelName": "\#(name)", "channelType": "\#(type)", "locationCodes": [\#(codes)]}"#)
    #expect(answer.status == 201, "\(answer.text)")
    return Credential(username: answer.json["authUsername"].string ?? "", password: answer.json["authPassword"].string ?? "")
}

/// Sets absolute stock as the admin: `(article code, location, quantity)`.
func setStock(_ api: TestAPI, _ entries: [(String, String, Int)]) async throws {
    let items = entries.map { #"{"channelSkuCode": "\#($0.0)", "locationCode": "\#($0.1)", "quantity": \#($0.2)}"# }
    let answer = try await api.put("/updateInventories", #"{"inventories": [\#(items.joined(separator: ","))]}"#)
    #expect(answer.status == 200 && answer.json["failureList"].array.isEmpty, "\(answer.text)")
}

/// A §1.1 order body: `(channelSkuCode, quantity, sellingPricePerUnit)` per line.
func orderJSON(_ code: String, _ lines: [(String, Int, String)], location: String? = nil, split: Bool = false,
               priority: Bool = false, extra: String = "") -> String {
    let items = lines.enumerated().map { index, line in
        #"{"channelSkuCode": "\#(line.0)", "orderItemCode": "\#(code)-\#(index)", "quantity": \#(line.1), "sellingPricePerUnit": \#(line.2)}"#
    }
    let locationField = location.map { #""locationCode": "\#($0)","# } ?? ""
    return """
        {"orderCode": "\(code)", \(locationField) "orderTime": "2024-02-13T09:45:00Z", "orderType": "SALES",
         "isPriority": \(priority), "onHold": false, "qcStatus": "PASS", "paymentMethod": "COD", "isSplitRequired": \(split),
         "shippingAddress": {"name": "Asha", "line1": "5 Street", "city": "Pune", "state": "Maharashtra", "zip": "411001", "country": "India"},
         "billingAddress": {"name": "Asha", "line1": "5 Street", "city": "Pune", "state": "Maharashtra", "zip": "411001", "country": "India"},
         \(extra)
         "orderItems": [\(items.joined(separator: ","))]}
        """
}

/// On hand and reserved of an article at a location, read from the database.
func stockLevel(_ api: TestAPI, _ article: String, _ location: String) async throws -> (onHand: Int, reserved: Int) {
    let answer = try await api.post("/inventories/search-sku", #"{"channelSkuCodes": ["\#(article)"]}"#)
    let atp = answer.json["successList"][0]["inventories"].array.first { $0["locationCode"].string == location }?["quantity"].int ?? 0
    let levels = try await api.junction.database.read { sql in
        try await sql.raw("""
            SELECT i.on_hand, i.reserved FROM inventory i JOIN articles a ON a.id = i.article_id
            WHERE a.channel_sku_code = \(bind: article) AND i.location_code = \(bind: location)
            """).first(decoding: LevelRow.self)
    }
    let onHand = levels?.on_hand ?? 0, reserved = levels?.reserved ?? 0
    #expect(atp == max(0, onHand - reserved))
    return (onHand, reserved)
}

private struct LevelRow: Decodable { var on_hand: Int; var reserved: Int }
