import AsyncHTTPClient
import Foundation
import JunctionCore
import Testing

/// Delivery across `junction serve` processes: a process killed mid-delivery loses nothing, and two
/// processes on one PostgreSQL send each message once.
@Suite struct DeliveryProcessTests {
    /// Sets up, through `server`, a marketplace MP at WH1 with listing MP-A and an ERP partner posting to
    /// `postingsURL`; returns the marketplace's credentials.
    private func setUp(_ client: HTTPClient, _ server: JunctionProcess, postingsURL: String) async throws -> (String, String) {
        let admin = ("admin", JunctionProcess.adminPassword)
        _ = try await client.send(.POST, server.url("/master/locations"), admin, """
            {"locations": [{"locationCode": "WH1", "name": "WH1", "locationType": "WAREHOUSE", "address": {"state": "Karnataka"}}]}
            """)
        let channel = try await client.send(.POST, server.url("/master/channels"), admin,
                                            #"{"channelName": "MP", "channelType": "MARKETPLACE", "locationCodes": ["WH1"]}"#)
        _ = try await client.send(.POST, server.url("/master/channels"), admin, """
            {"channelName": "BOOKS", "channelType": "ERP", "outbound": {"urls": {"salesPosting": "\(postingsURL)"}, "retryBaseSeconds": 0.1}}
            """)
        _ = try await client.send(.POST, server.url("/master/articles"), admin,
                                  #"{"articleMasters": [{"channelSkuCode": "A", "clientSkuId": "A", "name": "A", "mrp": 10, "hsn": "6109"}]}"#)
        let marketplace = ("MP", channel.json["authPassword"].string ?? "")
        _ = try await client.send(.POST, server.url("/master/sku-listings/channel"), marketplace,
                                  #"{"skuListings": [{"channelSkuCode": "MP-A", "barcode": "A"}]}"#)
        return marketplace
    }

    /// Creates `count` orders (no stock: each yields one OUTWARD_ORDER_CREATE posting), spread over `servers`.
    private func createOrders(_ client: HTTPClient, _ servers: [JunctionProcess], _ marketplace: (String, String), count: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in 0..<8 {
                group.addTask {
                    for index in stride(from: batch, to: count, by: 8) {
                        let answer = try await client.send(.POST, servers[index % servers.count].url("/orders/outward"), marketplace,
                                                           orderJSON("PR-\(index)", [("MP-A", 1, "10")]))
                        #expect(answer.status == 200, "\(answer.text)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: TestBackend.available)
    func aServerKilledWhileDeliveringLosesNothing(_ backend: TestBackend) async throws {
        let url = try await backend.freshDatabaseURL()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
            await simulator.slowDown(.milliseconds(50))
            let first = try JunctionProcess.start(databaseURL: url)
            defer { first.stop() }
            try await first.waitUntilHealthy()
            let marketplace = try await setUp(client, first, postingsURL: "\(base)/postings")
            try await createOrders(client, [first], marketplace, count: 150)
            _ = try await eventually(10) { await simulator.requests(to: "/postings").count >= 20 }
            first.kill()
            let beforeRestart = await simulator.requests(to: "/postings").count
            #expect(beforeRestart < 150, "the kill came mid-delivery")

            let second = try JunctionProcess.start(databaseURL: url)
            defer { second.stop() }
            try await second.waitUntilHealthy()
            // On PostgreSQL the killed process's claimed messages are sent again once their 60 s lease ends.
            let all = try await eventually(100) { Set(await simulator.requests(to: "/postings").compactMap(\.messageId)).count == 150 }
            #expect(all)
            let requests = await simulator.requests(to: "/postings")
            #expect(requests.allSatisfy { $0.messageId.map(Int.init) == $0.json["messageId"].int },
                    "a message sent twice carries its messageId both times")
        }
    }

    @Test(.enabled(if: TestBackend.postgresURL != nil, "needs JUNCTION_TEST_POSTGRES_URL"))
    func twoServersOnOnePostgresDeliverEachMessageOnce() async throws {
        let url = try await TestBackend.postgres.freshDatabaseURL()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        try await withPartnerSimulator({ _, _ in (200, "") }) { base, simulator in
            let first = try JunctionProcess.start(databaseURL: url)
            defer { first.stop() }
            try await first.waitUntilHealthy()
            let second = try JunctionProcess.start(databaseURL: url)
            defer { second.stop() }
            try await second.waitUntilHealthy()
            let marketplace = try await setUp(client, first, postingsURL: "\(base)/postings")
            try await createOrders(client, [first, second], marketplace, count: 1000)
            let all = try await eventually(120) { Set(await simulator.requests(to: "/postings").compactMap(\.messageId)).count == 1000 }
            #expect(all)
            try await Task.sleep(for: .milliseconds(500))
            let ids = await simulator.requests(to: "/postings").compactMap(\.messageId)
            #expect(ids.count == 1000, "each message exactly once: \(ids.count) requests for \(Set(ids).count) messages")
        }
    }
}
