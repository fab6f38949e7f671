import Testing

/// An order's whole life in this issue's scope, over HTTP: create, allocate, read, cancel, events.
@Suite struct OrderFlowTests {
    @Test(arguments: TestBackend.available)
    func createAllocateReadCancel(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5), ("B", "WH1", 10)])
            let created = try await api.post("/orders/outward", as: partners.marketplace,
                                             orderJSON("SO-1", [("MP-A", 2, "560"), ("MP-B", 3, "199.99")]))
            #expect(created.status == 200, "\(created.text)")
            #expect(created.json["status"].string == "ALLOCATED")
            #expect(created.json["orderItems"][0]["allocations"][0]["locationCode"].string == "WH1")
            #expect(created.json["totals"]["grandTotal"].number == 1719.97)
            #expect(try await stockLevel(api, "A", "WH1") == (5, 2))
            #expect(try await stockLevel(api, "B", "WH1") == (10, 3))

            let read = try await api.get("/orders/outward/SO-1", as: partners.marketplace)
            #expect(read.status == 200)
            #expect(read.json["orderItems"].array.count == 2)
            #expect(read.json["timeline"].array.map { $0["eventType"].string } == ["ORDER_CREATED", "ORDER_ALLOCATED"])

            let partial = try await api.put("/orders/SO-1/cancel", as: partners.marketplace, """
                {"orderItems": [{"channelSkuCode": "MP-B", "orderItemCode": "SO-1-1", "cancelledQuantity": 2}]}
                """)
            #expect(partial.status == 200, "\(partial.text)")
            #expect(partial.json["orderItems"][1]["cancelledQuantity"].int == 2)
            #expect(partial.json["orderItems"][1]["allocatedQuantity"].int == 1)
            #expect(try await stockLevel(api, "B", "WH1") == (10, 1))

            let full = try await api.put("/orders/SO-1/cancel", as: partners.marketplace, """
                {"orderItems": [{"channelSkuCode": "MP-A", "orderItemCode": "SO-1-0", "cancelledQuantity": 2},
                                {"channelSkuCode": "MP-B", "orderItemCode": "SO-1-1", "cancelledQuantity": 3}]}
                """)
            #expect(full.json["status"].string == "CANCELLED", "\(full.text)")
            #expect(try await stockLevel(api, "A", "WH1") == (5, 0))
            #expect(try await stockLevel(api, "B", "WH1") == (10, 0))

            let events = try await api.get("/events?after=0&types=ORDER_CREATED,ORDER_ALLOCATED,ORDER_PARTIALLY_CANCELLED,ORDER_CANCELLED",
                                           as: partners.marketplace)
            let types = events.json["events"].array.compactMap { $0["eventType"].string }
            #expect(types == ["ORDER_CREATED", "ORDER_ALLOCATED", "ORDER_PARTIALLY_CANCELLED", "ORDER_CANCELLED"])
            let ids = events.json["events"].array.compactMap { $0["messageId"].int }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        }
    }

    @Test(arguments: TestBackend.available)
    func totalsEqualTheSumOfLinesToThePaisa(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 100), ("B", "WH1", 100), ("C", "WH1", 100)])
            let body = orderJSON("SO-M", [("MP-A", 3, "333.33"), ("MP-B", 7, "0.1"), ("MP-C", 1, "99.995")])
            let answer = try await api.post("/orders/outward", as: partners.marketplace, body)
            #expect(answer.status == 200, "\(answer.text)")
            let lineTotals = answer.json["orderItems"].array.compactMap { $0["lineTotal"].number }
            #expect(lineTotals == [999.99, 0.7, 100])
            let paise = lineTotals.map { Int(($0 * 100).rounded()) }.reduce(0, +)
            #expect(Int((answer.json["totals"]["grandTotal"].number! * 100).rounded()) == paise)
        }
    }

    @Test(arguments: TestBackend.available)
    func propertiesAndAttributesAreUpdatedAndRecorded(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("SO-P", [("MP-A", 1, "100")]))
            let held = try await api.put("/orders/SO-P", as: partners.marketplace, """
                {"onHold": true, "dispatchByTime": "2024-02-15T10:00:00.000+05:30", "startProcessingTime": "2024-02-14T10:00:00Z"}
                """)
            #expect(held.status == 200, "\(held.text)")
            #expect(held.json["onHold"].bool == true)
            #expect(held.json["dispatchByTime"].string == "2024-02-15T10:00:00.000+05:30")
            let attributes = try await api.put("/orders/outward/attributes/SO-P", as: partners.marketplace, """
                {"locationCode": "WH1", "updateOrderAttributes": {"attribute1": "DIWALI10", "attribute2": "GOLD"},
                 "updateOrderItemAttributes": [{"orderItemCode": "SO-P-0", "channelSkuCode": "MP-A", "attribute1": "BOGO"}]}
                """)
            #expect(attributes.status == 200, "\(attributes.text)")
            #expect(attributes.json["orderCustomAttributes"]["attribute1"].string == "DIWALI10")
            #expect(attributes.json["orderItems"][0]["orderItemCustomAttributes"]["attribute1"].string == "BOGO")
            let search = try await api.get("/search/order?orderCode=SO-P&locationCode=WH1", as: partners.marketplace)
            #expect(search.json["orderCustomAttributes"]["attribute2"].string == "GOLD")
            #expect(search.json["orderItems"][0]["orderedQuantity"].int == 1)
            let types = attributes.json["timeline"].array.compactMap { $0["eventType"].string }
            #expect(types == ["ORDER_CREATED", "ORDER_ALLOCATED", "ORDER_ON_HOLD", "ORDER_PROPERTIES_UPDATED", "ORDER_ATTRIBUTES_UPDATED"])
            let undefined = try await api.put("/orders/outward/attributes/SO-P", as: partners.marketplace,
                                              #"{"updateOrderAttributes": {"attribute7": "x"}}"#)
            #expect(undefined.status == 400 && fieldNames(undefined) == ["updateOrderAttributes.attribute7"])
        }
    }
}
