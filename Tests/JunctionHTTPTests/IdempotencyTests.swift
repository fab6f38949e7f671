import Testing

/// Same channel + orderCode: identical content returns the same order; other content is a 409.
@Suite struct IdempotencyTests {
    @Test(arguments: TestBackend.available)
    func resendReturnsTheSameOrderAndConflictChangesNothing(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            let body = orderJSON("SO-I", [("MP-A", 2, "100")])
            let first = try await api.post("/orders/outward", as: partners.marketplace, body)
            let again = try await api.post("/orders/outward", as: partners.marketplace, body)
            #expect(first.status == 200 && again.status == 200)
            #expect(first.json["omsOrderId"] == again.json["omsOrderId"])
            #expect(try await stockLevel(api, "A", "WH1") == (5, 2))

            let changed = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("SO-I", [("MP-A", 3, "100")]))
            #expect(changed.status == 409 && changed.json["code"].string == "CONFLICT", "\(changed.text)")
            #expect(try await stockLevel(api, "A", "WH1") == (5, 2))
            let events = try await api.get("/events?after=0&types=ORDER_CREATED")
            #expect(events.json["events"].array.count == 1)

            // The same code from another channel is another order.
            try await setStock(api, [("A", "WH1", 5)])
            let other = try await api.post("/orders/outward", as: partners.shopfront, orderJSON("SO-I", [("OT-A", 1, "100")]))
            #expect(other.status == 200 && other.json["omsOrderId"] != first.json["omsOrderId"], "\(other.text)")
        }
    }

    @Test(arguments: TestBackend.available)
    func creationAnswersAnEmptyBodyUnlessTheOrderIsAskedFor(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            let plain = try await api.call(.post, "/orders/outward", as: partners.marketplace,
                                           json: orderJSON("SO-E", [("MP-A", 1, "100")]), representation: false)
            #expect(plain.status == 200 && plain.text.isEmpty, "\(plain.text)")
            let resent = try await api.call(.post, "/orders/outward", as: partners.marketplace,
                                            json: orderJSON("SO-E", [("MP-A", 1, "100")]), representation: true)
            #expect(resent.status == 200 && resent.json["orderCode"].string == "SO-E")
            #expect(resent.json["status"].string == "ALLOCATED", "\(resent.text)")
        }
    }

    @Test(arguments: TestBackend.available)
    func bulkListAnswersPerOrder(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            let answer = try await api.post("/orders/outward/list", as: partners.marketplace, """
                {"outwardOrderClientFormList": [\(orderJSON("L-1", [("MP-A", 1, "10")])), \(orderJSON("L-2", [("MP-NOPE", 1, "10")]))]}
                """)
            #expect(answer.status == 200, "\(answer.text)")
            let results = answer.json["results"].array
            #expect(results.map { $0["status"].string } == ["SUCCESS", "FAILED"])
            #expect(results[1]["httpStatus"].int == 400)
            #expect(results[1]["error"]["errors"][0]["field"].string == "orderItems[0].channelSkuCode")
        }
    }

    /// A bulk call is taken as its orders sent one after another: stock goes to them in list order, a code
    /// repeated with the same content is the same order and with other content a 409.
    @Test(arguments: TestBackend.available)
    func bulkListActsAsItsOrdersSentOneAfterAnother(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 2)])
            let orders = [orderJSON("B-1", [("MP-A", 1, "10")]), orderJSON("B-2", [("MP-A", 1, "10")]), orderJSON("B-1", [("MP-A", 1, "10")]),
                          orderJSON("B-3", [("MP-A", 1, "10")]), orderJSON("B-2", [("MP-A", 2, "10")])]
            let answer = try await api.post("/orders/outward/list", as: partners.marketplace,
                                            #"{"outwardOrderClientFormList": [\#(orders.joined(separator: ","))]}"#)
            #expect(answer.status == 200, "\(answer.text)")
            let results = answer.json["results"].array
            #expect(results.map { $0["orderCode"].string ?? "" } == ["B-1", "B-2", "B-1", "B-3", "B-2"])
            #expect(results.map { $0["status"].string ?? "" } == ["SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "FAILED"])
            #expect(results.prefix(4).map { $0["order"]["status"].string ?? "" } == ["ALLOCATED", "ALLOCATED", "ALLOCATED", "UNALLOCATED"])
            #expect(results[0]["order"]["omsOrderId"] == results[2]["order"]["omsOrderId"])
            #expect(results[4]["httpStatus"].int == 409 && results[4]["error"]["code"].string == "CONFLICT", "\(results[4])")
            #expect(results[0]["order"]["timeline"].array.compactMap { $0["eventType"].string } == ["ORDER_CREATED", "ORDER_ALLOCATED"])
            #expect(try await stockLevel(api, "A", "WH1") == (onHand: 2, reserved: 2))
            let created = try await api.get("/events?after=0&types=ORDER_CREATED").json["events"].array
            #expect(created.compactMap { $0["aggregateCode"].string } == ["B-1", "B-2", "B-3"])
        }
    }
}
