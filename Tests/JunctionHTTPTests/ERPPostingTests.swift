import Foundation
import JunctionCore
import JunctionStore
import Testing

/// ERP sales postings (seed `004`): built from the database, encoded as the ERP receives them.
@Suite struct ERPPostingTests {
    /// The seed's line: ₹560 at GST_12, WH2 (Mumbai) to Pune, is base 500 and SGST/CGST 6% 30 a unit; a bundle
    /// and a virtual SKU ride along so that every list of the payload has an entry.
    @Test(arguments: TestBackend.available)
    func postingHasTheSeedShapeAndNumbers(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await addVirtualSku(api, partners)
            try await setStock(api, [("A", "WH2", 3), ("B", "WH2", 3), ("C", "WH2", 1)])
            let created = try await api.post("/orders/outward", as: partners.marketplace, orderJSON(
                "EP-1", [("MP-A", 2, "560"), ("MP-BND", 1, "1800"), ("MP-VRT", 1, "700")], location: "WH2",
                extra: #""orderCustomAttributes": {"attribute1": "SPRING", "channelMetadata": {"department": "HR"}},"#))
            #expect(created.json["status"].string == "ALLOCATED", "\(created.text)")
            let packed = try await api.post("/usp/order/pack", packJSON("EP-1", at: "WH2", [("MP-A", 2), ("MP-BND", 1), ("MP-VRT", 1)], extra: """
                "packboxDetailsList": [{"boxId": 1, "length": 15, "breadth": 10, "height": 8, "weight": 700,
                  "skuQuantityDataList": [{"channelSkuCode": "MP-A", "count": 2}, {"channelSkuCode": "MP-BND", "count": 1},
                                          {"channelSkuCode": "MP-VRT", "count": 1}]}],
                """))
            #expect(packed.status == 200, "\(packed.text)")

            let (built, json) = try await posting(api, "EP-1", .complete, messageId: 7)
            let keys = expectSeedShape(json)
            #expect(keys == Set(seedShape.keys), "missing \(Set(seedShape.keys).subtracting(keys).sorted())")
            let decoded = try JSONDecoder().decode(ERPPosting.self, from: try JSONEncoder().encode(built))
            #expect(decoded == built, "the posting decodes back to itself")

            #expect(json["eventType"].string == "OUTWARD_ORDER_COMPLETE" && json["messageId"].int == 7)
            #expect(json["eventTime"].string == "2020-10-16T20:22:28.000+05:30")
            #expect(json["orderType"].string == "SO" && json["isSplitRequired"].string == "false")
            #expect(json["channelType"].string == "MARKETPLACE" && json["locationCode"].string == "WH2")
            #expect(json["parentOrderCode"] == .null && json["turnAroundTime"] == .null)
            let orderId = try #require(json["omsOrderId"].number)
            #expect(json["orderItems"].array.compactMap { $0["omsItemId"].number } == [0, 1, 2].map { orderId * 10_000 + $0 })
            #expect(json["orderItems"].array.map { $0["barcode"].string } == ["A", "BND", "VRT"])
            #expect(paise(json["orderItems"][0]["sellingPricePerUnit"]) == 560_00 && json["orderItems"][0]["orderedQuantity"].int == 2)
            let attributes = json["orderCustomAttributes"]
            #expect(attributes["attribute1"].string == "SPRING" && attributes["attribute2"] == .null)
            #expect(attributes["channelMetadata"]["department"].string == "HR" && attributes["currency"].string == "INR")
            #expect(json["shippingAddress"]["state"].string == "Maharashtra" && json["shippingAddress"]["line2"] == .null)

            let shipment = json["shipments"][0]
            #expect(shipment["shipmentCode"].string == packed.json["shipmentCode"].string)
            #expect(shipment["generatedInvoiceId"].string == invoiceNumber("WH2", 1))
            #expect(shipment["generatedInvoiceDate"].string == packed.json["invoiceDate"].string)
            #expect(shipment["externalInvoiceId"] == .null && shipment["externalInvoiceDate"] == .null && shipment["qrCode"] == .null)
            #expect(shipment["invoiceDocumentUrl"].string == packed.json["invoiceUrl"].string)
            #expect(shipment["awbNumber"].string == packed.json["awbNumber"].string && shipment["shipmentStatus"].string == "INVOICED")
            let line = try #require(shipment["shipmentItems"].array.first { $0["orderItemCode"].string == "EP-1-0" })
            #expect(line["quantity"].int == 2 && line["channelSkuCode"].string == "MP-A")
            #expect(paise(line["baseSellingPricePerUnit"]) == 500_00 && paise(line["baseSellingPriceTotal"]) == 1000_00)
            #expect(paise(line["netTaxAmountPerUnit"]) == 60_00 && paise(line["netTaxAmountTotal"]) == 120_00)
            #expect(paise(line["sellingPricePerUnit"]) == 560_00 && paise(line["sellingPriceTotal"]) == 1120_00)
            let taxes = Set(line["taxItems"].array.map { tax in
                "\(tax["type"].string ?? "") \(tax["rate"].number ?? 0) \(paise(tax["taxPerUnit"]) ?? 0) \(paise(tax["taxTotal"]) ?? 0)"
            })
            #expect(taxes == ["SGST 6.0 3000 6000", "CGST 6.0 3000 6000"])

            #expect(json["bundledSkuDefinitions"] == jsonValue("""
                [{"bundledParentChannelSkuId": "MP-BND", "bundledParentBarcode": "BND",
                  "childSkus": [{"channelSkuCode": "A", "qty": 1, "barcode": "A"}, {"channelSkuCode": "B", "qty": 2, "barcode": "B"}]}]
                """))
            #expect(json["virtualSkuDefinitions"] == jsonValue("""
                [{"virtualParentChannelSkuId": "MP-VRT", "virtualParentBarcode": "VRT",
                  "childSkus": [{"channelSkuCode": "B", "qty": 1, "barcode": "B"}, {"channelSkuCode": "C", "qty": 1, "barcode": "C"}]}]
                """))

            let details = json["shipmentDetails"]
            #expect(details["shipmentId"] == packed.json["shipmentId"] && details["totalItemQuantity"].int == 4)
            #expect(details["weight"].number == 750 && details["length"].number == 30 && details["height"].number == 10)
            let box = details["packboxDetailsList"][0]
            #expect(box["boxId"].int == 1 && box["weight"].number == 700 && box["awbNumber"] == shipment["awbNumber"])
            #expect(box["skuQuantityDataList"].array.map { $0["clientSkuId"].string } == ["A", "BND", "VRT"])
            #expect(box["skuQuantityDataList"].array.allSatisfy { $0["globalSkuId"].number != nil })
        }
    }

    /// A CREATE posting before packing has no shipments; once invoiced, a shipment is in every later posting.
    @Test(arguments: TestBackend.available)
    func anInvoicedShipmentIsInEveryLaterPosting(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 2)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("EP-2", [("MP-A", 2, "560")], location: "WH2"))

            let (_, created) = try await posting(api, "EP-2", .create, messageId: 1)
            expectSeedShape(created)
            #expect(created["shipments"] == .array([]) && created["shipmentDetails"] == .null)
            #expect(created["bundledSkuDefinitions"] == .array([]) && created["virtualSkuDefinitions"] == .array([]))
            #expect(created["eventType"].string == "OUTWARD_ORDER_CREATE")

            let packed = try await api.post("/usp/order/pack", packJSON("EP-2", at: "WH2", [("MP-A", 2)]))
            #expect(packed.status == 200, "\(packed.text)")
            let (_, completed) = try await posting(api, "EP-2", .complete, messageId: 2)
            expectSeedShape(completed)
            #expect(completed["shipments"].array.map { $0["shipmentStatus"].string } == ["INVOICED"])
            #expect(completed["shipmentDetails"]["packboxDetailsList"] == .array([]))

            let handover = try await api.post("/ewms/push/usp/handover/combined", dispatchJSON(["EP-2"], at: "WH2"))
            #expect(handover.status == 200, "\(handover.text)")
            let (_, dispatched) = try await posting(api, "EP-2", .shipmentDispatch, messageId: 3)
            let shipments = dispatched["shipments"].array
            #expect(shipments.map { $0["shipmentCode"].string } == [packed.json["shipmentCode"].string])
            #expect(shipments.first?["shipmentStatus"].string == "DISPATCHED")
            #expect(shipments.first?["shipmentItems"] == completed["shipments"][0]["shipmentItems"])
            #expect(shipments.first?["generatedInvoiceId"] == completed["shipments"][0]["generatedInvoiceId"])
        }
    }

    @Test func eventTypesAreTheSixOfTheSeed() {
        #expect(SalesPostingEvent.allCases.map(\.rawValue) == [
            "OUTWARD_ORDER_CREATE", "OUTWARD_ORDER_CANCEL", "OUTWARD_ORDER_PARTIAL_CANCEL", "OUTWARD_ORDER_COMPLETE",
            "OUTWARD_ORDER_SHIPMENT_DISPATCH", "OUTWARD_ORDER_SHIPMENT_DELIVER",
        ])
    }
}

/// Article VRT, a virtual SKU of B + C, listed by the marketplace as MP-VRT.
private func addVirtualSku(_ api: TestAPI, _ partners: Partners) async throws {
    let article = try await api.post("/master/articles", as: partners.erp, """
        {"articleMasters": [{"channelSkuCode": "VRT", "clientSkuId": "VRT", "name": "Combo", "mrp": 900, "hsn": "6109",
          "isVirtual": true, "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "B", "qty": 1}, {"channelSkuCode": "C", "qty": 1}]}}]}
        """)
    #expect(article.status == 200, "\(article.text)")
    let listing = try await api.post("/master/sku-listings/channel", as: partners.marketplace,
                                     #"{"skuListings": [{"channelSkuCode": "MP-VRT", "barcode": "VRT"}]}"#)
    #expect(listing.json["successChannelSkus"].array.count == 1, "\(listing.text)")
}

/// The posting of `event` for order `code`, as built from the database and as the ERP receives it.
private func posting(_ api: TestAPI, _ code: String, _ event: SalesPostingEvent,
                     messageId: Int64) async throws -> (ERPPosting, JSONValue) {
    let orderId = Int64(try #require(try await api.get("/orders/outward/\(code)").json["omsOrderId"].number))
    let source = try await api.junction.database.read { sql in
        try await ERPPostingSource.load(orderId: orderId, documentBaseURL: api.junction.documentBaseURL, on: sql)
    }
    let built = ERPPostingBuilder.build(order: source.order, event: event, messageId: messageId,
                                        eventTime: Timestamp(millis: 1_602_859_948_000), channelType: source.channelType,
                                        articles: source.articles)
    return (built, try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(built)))
}

private func jsonValue(_ text: String) -> JSONValue {
    (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
}

/// Checks `posting` against ``seedShape``: every key is the seed's, with the seed's JSON type (or null where
/// marked `?`), and every key of each object present is there (lists may be empty). Returns the key paths seen.
@discardableResult
private func expectSeedShape(_ posting: JSONValue) -> Set<String> {
    var seen: [String: Set<String>] = [:]
    collectTypes(posting, at: "", into: &seen)
    for (path, types) in seen.sorted(by: { $0.key < $1.key }) {
        guard let expected = seedShape[path] else {
            Issue.record("\(path) is not in the seed")
            continue
        }
        let allowed: Set<String> = expected.hasSuffix("?") ? [String(expected.dropLast()), "null"] : [expected]
        #expect(types.isSubset(of: allowed), "\(path) is \(types.sorted()), the seed has \(expected)")
    }
    for path in seedShape.keys.sorted() where !path.hasSuffix("[]") {
        let parent = path.lastIndex(of: ".").map { String(path[..<$0]) }
        if parent == nil || seen[parent!]?.contains("object") == true {
            #expect(seen[path] != nil, "\(path) is missing")
        }
    }
    return Set(seen.keys)
}

/// The JSON type of every value by key path (`orderItems[].barcode`); array elements are `path[]`. The
/// channel's free-form `channelMetadata` is not entered.
private func collectTypes(_ value: JSONValue, at path: String, into seen: inout [String: Set<String>]) {
    let type: String
    switch value {
    case .null: type = "null"
    case .bool: type = "bool"
    case .number: type = "number"
    case .string: type = "string"
    case .array(let items):
        type = "array"
        for item in items { collectTypes(item, at: path + "[]", into: &seen) }
    case .object(let fields):
        type = "object"
        if !path.hasSuffix("channelMetadata") {
            for (key, field) in fields { collectTypes(field, at: path.isEmpty ? key : "\(path).\(key)", into: &seen) }
        }
    }
    if !path.isEmpty { seen[path, default: []].insert(type) }
}

/// The seed's clean `OUTWARD_ORDER_CREATE` sample as key path → JSON type, plus `bundledSkuDefinitions` from
/// the page's parameter table. `?`: Junction may not know the value and writes null.
private let seedShape: [String: String] = {
    var shape: [String: String] = [:]
    func add(_ prefix: String, _ fields: KeyValuePairs<String, String>) {
        for (key, type) in fields { shape[prefix + key] = type }
    }
    add("", ["partnerCode": "string?", "partnerLocationCode": "string?", "locationCode": "string?", "orderCode": "string",
             "parentOrderCode": "string?", "isPriority": "bool", "channelName": "string", "orderTime": "string",
             "orderType": "string", "messageId": "number", "paymentMethod": "string", "eventType": "string",
             "eventTime": "string", "omsOrderId": "number", "turnAroundTime": "string?", "virtualSkuDefinitions": "array",
             "bundledSkuDefinitions": "array", "isSplitRequired": "string", "shippingCharges": "number",
             "channelType": "string", "orderItems": "array", "shipments": "array", "shipmentDetails": "object?",
             "shippingAddress": "object?", "billingAddress": "object?", "orderCustomAttributes": "object"])
    for kind in ["virtual", "bundled"] {
        let list = "\(kind)SkuDefinitions[]"
        add(list, ["": "object", ".\(kind)ParentChannelSkuId": "string", ".\(kind)ParentBarcode": "string",
                   ".childSkus": "array", ".childSkus[]": "object"])
        add("\(list).childSkus[].", ["channelSkuCode": "string", "qty": "number", "barcode": "string"])
    }
    add("orderItems[]", ["": "object", ".orderItemCode": "string", ".channelSkuCode": "string", ".orderedQuantity": "number",
                         ".cancelledQuantity": "number", ".channelDiscount": "number", ".sellingPricePerUnit": "number",
                         ".giftChargePerUnit": "number", ".sellerDiscount": "number", ".shippingCharge": "number",
                         ".omsItemId": "number", ".barcode": "string?", ".orderItemCustomAttributes": "object"])
    add("shipments[]", ["": "object", ".shipmentCode": "string", ".locationCode": "string", ".generatedInvoiceId": "string",
                        ".generatedInvoiceDate": "string", ".externalInvoiceId": "string?", ".externalInvoiceDate": "string?",
                        ".invoiceDocumentUrl": "string", ".shippingLabelDocumentUrl": "string", ".irn": "string?",
                        ".qrCode": "string?", ".shipmentStatus": "string", ".awbNumber": "string", ".shipmentItems": "array"])
    add("shipments[].shipmentItems[]", [
        "": "object", ".channelSkuCode": "string", ".orderItemCode": "string", ".netTaxAmountPerUnit": "number",
        ".netTaxAmountTotal": "number", ".baseSellingPricePerUnit": "number", ".baseSellingPriceTotal": "number",
        ".sellingPricePerUnit": "number", ".sellingPriceTotal": "number", ".quantity": "number",
        ".shippingChargePerUnit": "number?", ".channelDiscount": "number?", ".taxItems": "array", ".taxItems[]": "object"])
    add("shipments[].shipmentItems[].taxItems[].", ["type": "string", "rate": "number", "taxPerUnit": "number", "taxTotal": "number"])
    add("shipmentDetails.", ["length": "number?", "breadth": "number?", "height": "number?", "weight": "number?",
                             "shipmentId": "number", "totalItemQuantity": "number", "packboxDetailsList": "array",
                             "packboxDetailsList[]": "object"])
    add("shipmentDetails.packboxDetailsList[].", [
        "length": "number?", "breadth": "number?", "height": "number?", "weight": "number?", "boxId": "number?",
        "awbNumber": "string?", "packBoxRemarks": "string?", "skuQuantityDataList": "array", "skuQuantityDataList[]": "object"])
    add("shipmentDetails.packboxDetailsList[].skuQuantityDataList[].",
        ["globalSkuId": "number?", "clientSkuId": "string?", "count": "number"])
    for address in ["shippingAddress.", "billingAddress."] {
        for field in ["name", "line1", "line2", "line3", "city", "state", "zip", "country", "email", "phone"] {
            shape[address + field] = "string?"
        }
    }
    for attributes in ["orderItems[].orderItemCustomAttributes.", "orderCustomAttributes."] {
        for index in 1...10 { shape["\(attributes)attribute\(index)"] = "string?" }
        shape[attributes + "channelMetadata"] = "object?"
    }
    shape["orderCustomAttributes.currency"] = "string"
    return shape
}()
