import Testing

/// Locations, partners, articles, listings and vendors through the API.
@Suite struct MasterTests {
    @Test(arguments: TestBackend.available)
    func mastersValidateAndNameTheirFields(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let location = try await api.post("/master/locations", #"{"locations": [{"locationCode": "X", "name": "X", "address": {"city": "Pune"}}]}"#)
            #expect(location.status == 400 && Set(fieldNames(location)) == ["locations[0].locationType", "locations[0].address.state"],
                    "\(location.text)")
            let channel = try await api.post("/master/channels", #"{"channelName": "C", "channelType": "SHOP", "locationCodes": ["NOWHERE"]}"#)
            #expect(channel.status == 400 && fieldNames(channel) == ["channelType"], "\(channel.text)")
            let unknownLocation = try await api.post("/master/channels", #"{"channelName": "C", "channelType": "B2B", "locationCodes": ["NOWHERE"]}"#)
            #expect(unknownLocation.status == 400 && fieldNames(unknownLocation) == ["locationCodes[0]"], "\(unknownLocation.text)")
            let article = try await api.post("/master/articles", """
                {"articleMasters": [{"channelSkuCode": "A", "clientSkuId": "A", "name": "A", "mrp": 1},
                                    {"channelSkuCode": "K", "clientSkuId": "K", "name": "Kit", "mrp": 1, "hsn": "1",
                                     "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "A", "qty": 0}]}}]}
                """)
            #expect(Set(fieldNames(article)) == ["articleMasters[0].hsn", "articleMasters[1].virtualSkuDefinition.childSkus[0].qty"],
                    "\(article.text)")
            let orphan = try await api.post("/master/articles", """
                {"articleMasters": [{"channelSkuCode": "K", "clientSkuId": "K", "name": "Kit", "mrp": 1, "hsn": "1",
                                     "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "GHOST", "qty": 1}]}}]}
                """)
            #expect(orphan.status == 400 && fieldNames(orphan) == ["articleMasters[0].virtualSkuDefinition.childSkus[0].channelSkuCode"])
            let attribute = try await api.put("/master/custom-attributes", #"{"orderAttributes": [{"key": "attribute11"}, {"key": "attribute1", "type": "ENUM"}]}"#)
            #expect(Set(fieldNames(attribute)) == ["orderAttributes[0].key", "orderAttributes[1].values"], "\(attribute.text)")
        }
    }

    @Test(arguments: TestBackend.available)
    func articlesAreIdempotentAndListingsReportPerRow(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let again = try await api.post("/master/articles", #"{"articleMasters": [{"channelSkuCode": "A", "clientSkuId": "A", "name": "Renamed", "mrp": 1, "hsn": "1"}]}"#)
            #expect(again.json["unchanged"].array.compactMap(\.string) == ["A"])
            let search = try await api.post("/master/articles/search", #"{"channelSkuCodes": ["A", "BND", "NOPE"]}"#)
            #expect(search.json["articleMasters"].array.compactMap { $0["name"].string } == ["Article A", "Bundle"])
            #expect(search.json["articleMasters"][1]["virtualSkuDefinition"]["childSkus"].array.count == 2)
            let listings = try await api.post("/master/sku-listings", as: partners.erp, """
                {"channelName": "SHOP", "skuListings": [{"channelSkuCode": "OT-B", "barcode": "B"}, {"channelSkuCode": "OT-Z", "barcode": "ZZZ"}]}
                """)
            #expect(listings.json["successChannelSkus"].array.compactMap(\.string) == ["OT-B"], "\(listings.text)")
            #expect(listings.json["failureSkuListingCimsData"][0]["channelSku"].string == "OT-Z")
            #expect(listings.json["failureSkuListingData"][0]["channelSku"].string == "OT-Z")
            let foreign = try await api.post("/master/sku-listings", as: partners.marketplace,
                                             #"{"channelName": "SHOP", "skuListings": [{"channelSkuCode": "X", "barcode": "B"}]}"#)
            #expect(foreign.status == 403)
            let renamed = try await api.call(.patch, "/push/skuListing", as: partners.shopfront, json: """
                {"channelId": "SHOP", "updateLisiting": [{"channelSkuCode": "OT-B", "modifiedChannelSkuCode": "OT-B2", "toleranceDays": 5},
                                                         {"channelSkuCode": "OT-NONE"}]}
                """)
            #expect(renamed.json["successList"].array.count == 1 && renamed.json["failureList"].array.count == 1, "\(renamed.text)")
            let stock = try await api.post("/inventories/search-sku", as: partners.shopfront, #"{"channelSkuCodes": ["OT-B2", "OT-B"]}"#)
            #expect(stock.json["failureList"].array.compactMap(\.string) == ["OT-B"], "\(stock.text)")
        }
    }

    /// Articles and listings of one call are checked first and written together; the outcome is that of
    /// taking them one at a time.
    @Test(arguments: TestBackend.available)
    func aCallOfArticlesOrListingsActsAsIfTheyCameOneAtATime(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let articles = try await api.post("/master/articles", """
                {"articleMasters": [
                  {"channelSkuCode": "D", "clientSkuId": "D", "name": "D", "mrp": 10, "hsn": "6109"},
                  {"channelSkuCode": "DB", "clientSkuId": "DB", "name": "Pack of D", "mrp": 18, "hsn": "6109", "isBundled": true,
                   "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "D", "qty": 2}]}},
                  {"channelSkuCode": "D", "clientSkuId": "D", "name": "D again", "mrp": 10, "hsn": "6109"}]}
                """)
            #expect(articles.json["created"].array.compactMap(\.string) == ["D", "DB"], "\(articles.text)")
            #expect(articles.json["unchanged"].array.compactMap(\.string) == ["D"])
            try await setStock(api, [("D", "WH1", 5)])
            let bundle = try await api.post("/inventories/search-sku", #"{"channelSkuCodes": ["DB"]}"#)
            #expect(bundle.json["successList"][0]["totalQuantity"].int == 2, "the pack is made of two of D: \(bundle.text)")

            let refused = try await api.post("/master/articles", """
                {"articleMasters": [
                  {"channelSkuCode": "E", "clientSkuId": "E", "name": "E", "mrp": 10, "hsn": "6109"},
                  {"channelSkuCode": "EB", "clientSkuId": "EB", "name": "Pack", "mrp": 18, "hsn": "6109", "isBundled": true,
                   "virtualSkuDefinition": {"childSkus": [{"channelSkuCode": "NOPE", "qty": 1}]}}]}
                """)
            #expect(refused.status == 400 && fieldNames(refused) == ["articleMasters[1].virtualSkuDefinition.childSkus[0].channelSkuCode"],
                    "\(refused.text)")
            let search = try await api.post("/master/articles/search", #"{"channelSkuCodes": ["E", "EB"]}"#)
            #expect(search.json["articleMasters"].array.isEmpty, "a refused call creates nothing: \(search.text)")

            try await setStock(api, [("A", "WH1", 7), ("C", "WH1", 3)])
            let listings = try await api.post("/master/sku-listings/channel", as: partners.shopfront, """
                {"skuListings": [{"channelSkuCode": "OT-C", "barcode": "C"}, {"channelSkuCode": "OT-C", "barcode": "A"}]}
                """)
            #expect(listings.json["successChannelSkus"].array.compactMap(\.string) == ["OT-C", "OT-C"], "\(listings.text)")
            let listed = try await api.post("/inventories/search-sku", as: partners.shopfront, #"{"channelSkuCodes": ["OT-C"]}"#)
            #expect(listed.json["successList"][0]["totalQuantity"].int == 7, "the last listing of a code wins: \(listed.text)")
        }
    }

    @Test(arguments: TestBackend.available)
    func partnerCodeOrdersNeedAKnownVendorLocation(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 10)])
            #expect(try await api.post("/master/vendors", as: partners.erp, """
                {"vendorCode": "V1", "name": "Retail Co", "address": {"name": "Retail Co", "state": "Delhi"}}
                """).status == 200)
            #expect(try await api.post("/master/vendors/V1/locations", as: partners.erp, """
                {"vendorLocationCode": "V1-DEL", "gstin": "07ABCDE1234F1Z1", "billingAddress": {"state": "Delhi"}, "shippingAddress": {"state": "Delhi"}}
                """).status == 200)
            #expect(try await api.post("/master/vendors/V9/locations", #"{"vendorLocationCode": "X"}"#).status == 404)
            let body = orderJSON("B2B-1", [("MP-A", 4, "250")], extra: #""partnerCode": "V1", "partnerLocationCode": "V1-DEL","#)
            let order = try await api.post("/orders/outward/partner-code", as: partners.marketplace, body)
            #expect(order.status == 200 && order.json["partnerCode"].string == "V1", "\(order.text)")
            let unknown = try await api.post("/orders/outward/partner-code", as: partners.marketplace,
                                             orderJSON("B2B-2", [("MP-A", 1, "250")], extra: #""partnerCode": "V1", "partnerLocationCode": "V1-BOM","#))
            #expect(unknown.status == 400 && fieldNames(unknown) == ["partnerLocationCode"], "\(unknown.text)")
        }
    }
}
