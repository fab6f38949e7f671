import Crypto
import Foundation
import JunctionCore
import JunctionDelivery
import JunctionStore
import Logging
import Testing

/// The outbox dispatcher against real HTTP receivers on loopback: at-least-once, in order per order, the
/// same `messageId` on every retry, signatures, FAILED after the horizon, replay, and Get Credential.
@Suite struct DeliveryTests {
    static let secret = "a-signing-secret-of-some-length"

    /// Registers an ERP partner whose sales postings go to `url`.
    private func erpPartner(_ api: TestAPI, name: String, url: String, extra: String = "") async throws {
        let answer = try await api.post("/master/channels", """
            {"channelName": "\(name)", "channelType": "ERP", "locationCodes": [], "outbound": \(erpOutbound(url: url, extra: extra))}
            """)
        #expect(answer.status == 201, "\(answer.text)")
    }

    /// An ERP partner's outbound settings: sales postings to `url`, signed, retried quickly; `extra` adds members.
    private func erpOutbound(url: String, extra: String = "") -> String {
        #"{"urls": {"salesPosting": "\#(url)"}, "signingSecret": "\#(Self.secret)", "retryBaseSeconds": 0.05 \#(extra)}"#
    }

    /// Runs the dispatcher of `api`'s Junction while `body` runs.
    private func dispatching<T: Sendable>(_ api: TestAPI, _ body: () async throws -> T) async throws -> T {
        let dispatcher = Dispatcher(junction: api.junction, logger: Logger(label: "test-dispatcher"), idleMillis: 20,
                                    atpIntervalMillis: 300)
        let task = Task { try await dispatcher.run() }
        defer { task.cancel() }
        return try await body()
    }

    /// Packs, hands over and delivers order `code` at WH2.
    private func fulfil(_ api: TestAPI, _ partners: Partners, _ code: String) async throws {
        _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON(code, [("MP-A", 2, "560")]))
        _ = try await api.post("/usp/order/pack", packJSON(code, at: "WH2", [("MP-A", 2)]))
        _ = try await api.post("/ewms/push/usp/handover/combined", dispatchJSON([code], at: "WH2"))
        _ = try await api.put("/orders/\(code)/delivered", as: partners.marketplace,
                              #"{"channelShipmentDeliveredData": [{"shipmentCode": "\#(code)-1"}]}"#)
    }

    @Test(arguments: TestBackend.available)
    func postingsArriveInOrderDespiteFailuresWithStableMessageIdsAndSignatures(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            // Down for the first five calls (500, then a 200 that says hasError), then up.
            try await withPartnerSimulator({ number, _ in
                number <= 4 ? (500, "oops") : number == 5 ? (200, #"{"hasError": true, "errorMessage": "busy"}"#) : (200, "")
            }) { base, simulator in
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings")
                try await fulfil(api, partners, "DL-1")
                try await dispatching(api) {
                    let done = try await eventually {
                        try await api.get("/deliveries?status=DELIVERED&partner=BOOKS").json["deliveries"].array.count == 4
                    }
                    let listing = try await api.get("/deliveries").text
                    #expect(done, "\(listing)")
                }
                let requests = await simulator.requests(to: "/postings")
                #expect(requests.count == 9, "five refusals, then four postings")
                let firstIds = requests.prefix(6).map(\.messageId)
                #expect(Set(firstIds).count == 1, "retries of the first posting carry its messageId: \(firstIds)")
                let accepted = requests.suffix(4)
                #expect(accepted.map { $0.json["eventType"].string } == [
                    "OUTWARD_ORDER_CREATE", "OUTWARD_ORDER_COMPLETE", "OUTWARD_ORDER_SHIPMENT_DISPATCH", "OUTWARD_ORDER_SHIPMENT_DELIVER"])
                #expect(accepted.map(\.messageId) == accepted.map { $0.json["messageId"].int.map(Int64.init) })
                for request in requests {
                    let timestamp = try #require(request.headers["x-junction-timestamp"])
                    let expected = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).\(request.body)".utf8),
                                                                   using: SymmetricKey(data: Array(Self.secret.utf8)))
                    #expect(request.headers["x-junction-signature"] == "sha256=" + expected.map { String(format: "%02x", $0) }.joined())
                }
                #expect(accepted.last?.json["shipments"][0]["shipmentStatus"].string == "DELIVERED")
                let metrics = try await api.get("/metrics")
                #expect(metrics.text.contains(#"junction_deliveries{partner="BOOKS",status="DELIVERED"} 4"#), "\(metrics.text)")
                #expect(metrics.text.contains(#"junction_delivery_lag_seconds{partner="BOOKS"} 0"#))
                #expect(try await api.get("/metrics", as: partners.marketplace).status == 403)
            }
        }
    }

    /// Orders created before the dispatcher starts are planned in one pass, their orders, lines and articles
    /// read together: each posting must still carry its own order's lines, channel and bundle.
    @Test(arguments: TestBackend.available)
    func onePlanningPassPostsEachOrderFromItsOwnRows(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH1", 50), ("B", "WH1", 50), ("C", "WH1", 50)])
            try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings", extra: #", "events": ["OUTWARD_ORDER_CREATE"]"#)
                var expected: [String: (channelType: String, skus: [String], bundles: [String])] = [:]
                for number in 1...12 {
                    let code = "PASS-\(number)"
                    if number % 3 == 0 {
                        let created = try await api.post("/orders/outward", as: partners.shopfront, orderJSON(code, [("OT-A", number, "560")]))
                        #expect(created.status == 200, "\(created.text)")
                        expected[code] = ("SHOPFRONT", ["OT-A"], [])
                    } else {
                        let lines = number % 3 == 1 ? [("MP-A", 1, "560"), ("MP-BND", 1, "1800")] : [("MP-C", number, "250"), ("MP-B", 1, "500")]
                        let created = try await api.post("/orders/outward", as: partners.marketplace, orderJSON(code, lines))
                        #expect(created.status == 200, "\(created.text)")
                        expected[code] = ("MARKETPLACE", lines.map(\.0), number % 3 == 1 ? ["MP-BND"] : [])
                    }
                }
                try await dispatching(api) {
                    let arrived = try await eventually { await simulator.requests(to: "/postings").count == 12 }
                    #expect(arrived)
                }
                let postings = await simulator.requests(to: "/postings").map(\.json)
                #expect(Set(postings.compactMap { $0["orderCode"].string }) == Set(expected.keys))
                for posting in postings {
                    let code = posting["orderCode"].string ?? ""
                    let want = try #require(expected[code], "\(code)")
                    #expect(posting["channelType"].string == want.channelType, "\(code)")
                    #expect(posting["orderItems"].array.compactMap { $0["channelSkuCode"].string } == want.skus, "\(code)")
                    #expect(posting["orderItems"].array.allSatisfy { $0["orderItemCode"].string?.hasPrefix(code + "-") == true }, "\(code)")
                    #expect(posting["bundledSkuDefinitions"].array.compactMap { $0["bundledParentChannelSkuId"].string } == want.bundles,
                            "\(code)")
                }
            }
        }
    }

    /// Outcomes are written in batches: in one batch, delivered messages are grouped by answer status and
    /// each failure gets its own retry time and reason.
    @Test(arguments: TestBackend.available)
    func aBatchOfOutcomesMarksEachMessageByItsOwnOutcome(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            try await erpPartner(api, name: "BOOKS", url: "http://127.0.0.1:9/postings", extra: #", "events": ["OUTWARD_ORDER_CREATE"]"#)
            for number in 1...4 {
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("BATCH-\(number)", [("MP-A", 1, "560")]))
            }
            let deliveries = api.junction.deliveries
            #expect(try await deliveries.plan(limit: 100) >= 4)
            let claimed = try await deliveries.claim(limit: 10, leaseMillis: 60_000)
            #expect(claimed.count == 4)
            let policy = RetryPolicy(baseSeconds: 30, horizonSeconds: 3600)
            let outcomes: [(DeliveryOutcome, Int?)] = [(.delivered, 200), (.failed("HTTP 500: oops"), 500), (.delivered, 202), (.delivered, 200)]
            try await deliveries.record(zip(claimed, outcomes).map {
                DeliveryAttempt(delivery: $0, outcome: $1.0, httpStatus: $1.1, policy: policy)
            })
            let rows = try await deliveries.list(status: nil, partner: "BOOKS", before: nil, limit: 10).sorted { $0.id < $1.id }
            #expect(rows.map(\.status) == ["DELIVERED", "RETRYING", "DELIVERED", "DELIVERED"])
            #expect(rows.map(\.lastStatus) == [200, 500, 202, 200])
            #expect(rows.map(\.lastError) == [nil, "HTTP 500: oops", nil, nil])
            #expect(rows.map { $0.deliveredAt != nil } == [true, false, true, true])
            #expect(rows[1].nextAttemptAt != nil && rows[1].attempts == 1)
        }
    }

    /// Messages behind an undelivered one are set aside by the claim that finds them due, so later claims do
    /// not read them again; delivering the first makes the next due at once, and only the next.
    @Test(arguments: TestBackend.available)
    func messagesWaitingBehindAnotherAreSetAsideUntilItIsDelivered(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            try await erpPartner(api, name: "BOOKS", url: "http://127.0.0.1:9/postings")
            try await fulfil(api, partners, "WAIT-1")
            let deliveries = api.junction.deliveries
            #expect(try await deliveries.plan(limit: 100) >= 4)
            func nextAttempts() async throws -> [(type: String, millis: Int64)] {
                try await deliveries.list(status: nil, partner: "BOOKS", before: nil, limit: 10).sorted { $0.id < $1.id }
                    .map { ($0.eventType, Timestamp(parsing: $0.nextAttemptAt ?? "")?.millis ?? 0) }
            }
            let policy = RetryPolicy(baseSeconds: 30, horizonSeconds: 3600)

            let first = try await deliveries.claim(limit: 10, leaseMillis: 60_000)
            #expect(first.count == 1, "only the first of the order's four postings")
            let claimedAt = Int64(Date().timeIntervalSince1970 * 1000)
            let waiting = try await nextAttempts().dropFirst()
            #expect(waiting.count == 3 && waiting.allSatisfy { $0.millis > claimedAt + 30_000 }, "set aside: \(waiting)")

            try await deliveries.record(first.map { DeliveryAttempt(delivery: $0, outcome: .delivered, httpStatus: 200, policy: policy) })
            let second = try await deliveries.claim(limit: 10, leaseMillis: 60_000)
            let afterDelivery = try await nextAttempts()
            #expect(second.count == 1 && second.first?.messageId ?? 0 > first[0].messageId, "the next one is due at once")
            #expect(afterDelivery.map(\.type) == ["OUTWARD_ORDER_CREATE", "OUTWARD_ORDER_COMPLETE",
                                                  "OUTWARD_ORDER_SHIPMENT_DISPATCH", "OUTWARD_ORDER_SHIPMENT_DELIVER"])
            #expect(afterDelivery[1].millis <= Int64(Date().timeIntervalSince1970 * 1000), "\(afterDelivery)")
            #expect(afterDelivery.suffix(2).allSatisfy { $0.millis > claimedAt + 30_000 }, "the rest still wait: \(afterDelivery)")
            #expect(try await deliveries.claim(limit: 10, leaseMillis: 60_000).isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func aMessageFailsAfterTheHorizonAndReplayDeliversItWithTheSameMessageId(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            try await withPartnerSimulator({ _, _ in (503, "") }) { base, simulator in
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings", extra: #", "retryHorizonSeconds": 15, "events": ["OUTWARD_ORDER_CREATE"]"#)
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("DL-2", [("MP-A", 1, "560")]))
                try await dispatching(api) {
                    let failed = try await eventually(90) {
                        try await api.get("/deliveries?status=FAILED").json["deliveries"].array.count == 1
                    }
                    #expect(failed)
                    let delivery = try await api.get("/deliveries?status=FAILED").json["deliveries"][0]
                    #expect(delivery["lastStatus"].int == 503 && delivery["attempts"].int ?? 0 >= 2, "\(delivery)")
                    await simulator.rescript { _, _ in (200, #"{"hasError": false}"#) }
                    let id = try #require(delivery["id"].int)
                    let partnerMayNot = try await api.post("/deliveries/\(id)/replay", as: partners.marketplace, "{}")
                    #expect(partnerMayNot.status == 403)
                    let replayed = try await api.post("/deliveries/\(id)/replay", "{}")
                    #expect(replayed.json["status"].string == "PENDING", "\(replayed.text)")
                    #expect(try await eventually { try await api.get("/deliveries?status=DELIVERED").json["deliveries"].array.count == 1 })
                    let again = try await api.post("/deliveries/\(id)/replay", "{}")
                    #expect(again.status == 422, "only FAILED deliveries are replayed")
                }
                let ids = await simulator.requests(to: "/postings").map(\.messageId)
                #expect(Set(ids).count == 1 && ids.count >= 3, "\(ids)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func a401FetchesFreshCredentialsAndRetries(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            try await withPartnerSimulator({ _, request in
                if request.path == "/credentials" { return (200, #"{"X-Token": "fresh"}"#) }
                return request.headers["x-token"] == "fresh" ? (200, "") : (401, "")
            }) { base, simulator in
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings",
                                     extra: #", "headers": {"X-Token": "stale"}, "getCredentialUrl": "\#(base)/credentials""#)
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("DL-3", [("MP-A", 1, "560")]))
                let delivered = try await dispatching(api) {
                    try await eventually { try await api.get("/deliveries?status=DELIVERED").json["deliveries"].array.count == 1 }
                }
                #expect(delivered)
                #expect(await simulator.requests(to: "/credentials").count == 1)
                #expect(await simulator.requests(to: "/postings").map { $0.headers["x-token"] } == ["stale", "fresh"])
            }
        }
    }

    /// The order's own marketplace hears of allocation (§4.1, PUT) and of seller cancellations (§4.7, PUT),
    /// not of its customer's own cancellations.
    @Test(arguments: TestBackend.available)
    func aMarketplaceIsAcknowledgedAndToldOfSellerCancellations(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            _ = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 10)])
            try await withPartnerSimulator({ _, _ in (200, #"{"successOrders": []}"#) }) { base, simulator in
                let created = try await api.post("/master/channels", """
                    {"channelName": "MP2", "channelType": "MARKETPLACE", "locationCodes": ["WH2"],
                     "outbound": {"urls": {"acknowledgement": "\(base)/ack", "sellerCancellation": "\(base)/seller-cancel"}}}
                    """)
                let marketplace = Credential(username: created.json["authUsername"].string ?? "", password: created.json["authPassword"].string ?? "")
                _ = try await api.post("/master/sku-listings/channel", as: marketplace, #"{"skuListings": [{"channelSkuCode": "MP2-A", "barcode": "A"}]}"#)
                _ = try await api.post("/orders/outward", as: marketplace, orderJSON("AK-1", [("MP2-A", 3, "100")]))
                _ = try await api.put("/orders/AK-1/cancel", as: marketplace, #"{"orderItems": [{"channelSkuCode": "MP2-A", "cancelledQuantity": 1}]}"#)
                _ = try await api.post("/orders/AK-1/seller-cancel", """
                    {"channelName": "MP2", "reason": "damaged", "orderItems": [{"channelSkuCode": "MP2-A", "cancelledQuantity": 2}]}
                    """)
                let delivered = try await dispatching(api) {
                    try await eventually { try await api.get("/deliveries?status=DELIVERED&partner=MP2").json["deliveries"].array.count == 2 }
                }
                #expect(delivered)
                let acks = await simulator.requests(to: "/ack")
                #expect(acks.count == 1 && acks.first?.method == "PUT")
                #expect(acks.first?.json["orders"][0]["orderCode"].string == "AK-1" && acks.first?.json["orders"][0]["locationCode"].string == "WH2")
                let cancellations = await simulator.requests(to: "/seller-cancel")
                #expect(cancellations.count == 1, "the customer's own cancellation is not reported back")
                let item = cancellations.first?.json["orderItems"][0]
                #expect(item?["cancelledQuantity"].int == 2 && item?["sellerCancelledQty"].int == 1 && item?["customerCancelledQty"].int == 1)
            }
        }
    }

    /// The EFS of WH2 hears of each suborder there (§5.4); a marketplace routing itself gets location-wise and
    /// consolidated ATP (§3.3, §3.4), a burst of orders coalesced into a few pushes of the latest quantity.
    @Test(arguments: TestBackend.available)
    func anEFSHearsOfItsSubordersAndATPPushesCoalesce(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
                let efs = try await api.post("/master/channels", """
                    {"channelName": "WMS", "channelType": "EFS", "locationCodes": [], "outbound": {"urls": {"orderEvents": "\(base)/efs"}}}
                    """)
                #expect(efs.status == 201)
                _ = try await api.post("/master/locations", """
                    {"locations": [{"locationCode": "WH2", "name": "Mumbai WH", "locationType": "WAREHOUSE", "priority": 2, "efsChannelName": "WMS",
                      "address": {"name": "WH2", "line1": "2 Road", "city": "Mumbai", "state": "Maharashtra", "zip": "400001"}}]}
                    """)
                let shop = try await api.post("/master/channels", """
                    {"channelName": "MP3", "channelType": "MARKETPLACE", "locationCodes": ["WH1", "WH2"],
                     "outbound": {"urls": {"locationAtp": "\(base)/atp", "consolidatedAtp": "\(base)/atp-all"}}}
                    """)
                let mp3 = Credential(username: "MP3", password: shop.json["authPassword"].string ?? "")
                _ = try await api.post("/master/sku-listings/channel", as: mp3, #"{"skuListings": [{"channelSkuCode": "MP3-A", "channelSerialNo": "9", "barcode": "A"}]}"#)
                try await dispatching(api) {
                    try await setStock(api, [("A", "WH2", 100)])
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<60 {
                            group.addTask {
                                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("AT-\(index)", [("MP-A", 1, "10")]))
                            }
                        }
                        try await group.waitForAll()
                    }
                    let settled = try await eventually(90) {
                        let last = await simulator.requests(to: "/atp").last?.json
                        let all = await simulator.requests(to: "/atp-all").last?.json
                        let suborders = Set(await simulator.requests(to: "/efs").compactMap { $0.json["orderCode"].string })
                        return last?["inventories"][0]["quantity"].int == 40 && all?["inventories"][0]["consolidatedQuantity"].int == 40
                            && suborders.count == 60
                    }
                    #expect(settled)
                }
                let all = await simulator.requests(to: "/atp")
                #expect(all.allSatisfy { $0.method == "PUT" })
                let pushes = all.filter { $0.json["locationCode"].string == "WH2" }
                #expect(pushes.count < 20, "60 orders coalesce into a few pushes, not \(pushes.count)")
                #expect(pushes.last?.json["inventories"][0]["channelSkuCode"].string == "MP3-A")
                let events = await simulator.requests(to: "/efs")
                #expect(events.allSatisfy { $0.json["eventType"].string == "SUBORDER_CREATE" && $0.json["locationCode"].string == "WH2" })
            }
        }
    }

    /// A receiver that hangs past the timeout is a failure like any other: retried, FAILED, replayable.
    /// More messages to one partner than there are connections to it: each waits for a connection before its
    /// answer timeout starts, so a slow partner well within its timeout gets every message on the first try.
    @Test(arguments: TestBackend.available)
    func messagesWaitingForAConnectionDoNotTimeOut(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
                await simulator.slowDown(.milliseconds(400))
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings",
                                     extra: #", "timeoutSeconds": 1.5, "events": ["OUTWARD_ORDER_CREATE"]"#)
                for number in 1...48 {
                    _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("Q-\(number)", [("MP-A", 1, "560")]))
                }
                try await dispatching(api) {
                    let delivered = try await eventually {
                        try await api.get("/deliveries?status=DELIVERED&partner=BOOKS").json["deliveries"].array.count == 48
                    }
                    #expect(delivered)
                }
                // Eight connections at 0.4 s an answer: the last of 48 is answered ~2.4 s after the first was sent.
                let attempts = try await api.get("/deliveries?partner=BOOKS").json["deliveries"].array.map { $0["attempts"].int }
                #expect(attempts == Array(repeating: 1, count: 48), "\(attempts)")
                #expect(await simulator.requests(to: "/postings").count == 48)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aReceiverThatHangsPastTheTimeoutIsRetriedThenFailed(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
                await simulator.slowDown(.seconds(5))
                try await erpPartner(api, name: "BOOKS", url: "\(base)/postings",
                                     extra: #", "timeoutSeconds": 1.5, "retryHorizonSeconds": 4, "events": ["OUTWARD_ORDER_CREATE"]"#)
                _ = try await api.post("/orders/outward", as: partners.marketplace, orderJSON("HG-1", [("MP-A", 1, "560")]))
                try await dispatching(api) {
                    #expect(try await eventually(90) { try await api.get("/deliveries?status=FAILED").json["deliveries"].array.count == 1 })
                    let delivery = try await api.get("/deliveries?status=FAILED").json["deliveries"][0]
                    #expect(delivery["lastStatus"] == .null && delivery["lastError"].string?.hasPrefix("no answer") == true, "\(delivery)")
                    // The partner is mended and given room before the replay, so a stall of the loaded test
                    // machine cannot make the replayed attempt miss its deadline and run out of horizon.
                    await simulator.slowDown(.zero)
                    let mended = try await api.put("/master/channels/BOOKS/outbound", erpOutbound(
                        url: "\(base)/postings",
                        extra: #", "timeoutSeconds": 30, "retryHorizonSeconds": 300, "events": ["OUTWARD_ORDER_CREATE"]"#))
                    #expect(mended.status == 200, "\(mended.text)")
                    _ = try await api.post("/deliveries/\(delivery["id"].int ?? 0)/replay", "{}")
                    let delivered = try await eventually { try await api.get("/deliveries?status=DELIVERED").json["deliveries"].array.count == 1 }
                    let listing = try await api.get("/deliveries").text
                    #expect(delivered, "\(listing)")
                }
                #expect(Set(await simulator.requests(to: "/postings").compactMap(\.messageId)).count == 1)
            }
        }
    }

    /// The admin changes how a partner is reached; a partner that receives ATP gets a first snapshot of the
    /// SKUs it lists.
    @Test(arguments: TestBackend.available)
    func outboundCanBeChangedAndNewListingsGetAnATPSnapshot(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let partners = try await seedCatalogue(api)
            try await setStock(api, [("A", "WH2", 7)])
            try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
                let bad = try await api.put("/master/channels/MP/outbound", #"{"urls": {"locationAtp": "ftp://x"}}"#)
                #expect(bad.status == 400 && fieldNames(bad) == ["outbound.urls.locationAtp"], "\(bad.text)")
                let partnerMayNot = try await api.put("/master/channels/MP/outbound", as: partners.marketplace, #"{"urls": {}}"#)
                #expect(partnerMayNot.status == 403)
                let changed = try await api.put("/master/channels/MP/outbound", """
                    {"urls": {"locationAtp": "\(base)/atp"}, "signingSecret": "\(Self.secret)"}
                    """)
                #expect(changed.status == 200 && changed.json["outbound"]["signingSecret"] == .null, "\(changed.text)")
                _ = try await api.post("/master/sku-listings/channel", as: partners.marketplace,
                                       #"{"skuListings": [{"channelSkuCode": "MP-NEW", "barcode": "A"}]}"#)
                let pushed = try await dispatching(api) {
                    try await eventually {
                        await simulator.requests(to: "/atp").contains { request in
                            request.json["locationCode"].string == "WH2"
                                && request.json["inventories"].array.contains { $0["channelSkuCode"].string == "MP-NEW" && $0["quantity"].int == 7 }
                        }
                    }
                }
                #expect(pushed)
            }
        }
    }
}
