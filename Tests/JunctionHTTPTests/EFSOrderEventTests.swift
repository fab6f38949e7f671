import Foundation
import JunctionCore
@testable import JunctionStore
import Testing

/// EFS outward order events (§5.4): the suborder at one location, built from the database, encoded as the
/// EFS receives it.
@Suite struct EFSOrderEventTests {
    /// Two lines of MP-A and a bundle at WH2. Junction takes one line per SKU (§1.1), so the second MP-A line
    /// is added to the loaded order as Increff's own OMS, which splits lines per unit, would have it.
    @Test(arguments: TestBackend.available)
    func suborderCreateFoldsLinesOfOneSku(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 4), ("B", "WH2", 2)])
            let body = orderJSON("EF-1", [("MP-A", 2, "560"), ("MP-BND", 1, "1800")], location: "WH2")
                .replacingOccurrences(of: #""paymentMethod": "COD""#, with: #""paymentMethod": "NCOD""#)
            let created = try await api.post("/orders/outward", as: partners.marketplace, body)
            #expect(created.json["status"].string == "ALLOCATED", "\(created.text)")
            var source = try await loadSource(api, "EF-1")
            var second = source.order.orderItems[0]
            second.orderItemCode = "EF-1-2"
            second.orderedQuantity = 1
            second.allocations = [AllocationView(locationCode: "WH2", quantity: 1)]
            source.order.orderItems.append(second)
            source.articles["EF-1-2"] = source.articles["EF-1-0"]

            let (built, json) = try encoded(source, at: "WH2", .create, messageId: 11)
            #expect(try JSONDecoder().decode(EFSOrderEvent.self, from: try JSONEncoder().encode(built)) == built)
            #expect(keys(json) == eventKeys)
            #expect(json["orderItems"].array.allSatisfy { keys($0) == itemKeys })
            #expect(keys(json["shippingAddress"]) == addressKeys && keys(json["billingAddress"]) == addressKeys)
            #expect(json["eventType"].string == "SUBORDER_CREATE" && json["messageId"].int == 11)
            #expect(json["eventTime"].string == "2020-10-16T20:22:28.000+05:30" && json["locationCode"].string == "WH2")
            #expect(json["paymentMethod"].string == "PREPAID" && json["channelName"].string == "MP")
            #expect(json["parentOrderCode"] == .null && json["requiredBy"] == .null && json["startProcessingTime"] == .null)
            #expect(json["shippingAddress"]["line2"] == .null && json["orderCustomAttributes"]["currency"].string == "INR")

            let items = json["orderItems"].array
            #expect(items.map { $0["channelSkuCode"].string } == ["MP-A", "MP-BND"])
            #expect(items[0]["orderItemCodes"] == .array([.string("EF-1-0"), .string("EF-1-2")]))
            #expect(items[0]["orderedQuantity"].int == 3 && items[0]["cancelledQuantity"].int == 0)
            #expect(items[0]["barcode"].string == "A" && items[0]["clientSkuId"].string == "A")
            #expect(paise(items[0]["sellingPricePerUnit"]) == 560_00 && items[0]["isVirtual"].bool == false)
            #expect(items[0]["sellerRejectQty"].int == 0 && items[0]["hoppedQuantity"].int == 0)
            #expect(items[0]["externalItemCodes"] == .array([]) && items[0]["orderItemCustomAttributes"]["attribute1"] == .null)
            #expect(items[1]["orderItemCodes"] == .array([.string("EF-1-1")]) && items[1]["orderedQuantity"].int == 1)

            #expect(json["virtualSkuDefinitions"] == .array([]))
            #expect(json["bundledSkuDefinitions"] == jsonValue("""
                [{"bundledParentChannelSkuId": "MP-BND", "bundledParentBarcode": "BND", "bundledParentClientSkuCode": "BND",
                  "childSkus": [{"channelSkuCode": "A", "qty": 1, "barcode": "A", "clientSkuCode": null},
                                {"channelSkuCode": "B", "qty": 2, "barcode": "B", "clientSkuCode": null}]}]
                """))
        }
    }

    /// Cancelled quantities are absolute: a second cancellation shows the total, not the step.
    @Test(arguments: TestBackend.available)
    func partialCancelShowsTheAbsoluteCancelledQuantity(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 4), ("C", "WH2", 1)])
            _ = try await api.post("/orders/outward", as: partners.marketplace,
                                   orderJSON("EF-2", [("MP-A", 4, "560"), ("MP-C", 1, "250")], location: "WH2"))
            for cancelled in [1, 3] {
                let answer = try await api.put("/orders/EF-2/cancel", as: partners.marketplace, """
                    {"orderItems": [{"channelSkuCode": "MP-A", "orderItemCode": "EF-2-0", "cancelledQuantity": \(cancelled)}]}
                    """)
                #expect(answer.status == 200, "\(answer.text)")
            }

            let (_, json) = try encoded(try await loadSource(api, "EF-2"), at: "WH2", .partialCancel, messageId: 12)
            #expect(json["eventType"].string == "SUBORDER_PARTIAL_CANCEL" && json["paymentMethod"].string == "COD")
            let line = json["orderItems"][0]
            #expect(line["orderedQuantity"].int == 4 && line["cancelledQuantity"].int == 3)
            #expect(line["customerCancelledQty"].int == 3 && line["sellerCancelledQty"].int == 0)
            #expect(json["orderItems"][1]["cancelledQuantity"].int == 0)
        }
    }

    /// A split order: each location's suborder has only the units allocated there, nothing cancelled.
    @Test(arguments: TestBackend.available)
    func aSplitOrderHasOneSuborderPerLocation(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 1), ("B", "WH2", 2)])
            let created = try await api.post("/orders/outward", as: partners.marketplace,
                                             orderJSON("EF-3", [("MP-A", 1, "560"), ("MP-B", 2, "300")], split: true))
            #expect(created.json["status"].string == "ALLOCATED", "\(created.text)")
            let source = try await loadSource(api, "EF-3")

            for (location, sku, quantity) in [("WH1", "MP-A", 1), ("WH2", "MP-B", 2)] {
                let (_, json) = try encoded(source, at: location, .create, messageId: 13)
                #expect(json["orderItems"].array.map { $0["channelSkuCode"].string } == [sku])
                #expect(json["orderItems"][0]["orderedQuantity"].int == quantity && json["locationCode"].string == location)
            }
            let (_, elsewhere) = try encoded(source, at: "ST3", .create, messageId: 14)
            #expect(elsewhere["orderItems"] == .array([]))
        }
    }

    @Test func eventTypesAreTheSixCurrentOnes() {
        #expect(EFSOrderEventType.allCases.map(\.rawValue) == [
            "SUBORDER_CREATE", "SUBORDER_PARTIAL_CANCEL", "SUBORDER_CANCEL", "SUBORDER_COMPLETE",
            "SUBORDER_PROPERTIES_UPDATE", "PACKED",
        ])
    }
}

private let eventKeys: Set<String> = [
    "messageId", "eventType", "eventTime", "orderCode", "parentOrderCode", "locationCode", "channelName", "orderTime",
    "startProcessingTime", "requiredBy", "paymentMethod", "isPriority", "onHold", "orderItems", "shippingAddress",
    "billingAddress", "orderCustomAttributes", "virtualSkuDefinitions", "bundledSkuDefinitions",
]

private let itemKeys: Set<String> = [
    "orderItemCodes", "clientSkuId", "channelSkuCode", "barcode", "orderedQuantity", "cancelledQuantity",
    "customerCancelledQty", "sellerCancelledQty", "sellerRejectQty", "hoppedQuantity", "sellingPricePerUnit",
    "giftChargePerUnit", "channelDiscount", "sellerDiscount", "shippingCharge", "isVirtual", "externalItemCodes",
    "orderItemCustomAttributes",
]

private let addressKeys: Set<String> = ["name", "line1", "line2", "line3", "city", "state", "zip", "country", "email", "phone"]

/// The source of order `code`, read from the database.
private func loadSource(_ api: TestAPI, _ code: String) async throws -> ERPPostingSource {
    let orderId = Int64(try #require(try await api.get("/orders/outward/\(code)").json["omsOrderId"].number))
    return try await api.junction.database.read { sql in
        try await ERPPostingSource.load(orderId: orderId, documentBaseURL: api.junction.documentBaseURL, on: sql)
    }
}

/// The `event` of the suborder at `location`, as built and as the EFS receives it.
private func encoded(_ source: ERPPostingSource, at location: String, _ event: EFSOrderEventType,
                     messageId: Int64) throws -> (EFSOrderEvent, JSONValue) {
    let built = EFSOrderEventBuilder.build(source: source, location: location, event: event, messageId: messageId,
                                           eventTime: Timestamp(millis: 1_602_859_948_000))
    return (built, try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(built)))
}

private func keys(_ value: JSONValue) -> Set<String> {
    if case .object(let fields) = value { return Set(fields.keys) }
    return []
}

private func jsonValue(_ text: String) -> JSONValue {
    (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
}
