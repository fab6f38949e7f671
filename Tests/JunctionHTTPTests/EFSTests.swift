import Testing

/// An external fulfilment system: its stock pushes, order access and cancellations.
@Suite struct EFSTests {
    @Test(arguments: TestBackend.available)
    func anEFSManagesTheLocationsItFulfils(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let efs = try await createChannel(api, "WMS", "EFS", [])
            let located = try await api.post("/master/locations", """
                {"locations": [{"locationCode": "WH2", "name": "Mumbai WH", "locationType": "WAREHOUSE", "priority": 2,
                  "efsChannelName": "WMS", "address": {"state": "Maharashtra"}}]}
                """)
            #expect(located.status == 200)
            let listed = try await api.post("/usp/listing/create", as: efs, #"{"skuListings": [{"channelSkuCode": "SCAN-A", "channelSerialNo": "1", "barcode": "A"}]}"#)
            #expect(listed.json["successChannelSkus"].array.count == 1, "\(listed.text)")
            let pushed = try await api.put("/usp/inventories/absolute", as: efs, """
                {"locationCode": "WH2", "products": [{"channelSkuCode": "SCAN-A", "quantity": 7}, {"channelSkuCode": "NOPE", "quantity": 1}]}
                """)
            #expect(pushed.json["successProducts"].array.count == 1 && pushed.json["failureProducts"].array.count == 1, "\(pushed.text)")
            let elsewhere = try await api.put("/usp/inventories/absolute", as: efs, #"{"locationCode": "WH1", "products": [{"channelSkuCode": "SCAN-A", "quantity": 7}]}"#)
            #expect(elsewhere.json["failureProducts"].array.count == 1)
            #expect(try await stockLevel(api, "A", "WH2") == (7, 0))
            let seenByEFS = try await api.post("/inventories/search-sku", as: efs, #"{"channelSkuCodes": ["SCAN-A"]}"#)
            #expect(seenByEFS.json["successList"][0]["inventories"].array.map { $0["locationCode"].string } == ["WH2"], "\(seenByEFS.text)")
            #expect(seenByEFS.json["successList"][0]["totalQuantity"].int == 7)
            let seenByChannel = try await api.post("/inventories/search-sku", as: partners.marketplace, #"{"channelSkuCodes": ["MP-A"]}"#)
            #expect(seenByChannel.json["successList"][0]["inventories"].array.map { $0["locationCode"].string } == ["WH1", "WH2"])
            let seenByAdmin = try await api.post("/inventories/search-sku", #"{"channelSkuCodes": ["A"]}"#)
            #expect(seenByAdmin.json["successList"][0]["inventories"].array.map { $0["locationCode"].string } == ["ST3", "WH1", "WH2"])
            let tooMany = (0..<301).map { #"{"channelSkuCode": "S\#($0)", "quantity": 1}"# }.joined(separator: ",")
            let refused = try await api.put("/usp/inventories/absolute", as: efs, #"{"locationCode": "WH2", "products": [\#(tooMany)]}"#)
            #expect(refused.status == 400 && fieldNames(refused) == ["products"])

            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("E-1", [("MP-A", 3, "100")]))
            #expect(try await api.get("/orders/outward/E-1", as: efs).status == 200)
            #expect(try await api.post("/orders/outward", as: efs, orderJSON("E-2", [("MP-A", 1, "1")])).status == 403)
            let cancelled = try await api.put("/usp/order/cancel", as: efs, """
                {"orderCode": "E-1", "locationCode": "WH2", "channelName": "MP",
                 "orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 3}]}
                """)
            #expect(cancelled.status == 200, "\(cancelled.text)")
            #expect(try await api.get("/orders/outward/E-1", as: partners.marketplace).json["status"].string == "CANCELLED")
            #expect(try await stockLevel(api, "A", "WH2") == (7, 0))
        }
    }

    @Test(arguments: TestBackend.available)
    func storeInventoryBatchesAreLimitedAndValidated(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            _ = try await seedCatalogue(api)
            let entries = (0..<201).map { #"{"channelSkuCode": "A", "locationCode": "WH1", "quantity": \#($0)}"# }.joined(separator: ",")
            let big = try await api.put("/updateInventories", #"{"inventories": [\#(entries)]}"#)
            #expect(big.status == 400 && fieldNames(big) == ["inventories"])
            let bad = try await api.put("/updateInventories", #"{"inventories": [{"channelSkuCode": "A", "locationCode": "WH1", "quantity": -1}, {"locationCode": "WH1", "quantity": 1}]}"#)
            #expect(Set(fieldNames(bad)) == ["inventories[0].quantity", "inventories[1].channelSkuCode"], "\(bad.text)")
            let unknown = try await api.put("/updateInventories", #"{"inventories": [{"channelSkuCode": "A", "locationCode": "NOWHERE", "quantity": 1}]}"#)
            #expect(unknown.json["failureList"][0]["errorMessage"].string == "no location NOWHERE")
        }
    }
}
