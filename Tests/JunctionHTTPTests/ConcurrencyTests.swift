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

    /// Creates that arrive together (on PostgreSQL: written as one batch) are answered each on their own:
    /// re-sends find one order, a second content for a code gets 409, a bad order its field errors.
    @Test(arguments: TestBackend.available)
    func ordersArrivingTogetherAreAnsweredEachOnTheirOwn(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 100)])
            var calls: [(name: String, body: String)] = (0..<12).map { ("new-\($0)", orderJSON("TOG-\($0)", [("MP-A", 2, "100")])) }
            calls += [("resend", orderJSON("TOG-0", [("MP-A", 2, "100")])), ("resend", orderJSON("TOG-0", [("MP-A", 2, "100")])),
                      ("other", orderJSON("TOG-1", [("MP-A", 3, "100")])), ("bad", orderJSON("TOG-BAD", [("MP-NOPE", 1, "100")]))]
            let answers = try await withThrowingTaskGroup(of: (String, Answer).self) { group in
                for call in calls {
                    group.addTask { (call.name, try await api.post("/orders/outward", as: partners.marketplace, call.body)) }
                }
                return try await group.reduce(into: [(String, Answer)]()) { $0.append($1) }
            }
            let byName = Dictionary(grouping: answers, by: \.0).mapValues { $0.map(\.1) }
            let codeOne = (byName["new-1"] ?? []) + (byName["other"] ?? [])
            #expect(codeOne.map(\.status).sorted() == [200, 409], "one content per code wins, the other is refused")
            #expect(Set((byName["resend"] ?? []).map { $0.json["omsOrderId"] } + (byName["new-0"] ?? []).map { $0.json["omsOrderId"] }).count == 1)
            #expect(byName["bad"]?.first?.status == 400 && fieldNames(byName["bad"]![0]) == ["orderItems[0].channelSkuCode"])
            let created = answers.filter { $0.1.status == 200 }.map { $0.1.json["orderCode"].string ?? "" }
            #expect(Set(created).count == 12 && created.count == 14, "twelve orders, the re-sends answered with theirs")
            let reserved = 2 * 11 + (byName["other"]?.first?.status == 200 ? 3 : 2)
            let level = try await stockLevel(api, "A", "WH1")
            #expect(level == (100, reserved), "\(level) vs \(reserved)")
        }
    }
}
