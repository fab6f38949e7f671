import Testing

/// Cursor paging of orders and events.
@Suite struct PagingTests {
    @Test(arguments: TestBackend.available)
    func ordersAndEventsPageWithoutGapsOrRepeats(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 3)])
            for index in 0..<7 {
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("PG-\(index)", [("MP-A", 1, "10")]))
            }
            var codes: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.get("/orders/outward?limit=3" + (cursor.map { "&cursor=\($0)" } ?? ""), as: partners.marketplace)
                codes += page.json["orders"].array.compactMap { $0["orderCode"].string }
                cursor = page.json["nextCursor"].string
            } while cursor != nil
            #expect(codes == (0..<7).map { "PG-\($0)" })
            let waiting = try await api.get("/orders/outward?status=UNALLOCATED", as: partners.marketplace)
            #expect(waiting.json["orders"].array.compactMap { $0["orderCode"].string } == ["PG-3", "PG-4", "PG-5", "PG-6"])
            #expect(try await api.get("/orders/outward?status=LOST").status == 400)

            var ids: [Int] = []
            var after = 0
            while true {
                let page = try await api.get("/events?after=\(after)&limit=4")
                let batch = page.json["events"].array.compactMap { $0["messageId"].int }
                if batch.isEmpty { break }
                ids += batch
                after = page.json["lastMessageId"].int ?? 0
            }
            #expect(ids == Array(1...ids.count), "messageIds are gap-free and increasing: \(ids)")
            #expect(try await api.get("/events?after=0&types=NOT_AN_EVENT").status == 400)
        }
    }
}
