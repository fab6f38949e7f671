import Foundation
import Testing

/// Manifests and handovers of several orders at once (§5.8, §5.9): all or nothing, in the order the call
/// names them, with the units of every order leaving stock.
@Suite struct DispatchBatchTests {
    @Test(arguments: TestBackend.available)
    func aBatchOfOrdersIsManifestedAndHandedOverTogether(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10), ("B", "WH2", 10)])
            let orders = [("D-1", [("MP-A", 2, "500")]), ("D-2", [("MP-A", 1, "500"), ("MP-BND", 1, "1800")]),
                          ("D-3", [("MP-B", 1, "400")]), ("D-4", [("MP-A", 1, "500")])]
            for (code, lines) in orders {
                let created = try await api.post("/orders/outward", as: partners.marketplace, orderJSON(code, lines, location: "WH2"))
                #expect(created.json["status"].string == "ALLOCATED", "\(created.text)")
                let packed = try await api.post("/usp/order/pack", packJSON(code, at: "WH2", lines.map { ($0.0, $0.1) }))
                #expect(packed.status == 200, "\(packed.text)")
            }
            #expect(try await stockLevel(api, "A", "WH2") == (onHand: 10, reserved: 5))
            #expect(try await stockLevel(api, "B", "WH2") == (onHand: 10, reserved: 3))

            let unknown = try await api.post("/usp/manifest", dispatchJSON(["D-1", "NOPE", "D-2", "D-9"], at: "WH2"))
            #expect(unknown.status == 400, "\(unknown.text)")
            #expect(unknown.text.contains("orderCodes[1]") && unknown.text.contains("orderCodes[3]") && !unknown.text.contains("orderCodes[0]"))

            let manifest = try await api.post("/usp/manifest", dispatchJSON(["D-3", "D-1", "D-2"], at: "WH2"))
            #expect(manifest.status == 200, "\(manifest.text)")
            #expect(manifest.json["shipmentCodes"].array.compactMap(\.string) == ["D-3-1", "D-1-1", "D-2-1"])
            let sheet = try await documentText(api, manifest.json["manifestUrl"].string)
            #expect(["D-1", "D-2", "D-3"].allSatisfy { sheet.contains("\($0)-1") } && !sheet.contains("D-4"), "\(sheet)")

            let notManifested = try await api.post("/usp/handover", dispatchJSON(["D-1", "D-4"], at: "WH2"))
            #expect(notManifested.status == 422 && notManifested.text.contains("D-4") && !notManifested.text.contains("order D-1"),
                    "\(notManifested.text)")
            #expect(try await stockLevel(api, "A", "WH2") == (onHand: 10, reserved: 5), "a refused handover takes nothing")
            let stillManifested = try await api.get("/orders/outward/D-1", as: partners.marketplace)
            #expect(stillManifested.json["shipments"][0]["shipmentStatus"].string == "MANIFESTED")

            let handover = try await api.post("/usp/handover", dispatchJSON(["D-1", "D-2", "D-3"], at: "WH2"))
            #expect(handover.status == 200, "\(handover.text)")
            // A: 2 (D-1) + 1 (D-2) + 1 (D-2's bundle) leave; D-4's unit stays reserved. B: 2 (bundle) + 1 (D-3).
            #expect(try await stockLevel(api, "A", "WH2") == (onHand: 6, reserved: 1))
            #expect(try await stockLevel(api, "B", "WH2") == (onHand: 7, reserved: 0))
            for code in ["D-1", "D-2", "D-3"] {
                let order = try await api.get("/orders/outward/\(code)", as: partners.marketplace)
                #expect(order.json["shipments"][0]["shipmentStatus"].string == "DISPATCHED")
            }

            let events = try await api.get("/events?after=0&types=SHIPMENT_MANIFESTED,SHIPMENT_DISPATCHED").json["events"].array
            #expect(events.map { "\($0["eventType"].string ?? "") \($0["aggregateCode"].string ?? "")" } == [
                "SHIPMENT_MANIFESTED D-3-1", "SHIPMENT_MANIFESTED D-1-1", "SHIPMENT_MANIFESTED D-2-1",
                "SHIPMENT_DISPATCHED D-1-1", "SHIPMENT_DISPATCHED D-2-1", "SHIPMENT_DISPATCHED D-3-1",
            ])
        }
    }
}
