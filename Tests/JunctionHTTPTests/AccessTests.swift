import Testing

/// Authentication and scoping: who may see and change what.
@Suite struct AccessTests {
    @Test(arguments: TestBackend.available)
    func credentialsAreRequiredAndChannelsSeeOnlyTheirOwn(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            #expect(try await api.get("/health", as: .anonymous).status == 200)
            #expect(try await api.get("/orders/outward", as: .anonymous).status == 401)
            let wrong = Credential(username: partners.marketplace.username, password: "guess")
            #expect(try await api.post("/orders/outward", as: wrong, orderJSON("A-1", [("MP-A", 1, "1")])).status == 401)
            #expect(try await api.post("/orders/outward", as: partners.marketplace, orderJSON("A-1", [("MP-A", 1, "1")])).status == 200)
            #expect(try await api.get("/orders/outward/A-1", as: partners.shopfront).status == 404)
            #expect(try await api.put("/orders/A-1/cancel", as: partners.shopfront,
                                      #"{"orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 1}]}"#).status == 404)
            #expect(try await api.get("/orders/outward?channelName=MP", as: partners.shopfront).status == 403)
            #expect(try await api.get("/orders/outward", as: partners.shopfront).json["orders"].array.isEmpty)
            #expect(try await api.post("/master/locations", as: partners.marketplace, #"{"locations": []}"#).status == 403)
            #expect(try await api.post("/orders/outward", as: partners.erp, orderJSON("A-2", [("MP-A", 1, "1")])).status == 400)
            let events = try await api.get("/events?after=0", as: partners.shopfront)
            #expect(events.json["events"].array.allSatisfy { $0["channelName"].string == "SHOP" })
            #expect(try await api.get("/orders/outward/A-1?channelName=MP").status == 200)
        }
    }

    /// Connections opening together with the same credentials share one check of them; each is answered
    /// by what its own credentials are worth.
    @Test(arguments: TestBackend.available)
    func credentialsPresentedTogetherAreEachJudgedRight(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let wrong = Credential(username: partners.marketplace.username, password: "guess")
            let callers = (0..<40).map { $0 % 4 == 0 ? wrong : $0 % 4 == 1 ? partners.shopfront : partners.marketplace }
            let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for caller in callers {
                    group.addTask { (caller.password, try await api.get("/orders/outward", as: caller).status) }
                }
                return try await group.reduce(into: [(String, Int)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == "guess" }.map(\.1) == Array(repeating: 401, count: 10))
            #expect(statuses.filter { $0.0 != "guess" }.map(\.1) == Array(repeating: 200, count: 30))
            #expect(try await api.get("/orders/outward", as: wrong).status == 401, "a refusal is not remembered as a pass")
        }
    }

    @Test(arguments: TestBackend.available)
    func secretsAreStoredHashedAndShownOnce(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let stored = try await api.junction.database.read { sql in
                try await sql.raw("SELECT secret_hash FROM channels WHERE name = 'MP'").first(decoding: HashRow.self)
            }
            #expect(stored?.secret_hash.hasPrefix("pbkdf2-sha256$") == true)
            #expect(stored?.secret_hash.contains(partners.marketplace.password) == false)
            let shown = try await api.get("/master/channels/MP")
            #expect(shown.json["authPassword"] == .null && shown.json["authUsername"].string == "MP")
            #expect(try await api.post("/master/channels", #"{"channelName": "MP", "channelType": "MARKETPLACE"}"#).status == 409)
        }
    }
}

private struct HashRow: Decodable { var secret_hash: String }
