import Foundation
import JunctionCore
import Testing

/// Partial packing, seller cancellation, refusals that change nothing, and gap-free invoice numbers.
@Suite struct FulfilmentRulesTests {
    @Test(arguments: TestBackend.available)
    func multiShipmentPartialPacksOverTimeAndSinglePartialCancelsTheRest(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("MS-1", [("MP-A", 3, "560")]))
            let first = try await api.post("/usp/order/pack", packJSON("MS-1", at: "WH2", [("MP-A", 1)], type: "MULTI_SHIPMENT_PARTIAL"))
            #expect(first.status == 200, "\(first.text)")
            #expect(try await api.get("/orders/outward/MS-1").json["status"].string == "ALLOCATED")
            let second = try await api.post("/usp/order/pack", packJSON("MS-1", at: "WH2", [("MP-A", 2)], type: "MULTI_SHIPMENT_PARTIAL"))
            #expect(second.json["shipmentCode"].string == "MS-1-2", "\(second.text)")
            #expect([first, second].map { $0.json["invoiceCode"].string } == [invoiceNumber("WH2", 1), invoiceNumber("WH2", 2)])
            let order = try await api.get("/orders/outward/MS-1")
            #expect(order.json["status"].string == "COMPLETED" && order.json["shipments"].array.count == 2)

            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("SP-1", [("MP-A", 3, "560")])
                .replacingOccurrences(of: #""sellingPricePerUnit": 560}"#, with: #""sellingPricePerUnit": 560, "shippingChargePerUnit": 40}"#))
            #expect(try await stockLevel(api, "A", "WH2").reserved == 6)
            let single = try await api.post("/usp/order/pack", packJSON("SP-1", at: "WH2", [("MP-A", 1)], type: "SINGLE_SHIPMENT_PARTIAL"))
            #expect(single.status == 200, "\(single.text)")
            #expect(paise(single.json["codAmount"]) == 600_00 && paise(single.json["invoiceTotal"]) == 560_00,
                    "the courier collects the shipping charge too")
            let cancelledRest = try await api.get("/orders/outward/SP-1")
            #expect(cancelledRest.json["status"].string == "COMPLETED", "\(cancelledRest.text)")
            let item = cancelledRest.json["orderItems"][0]
            #expect(item["cancelledQuantity"].int == 2 && item["sellerCancelledQuantity"].int == 2 && item["invoicedQuantity"].int == 1)
            #expect(try await stockLevel(api, "A", "WH2").reserved == 4, "the two unpacked units are released")
        }
    }

    @Test(arguments: TestBackend.available)
    func invalidStepsAreRefusedAndChangeNothing(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 2)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("RF-WAIT", [("MP-B", 1, "100")]))
            let unallocated = try await api.post("/usp/order/pack", packJSON("RF-WAIT", at: "WH2", [("MP-B", 1)]))
            #expect(unallocated.status == 422 && unallocated.json["message"].string?.contains("UNALLOCATED") == true, "\(unallocated.text)")

            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("RF-1", [("MP-A", 2, "560")]))
            let tooMany = try await api.post("/usp/order/pack", packJSON("RF-1", at: "WH2", [("MP-A", 3)]))
            #expect(tooMany.status == 400 && fieldNames(tooMany) == ["shipmentItems[0].quantityToPack"], "\(tooMany.text)")
            let missing = try await api.post("/usp/order/pack", #"{"orderCode": "RF-1", "shipmentItems": []}"#)
            #expect(missing.status == 400 && Set(fieldNames(missing)).isSuperset(of: ["locationCode", "channelName"]), "\(missing.text)")
            let block = try await api.post("/usp/order/pack", packJSON("RF-1", at: "WH2", [("MP-A", 1)], type: "BLOCK_COMPLETE"))
            #expect(block.status == 422, "\(block.text)")
            let unpacked = try await api.post("/usp/manifest", dispatchJSON(["RF-1"], at: "WH2"))
            #expect(unpacked.status == 422 && unpacked.json["message"].string?.contains("no INVOICED shipment") == true, "\(unpacked.text)")
            let notDispatched = try await api.put("/orders/RF-1", as: partners.marketplace,
                                                  #"{"orderStatus": "DELIVERED", "deliveredAt": "2026-11-21T09:00:00Z"}"#)
            #expect(notDispatched.status == 422)
            let order = try await api.get("/orders/outward/RF-1")
            #expect(order.json["status"].string == "ALLOCATED" && order.json["shipments"].array.isEmpty)
            #expect(try await stockLevel(api, "A", "WH2") == (onHand: 2, reserved: 2))

            let sellerCancelNeedsReason = try await api.post("/orders/RF-1/seller-cancel",
                                                             #"{"channelName": "MP", "orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 2}]}"#)
            #expect(sellerCancelNeedsReason.status == 400 && fieldNames(sellerCancelNeedsReason) == ["reason"])
            let partnerMayNot = try await api.post("/orders/RF-1/seller-cancel", as: partners.marketplace,
                                                   #"{"reason": "x", "orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 2}]}"#)
            #expect(partnerMayNot.status == 403)
            let sellerCancelled = try await api.post("/orders/RF-1/seller-cancel", """
                {"channelName": "MP", "reason": "damaged in the warehouse", "orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 2}]}
                """)
            #expect(sellerCancelled.json["status"].string == "CANCELLED", "\(sellerCancelled.text)")
            #expect(sellerCancelled.json["orderItems"][0]["sellerCancelledQuantity"].int == 2)
            #expect(sellerCancelled.json["timeline"].array.last?["reason"].string?.contains("damaged in the warehouse") == true)
            #expect(try await stockLevel(api, "A", "WH2") == (onHand: 2, reserved: 0))
        }
    }

    /// Concurrent packs take numbers from one series: unique and without gaps.
    @Test(arguments: TestBackend.available)
    func invoiceNumbersStayUniqueAndGapFreeUnderConcurrentPacking(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let count = 16
            try await setStock(api, [("A", "WH2", count)])
            for index in 0..<count {
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("CC-\(index)", [("MP-A", 1, "99.99")]))
            }
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<count {
                    group.addTask { try await api.post("/usp/order/pack", packJSON("CC-\(index)", at: "WH2", [("MP-A", 1)])).json["invoiceCode"].string }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(Set(codes.compactMap { $0 }) == Set((1...count).map { invoiceNumber("WH2", $0) }))

            // Racing packs of one order never pack more than it holds; the same request twice makes one shipment.
            try await setStock(api, [("A", "WH2", count + 3)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("RACE", [("MP-A", 3, "10")]))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await api.post("/usp/order/pack", packJSON("RACE", at: "WH2", [("MP-A", 1)],
                                                                       extra: #""shipmentCode": "RACE-S\#(index % 6)","#)).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            let order = try await api.get("/orders/outward/RACE")
            #expect(order.json["shipments"].array.count == 3 && order.json["orderItems"][0]["packedQuantity"].int == 3, "\(statuses)")
            #expect(order.json["status"].string == "COMPLETED")
        }
    }

    /// A rate change is data: a new version of a rule taxes the next invoice; documents need their token;
    /// only the location's EFS (or the admin) packs there; invoice settings of a location are checked.
    @Test(arguments: TestBackend.available)
    func taxRulesAreDataAndWarehouseStepsAreScoped(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let book = try await api.get("/master/tax-rules", as: partners.marketplace)
            #expect(book.json["rules"].array.contains { $0["code"].string == "GST_12" }, "\(book.text)")
            let bad = try await api.put("/master/tax-rules", #"{"rules": [{"code": "GST_12", "versions": [{"effectiveFrom": "2017-07-01"}]}]}"#)
            #expect(bad.status == 400 && fieldNames(bad).first?.hasPrefix("rules[0].versions[0]") == true, "\(bad.text)")
            let changed = try await api.put("/master/tax-rules", """
                {"rules": [{"code": "GST_12", "versions": [{"effectiveFrom": "2017-07-01", "ratePercent": 12},
                                                           {"effectiveFrom": "2026-01-01", "ratePercent": 18}]},
                           {"code": "GST_APPAREL", "versions": [{"effectiveFrom": "2017-07-01", "ratePercent": 5}]}]}
                """)
            #expect(changed.status == 200, "\(changed.text)")
            let partnerMayNot = try await api.put("/master/tax-rules", as: partners.marketplace, #"{"rules": []}"#)
            #expect(partnerMayNot.status == 403)

            try await setStock(api, [("A", "WH2", 1)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("TX-1", [("MP-A", 1, "1180")]))
            let efs = try await createChannel(api, "WMS", "EFS", [])
            let notTheirs = try await api.post("/usp/order/pack", as: efs, packJSON("TX-1", at: "WH2", [("MP-A", 1)]))
            #expect(notTheirs.status == 403, "\(notTheirs.text)")
            let marketplace = try await api.post("/usp/order/pack", as: partners.marketplace, packJSON("TX-1", at: "WH2", [("MP-A", 1)]))
            #expect(marketplace.status == 403)
            _ = try await api.post("/master/locations", """
                {"locations": [{"locationCode": "WH2", "name": "Mumbai WH", "locationType": "WAREHOUSE", "priority": 2, "efsChannelName": "WMS",
                  "address": {"name": "WH2", "line1": "2 Road", "city": "Mumbai", "state": "Maharashtra", "zip": "400001"}}]}
                """)
            let packed = try await api.post("/usp/order/pack", as: efs, packJSON("TX-1", at: "WH2", [("MP-A", 1)]))
            #expect(packed.status == 200, "\(packed.text)")
            let taxes = packed.json["invoiceDetails"][0]["taxItems"].array
            #expect(taxes.map { $0["rate"].int } == [9, 9] && taxes.map { paise($0["taxPerUnit"]) } == [90_00, 90_00])
            #expect(paise(packed.json["invoiceDetails"][0]["baseSellingPricePerUnit"]) == 1000_00)

            let unknown = try await api.download("/documents/00000000000000000000000000000000")
            #expect(unknown.status == 404)
            let badLocation = try await api.post("/master/locations", """
                {"locations": [{"locationCode": "WH9", "name": "X", "locationType": "WAREHOUSE", "invoicePrefix": "TOOLONG",
                  "eInvoicing": true, "address": {"state": "Goa"}}]}
                """)
            #expect(badLocation.status == 400 && fieldNames(badLocation) == ["locations[0].gstin", "locations[0].invoicePrefix"]
                    || fieldNames(badLocation) == ["locations[0].invoicePrefix", "locations[0].gstin"], "\(badLocation.text)")
        }
    }
}
