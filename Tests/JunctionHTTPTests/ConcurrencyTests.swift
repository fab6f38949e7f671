import Testing

/// No oversell: concurrent orders racing for the last units.
@Suite struct ConcurrencyTests {
    @Test(arguments: TestBackend.available)
    func fiftyConcurrentOrdersForTenUnitsAllocateExactlyTen(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 6), ("A", "WH2", 4)])
            let statuses = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await api.post("/orders/outward", as: partners.marketplace, orderJSON("RACE-\(index)", [("MP-A", 1, "100")]))
                            .json["status"].string
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == "ALLOCATED" }.count == 10)
            #expect(statuses.filter { $0 == "UNALLOCATED" }.count == 40)
            #expect(try await stockLevel(api, "A", "WH1") == (6, 6))
            #expect(try await stockLevel(api, "A", "WH2") == (4, 4))
        }
    }
}
