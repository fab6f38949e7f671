import Testing

/// Every validation rule of order creation: a 400 naming the field, and nothing written.
@Suite struct ValidationTests {
    static let cases: [(name: String, body: String, field: String)] = [
        ("unknown listing", orderJSON("V1", [("MP-NOPE", 1, "10")]), "orderItems[0].channelSkuCode"),
        ("SKU twice", orderJSON("V2", [("MP-A", 1, "10"), ("MP-A", 2, "10")]), "orderItems[1].channelSkuCode"),
        ("bad orderType", orderJSON("V3", [("MP-A", 1, "10")]).replacingOccurrences(of: "\"SALES\"", with: "\"GIFT\""), "orderType"),
        ("bad paymentMethod", orderJSON("V4", [("MP-A", 1, "10")]).replacingOccurrences(of: "\"COD\"", with: "\"CASH\""), "paymentMethod"),
        ("bad qcStatus", orderJSON("V5", [("MP-A", 1, "10")]).replacingOccurrences(of: "\"PASS\"", with: "\"OK\""), "qcStatus"),
        ("zero quantity", orderJSON("V6", [("MP-A", 0, "10")]), "orderItems[0].quantity"),
        ("negative price", orderJSON("V7", [("MP-A", 1, "-5")]), "orderItems[0].sellingPricePerUnit"),
        ("undefined attribute key", orderJSON("V8", [("MP-A", 1, "10")], extra: #""orderCustomAttributes": {"attribute9": "x"},"#),
         "orderCustomAttributes.attribute9"),
        ("undefined item attribute key",
         orderJSON("V9", [("MP-A", 1, "10")]).replacingOccurrences(of: #""sellingPricePerUnit": 10}"#,
                                                                    with: #""sellingPricePerUnit": 10, "orderItemCustomAttributes": {"attribute4": "y"}}"#),
         "orderItems[0].orderItemCustomAttributes.attribute4"),
        ("enum attribute value", orderJSON("V10", [("MP-A", 1, "10")], extra: #""orderCustomAttributes": {"attribute2": "BRONZE"},"#),
         "orderCustomAttributes.attribute2"),
        ("bad date", orderJSON("V11", [("MP-A", 1, "10")]).replacingOccurrences(of: "2024-02-13T09:45:00Z", with: "13/02/2024"), "orderTime"),
        ("string over 255", orderJSON(String(repeating: "x", count: 256), [("MP-A", 1, "10")]), "orderCode"),
        ("location not the channel's", orderJSON("V12", [("MP-A", 1, "10")], location: "ST3"), "locationCode"),
        ("wrong JSON type", orderJSON("V13", [("MP-A", 1, "10")]).replacingOccurrences(of: #""quantity": 1"#, with: #""quantity": "one""#),
         "orderItems[0].quantity"),
        ("missing lines", #"{"orderCode": "V14", "orderTime": "2024-02-13T09:45:00Z", "orderType": "SO", "paymentMethod": "NCOD", "shippingAddress": {}}"#,
         "orderItems"),
        ("not JSON", #"{"orderCode": "V15", "orderItems": [}"#, "body"),
        ("a line that is not an object", orderJSON("V16", [("MP-A", 1, "10")]).replacingOccurrences(of: #""orderItems": ["#, with: #""orderItems": [7, "#),
         "orderItems[0]"),
    ]

    @Test(arguments: TestBackend.available)
    func everyRuleNamesItsFieldAndWritesNothing(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            let before = try await api.get("/events?after=0&limit=1000")
            for testCase in Self.cases {
                let answer = try await api.post("/orders/outward", as: partners.marketplace, testCase.body)
                #expect(answer.status == 400, "\(testCase.name): \(answer.text)")
                #expect(answer.json["code"].string == "BAD_DATA", "\(testCase.name)")
                #expect(fieldNames(answer).contains(testCase.field), "\(testCase.name): \(fieldNames(answer))")
            }
            let after = try await api.get("/events?after=0&limit=1000")
            #expect(after.json["events"].array.count == before.json["events"].array.count)
            #expect(try await stockLevel(api, "A", "WH1") == (5, 0))
            let orders = try await api.get("/orders/outward")
            #expect(orders.json["orders"].array.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func everyBadFieldIsNamedAtOnce(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let answer = try await api.post("/orders/outward", as: partners.marketplace, """
                {"orderCode": "X", "orderType": "NOPE", "orderItems": [{"channelSkuCode": "MP-A", "quantity": 0},
                 {"channelSkuCode": "MP-A", "orderItemCode": "2", "quantity": 1, "sellingPricePerUnit": 1}]}
                """)
            #expect(answer.status == 400)
            let fields = Set(fieldNames(answer))
            #expect(fields.isSuperset(of: ["orderTime", "orderType", "paymentMethod", "shippingAddress", "orderItems[0].orderItemCode",
                                           "orderItems[0].quantity", "orderItems[0].sellingPricePerUnit", "orderItems[1].channelSkuCode"]),
                    "\(fields)")
        }
    }

    @Test(arguments: TestBackend.available)
    func moreThan2500LinesIsRefused(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            let lines = (0..<2501).map { ("MP-SKU-\($0)", 1, "1") }
            let answer = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("BIG", lines))
            #expect(answer.status == 400 && fieldNames(answer) == ["orderItems"], "\(answer.text.prefix(300))")
        }
    }

    @Test(arguments: TestBackend.available)
    func cancellationRulesNameTheirFields(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 5)])
            _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("C1", [("MP-A", 2, "10")]))
            let tooMany = try await api.put("/orders/C1/cancel", as: partners.marketplace,
                                            #"{"orderItems": [{"channelSkuCode": "MP-A", "orderItemCode": "C1-0", "cancelledQuantity": 3}]}"#)
            #expect(tooMany.status == 400 && fieldNames(tooMany) == ["orderItems[0].cancelledQuantity"], "\(tooMany.text)")
            let unknown = try await api.put("/orders/C1/cancel", as: partners.marketplace,
                                            #"{"orderItems": [{"channelSkuCode": "MP-B", "cancelledQuantity": 1}]}"#)
            #expect(unknown.status == 400 && fieldNames(unknown) == ["orderItems[0].channelSkuCode"], "\(unknown.text)")
            _ = try await api.put("/orders/C1/cancel", as: partners.marketplace,
                                  #"{"orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 1}]}"#)
            let down = try await api.put("/orders/C1/cancel", as: partners.marketplace,
                                         #"{"orderItems": [{"channelSkuCode": "MP-A", "cancelledQuantity": 0}]}"#)
            #expect(down.status == 400 && fieldNames(down) == ["orderItems[0].cancelledQuantity"], "\(down.text)")
            #expect(try await stockLevel(api, "A", "WH1") == (5, 1))
        }
    }
}
