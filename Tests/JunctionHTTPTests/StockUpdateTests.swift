import Testing

/// Absolute stock updates, whose entries are read and written together.
@Suite struct StockUpdateTests {
    /// Entries apply in order, as if one at a time: a pair named twice ends at its last entry with an event
    /// per change, an unchanged pair has no event, reservations stay, and a bad entry fails alone.
    @Test(arguments: TestBackend.available)
    func anAbsoluteUpdateAppliesItsEntriesInOrderWithAnEventPerChange(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5), ("B", "WH1", 3)])
            let order = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("SU-1", [("MP-A", 2, "100")]))
            #expect(order.status == 200, "\(order.text)")
            let before = try await api.get("/events?after=0&types=INVENTORY_CHANGED").json["events"].array.count

            let answer = try await api.put("/updateInventories", """
                {"inventories": [{"channelSkuCode": "A", "locationCode": "WH1", "quantity": 8},
                                 {"channelSkuCode": "B", "locationCode": "WH1", "quantity": 3},
                                 {"channelSkuCode": "C", "locationCode": "WH2", "quantity": 4},
                                 {"channelSkuCode": "NOPE", "locationCode": "WH1", "quantity": 1},
                                 {"channelSkuCode": "A", "locationCode": "WH1", "quantity": 6}]}
                """)
            #expect(answer.status == 200, "\(answer.text)")
            #expect(answer.json["successList"].array.map { $0["channelSkuCode"].string ?? "" } == ["A", "B", "C", "A"])
            #expect(answer.json["failureList"].array.map { $0["channelSkuCode"].string ?? "" } == ["NOPE"])

            #expect(try await stockLevel(api, "A", "WH1") == (6, 2))
            #expect(try await stockLevel(api, "B", "WH1") == (3, 0))
            #expect(try await stockLevel(api, "C", "WH2") == (4, 0))

            let events = try await api.get("/events?after=0&types=INVENTORY_CHANGED").json["events"].array.dropFirst(before)
            #expect(events.map { $0["aggregateCode"].string ?? "" } == ["WH1/A", "WH2/C", "WH1/A"])
            #expect(events.map { $0["details"]["previousOnHand"].int ?? -1 } == [5, 0, 8])
            #expect(events.map { $0["details"]["onHand"].int ?? -1 } == [8, 4, 6])
            #expect(events.map { $0["details"]["atp"].int ?? -1 } == [6, 4, 4], "reserved units are not available")
        }
    }
}
