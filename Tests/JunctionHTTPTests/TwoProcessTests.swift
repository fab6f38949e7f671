import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import JunctionCore
import Testing

/// Two `junction serve` processes on one PostgreSQL: no oversell across processes.
@Suite struct TwoProcessTests {
    @Test(.enabled(if: TestBackend.postgresURL != nil, "needs JUNCTION_TEST_POSTGRES_URL"))
    func twoServersOnOnePostgresDoNotOversell() async throws {
        let url = try await TestBackend.postgres.freshDatabaseURL()
        let first = try JunctionProcess.start(databaseURL: url)
        defer { first.stop() }
        try await first.waitUntilHealthy()
        let second = try JunctionProcess.start(databaseURL: url)
        defer { second.stop() }
        try await second.waitUntilHealthy()

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let admin = ("admin", JunctionProcess.adminPassword)
            try await expectOK(client.send(.POST, first.url("/master/locations"), admin, """
                {"locations": [{"locationCode": "WH1", "name": "WH1", "locationType": "WAREHOUSE",
                 "address": {"state": "Karnataka"}}]}
                """))
            let channel = try await client.send(.POST, first.url("/master/channels"), admin,
                                                #"{"channelName": "MP", "channelType": "MARKETPLACE", "locationCodes": ["WH1"]}"#)
            let password = channel.json["authPassword"].string ?? ""
            try await expectOK(client.send(.POST, second.url("/master/articles"), admin,
                                           #"{"articleMasters": [{"channelSkuCode": "A", "clientSkuId": "A", "name": "A", "mrp": 10, "hsn": "6109"}]}"#))
            let marketplace = ("MP", password)
            try await expectOK(client.send(.POST, first.url("/master/sku-listings/channel"), marketplace,
                                           #"{"skuListings": [{"channelSkuCode": "MP-A", "barcode": "A"}]}"#))
            try await expectOK(client.send(.PUT, second.url("/updateInventories"), admin,
                                           #"{"inventories": [{"channelSkuCode": "A", "locationCode": "WH1", "quantity": 10}]}"#))
            let statuses = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<50 {
                    let server = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await client.send(.POST, server.url("/orders/outward"), marketplace,
                                              orderJSON("P-\(index)", [("MP-A", 1, "10")])).json["status"].string
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == "ALLOCATED" }.count == 10, "\(statuses)")
            #expect(statuses.filter { $0 == "UNALLOCATED" }.count == 40)
            let search = try await client.send(.POST, first.url("/inventories/search-sku"), admin, #"{"channelSkuCodes": ["A"]}"#)
            #expect(search.json["successList"][0]["totalQuantity"].int == 0)
            // Both processes numbered events: every number once, none skipped.
            let events = try await client.send(.GET, second.url("/events?after=0&limit=1000"), admin, "").json["events"].array
            #expect(events.compactMap { $0["messageId"].int } == events.indices.map { $0 + 1 })
            #expect(events.filter { $0["eventType"].string == "ORDER_CREATED" }.count == 50)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func expectOK(_ answer: Answer) throws {
        #expect(answer.status < 300, "\(answer.text)")
    }
}

/// A `junction serve` child process on a loopback port.
final class JunctionProcess: Sendable {
    static let adminPassword = "two-process-admin"
    let process: Process
    let port: Int

    init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// The built `junction` binary, beside the test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("junction")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/junction")
    }

    static func start(databaseURL: String) throws -> JunctionProcess {
        let process = Process()
        process.executableURL = binary
        let port = freePort()
        process.arguments = ["serve", "--port", String(port), "--host", "127.0.0.1"]
        var environment = ProcessInfo.processInfo.environment
        environment["JUNCTION_DATABASE_URL"] = databaseURL
        environment["JUNCTION_ADMIN_PASSWORD"] = adminPassword
        environment["JUNCTION_LOG_LEVEL"] = "warning"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return JunctionProcess(process: process, port: port)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// A port nothing listens on: taken below Linux's ephemeral range (32768–60999), where the suite's own
    /// servers and loopback connections get theirs (a random port there once landed on one of them, and
    /// the child never answered), and checked by binding it.
    static func freePort() -> Int {
        for _ in 0..<100 {
            let port = Int.random(in: 20_000...32_000)
            if canBind(port) { return port }
        }
        return Int.random(in: 20_000...32_000)
    }

    private static func canBind(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    func waitUntilHealthy() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        for _ in 0..<200 {
            guard process.isRunning else { throw JunctionProcessError.notHealthy(port) }
            if let response = try? await client.execute(HTTPClientRequest(url: url("/health")), timeout: .seconds(1)),
               response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw JunctionProcessError.notHealthy(port)
    }

    /// Ends the process at once, as a crash would (SIGKILL).
    func kill() {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

enum JunctionProcessError: Error { case notHealthy(Int) }

extension HTTPClient {
    func send(_ method: HTTPMethod, _ url: String, _ credential: (String, String), _ json: String) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "authUsername", value: credential.0)
        request.headers.add(name: "authPassword", value: credential.1)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Prefer", value: "return=representation")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let text = String(buffer: body)
        let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
        return Answer(status: Int(response.status.code), json: json, text: text)
    }
}
