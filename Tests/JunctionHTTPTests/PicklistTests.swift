import Testing

/// Picklists (§5.6): only allocated, processable orders of one channel and location.
@Suite struct PicklistTests {
    @Test(arguments: TestBackend.available)
    func allocatedOrdersArePickedOthersAreRefusedWithoutChange(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let efs = try await createChannel(api, "WMS", "EFS", [])
            _ = try await api.post("/master/locations", """
                {"locations": [{"locationCode": "WH1", "name": "Bengaluru WH", "locationType": "WAREHOUSE", "priority": 1,
                  "efsChannelName": "WMS", "address": {"state": "Karnataka"}}]}
                """)
            try await setStock(api, [("A", "WH1", 5)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("PK-1", [("MP-A", 1, "10")]))
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("PK-2", [("MP-A", 1, "10")]))
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("PK-WAIT", [("MP-B", 1, "10")]))
            _ = try await api.post("/orders/outward", as: partners.marketplace,
                                   orderJSON("PK-HELD", [("MP-A", 1, "10")]).replacingOccurrences(of: #""onHold": false"#, with: #""onHold": true"#))

            let refused = try await api.post("/usp/picklist/create", as: efs, """
                {"channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "PK-1"}, {"orderCode": "PK-WAIT"}, {"orderCode": "PK-HELD"}]}
                """)
            #expect(refused.status == 422 && refused.json["code"].string == "INVALID_STATE", "\(refused.text)")
            #expect(refused.json["message"].string?.contains("PK-WAIT is UNALLOCATED") == true)
            #expect(refused.json["message"].string?.contains("PK-HELD is on hold") == true)
            #expect(try await api.get("/orders/outward/PK-1", as: partners.marketplace).json["status"].string == "ALLOCATED")

            let created = try await api.post("/usp/picklist/create", as: efs,
                                             #"{"channelName": "MP", "locationCode": "WH1", "pickListCode": "PL-1", "orderList": [{"orderCode": "PK-1"}]}"#)
            let id = try #require(created.json["pickListId"].int, "\(created.text)")
            let added = try await api.post("/usp/picklist/add-order", as: efs,
                                           #"{"pickListId": \#(id), "channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "PK-2"}, {"orderCode": "PK-1"}]}"#)
            #expect(added.status == 200, "\(added.text)")
            let order = try await api.get("/orders/outward/PK-2", as: partners.marketplace)
            #expect(order.json["status"].string == "PICKING")
            #expect(order.json["timeline"].array.last?["eventType"].string == "PICKLIST_CREATED")
            let first = try await api.get("/orders/outward/PK-1", as: partners.marketplace)
            #expect(first.json["timeline"].array.filter { $0["eventType"].string == "PICKLIST_CREATED" }.count == 1,
                    "an order already on the picklist stays as it was")
            let elsewhere = try await api.post("/usp/picklist/create", as: partners.marketplace,
                                               #"{"channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "PK-2"}]}"#)
            #expect(elsewhere.status == 403)
            let unknown = try await api.post("/picklists", #"{"channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "NOPE"}]}"#)
            #expect(unknown.status == 400 && fieldNames(unknown) == ["orderList[0].orderCode"])
            let unknownAfterRepeat = try await api.post("/picklists", """
                {"channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "PK-2"}, {"orderCode": "PK-2"}, {"orderCode": "NOPE"}]}
                """)
            #expect(fieldNames(unknownAfterRepeat) == ["orderList[2].orderCode"], "the index in the request, repeats counted")
            let twice = try await api.post("/picklists", #"{"channelName": "MP", "locationCode": "WH1", "orderList": [{"orderCode": "PK-2"}]}"#)
            #expect(twice.status == 422 && twice.json["message"].string?.contains("already on picklist") == true, "\(twice.text)")
        }
    }
}
