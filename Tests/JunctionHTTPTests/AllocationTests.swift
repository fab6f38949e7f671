import Testing

/// Routing, splitting, waiting and automatic allocation, over HTTP.
@Suite struct AllocationTests {
    @Test(arguments: TestBackend.available)
    func routesToTheHighestPriorityLocationThatHasEverything(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5), ("B", "WH2", 5), ("A", "WH2", 5)])
            let both = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("R-1", [("MP-A", 1, "1"), ("MP-B", 1, "1")]))
            #expect(both.json["orderItems"].array.map { $0["allocations"][0]["locationCode"].string } == ["WH2", "WH2"], "\(both.text)")
            let onlyA = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("R-2", [("MP-A", 1, "1")]))
            #expect(onlyA.json["orderItems"][0]["allocations"][0]["locationCode"].string == "WH1")
            let pinned = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("R-3", [("MP-A", 1, "1")], location: "WH2"))
            #expect(pinned.json["orderItems"][0]["allocations"][0]["locationCode"].string == "WH2")
        }
    }

    @Test(arguments: TestBackend.available)
    func splitsOnlyWhenAllowed(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 2), ("A", "WH2", 2)])
            let whole = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("S-1", [("MP-A", 3, "1")]))
            #expect(whole.json["status"].string == "UNALLOCATED", "\(whole.text)")
            let split = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("S-2", [("MP-A", 3, "1")], split: true))
            #expect(split.json["status"].string == "ALLOCATED", "\(split.text)")
            let allocations = split.json["orderItems"][0]["allocations"].array
            #expect(allocations.map { $0["locationCode"].string ?? "" } == ["WH1", "WH2"])
            #expect(allocations.map { $0["quantity"].int ?? 0 } == [2, 1])
        }
    }

    @Test(arguments: TestBackend.available)
    func waitingOrdersAreAllocatedWhenStockArrivesPriorityFirst(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("W-OLD", [("MP-C", 2, "1")]))
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("W-PRIO", [("MP-C", 2, "1")], priority: true))
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("W-SMALL", [("MP-C", 1, "1")]))
            try await setStock(api, [("C", "WH1", 3)])
            let status = { (code: String) in try await api.get("/orders/outward/\(code)", as: partners.marketplace).json["status"].string }
            #expect(try await status("W-PRIO") == "ALLOCATED")
            #expect(try await status("W-OLD") == "UNALLOCATED")
            #expect(try await status("W-SMALL") == "ALLOCATED")
            #expect(try await stockLevel(api, "C", "WH1") == (3, 3))
            // A cancellation frees stock for the order still waiting.
            _ = try await api.put("/orders/W-PRIO/cancel", as: partners.marketplace,
                                  #"{"orderItems": [{"channelSkuCode": "MP-C", "cancelledQuantity": 2}]}"#)
            #expect(try await status("W-OLD") == "ALLOCATED")
            let timeline = try await api.get("/orders/outward/W-OLD", as: partners.marketplace).json["timeline"].array
            #expect(timeline.last?["reason"].string?.contains("stock became available") == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func bundleStockIsDerivedFromItsChildren(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 3), ("B", "WH1", 5)])
            let search = try await api.post("/inventories/search-sku", as: partners.marketplace, #"{"channelSkuCodes": ["MP-BND"]}"#)
            #expect(search.json["sucessList"][0]["totalQuantity"].int == 2, "\(search.text)")
            let order = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("B-1", [("MP-BND", 2, "1500")]))
            #expect(order.json["status"].string == "ALLOCATED", "\(order.text)")
            #expect(try await stockLevel(api, "A", "WH1") == (3, 2))
            #expect(try await stockLevel(api, "B", "WH1") == (5, 4))
            let after = try await api.post("/inventories/search-sku", as: partners.marketplace, #"{"channelSkuCodes": ["MP-BND", "MP-A"]}"#)
            #expect(after.json["successList"].array.map { $0["totalQuantity"].int } == [0, 1])
            let refused = try await api.put("/updateInventories", #"{"inventories": [{"channelSkuCode": "BND", "locationCode": "WH1", "quantity": 4}]}"#)
            #expect(refused.json["failureList"].array.count == 1)
        }
    }

    /// The largest order allowed (2,500 lines), split over two locations, is written whole: on PostgreSQL
    /// it is too large for a batch's one statement and takes a transaction of its own.
    @Test(arguments: TestBackend.available)
    func theLargestOrderIsAllocatedWhole(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let codes = (0..<2_500).map { "L\($0)" }
            let articles = codes.map { #"{"channelSkuCode": "\#($0)", "clientSkuId": "\#($0)", "name": "\#($0)", "mrp": 100, "hsn": "6109"}"# }
            #expect(try await api.post("/master/articles", as: partners.erp, #"{"articleMasters": [\#(articles.joined(separator: ","))]}"#).status == 200)
            let listings = codes.map { #"{"channelSkuCode": "MP-\#($0)", "barcode": "\#($0)"}"# }
            _ = try await api.post("/master/sku-listings/channel", as: partners.marketplace, #"{"skuListings": [\#(listings.joined(separator: ","))]}"#)
            for chunk in stride(from: 0, to: codes.count, by: 200) {
                try await setStock(api, codes[chunk..<min(chunk + 200, codes.count)].enumerated().map { ($1, $0 % 2 == 0 ? "WH1" : "WH2", 1) })
            }
            let answer = try await api.post("/orders/outward", as: partners.marketplace,
                                            orderJSON("LARGE", codes.map { ("MP-\($0)", 1, "10") }, split: true))
            #expect(answer.status == 200 && answer.json["status"].string == "ALLOCATED", "\(answer.text.prefix(300))")
            #expect(answer.json["orderItems"].array.count == 2_500)
            let first = try await stockLevel(api, "L0", "WH1"), last = try await stockLevel(api, "L2499", "WH2")
            #expect(first == (1, 1) && last == (1, 1))
        }
    }
}
