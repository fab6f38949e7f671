import Foundation
import HTTPTypes
import Hummingbird
import JunctionCore
import NIOCore

/// A partner's endpoints on a real loopback HTTP server: records every request and answers as the test
/// scripts it (status and body by request number and path).
actor PartnerSimulator {
    struct Received: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
        var messageId: Int64? { headers["x-junction-message-id"].flatMap { Int64($0) } }
        var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }
    }

    typealias Script = @Sendable (_ number: Int, _ request: Received) -> (status: Int, body: String)

    private(set) var received: [Received] = []
    private var script: Script
    /// How long each answer takes.
    var delay: Duration = .zero

    func slowDown(_ delay: Duration) { self.delay = delay }

    init(script: @escaping Script) { self.script = script }

    func answer(_ request: Received) -> (Int, String) {
        received.append(request)
        return script(received.count, request)
    }

    func rescript(_ script: @escaping Script) { self.script = script }

    /// Requests to `path`, in arrival order.
    func requests(to path: String) -> [Received] { received.filter { $0.path == path } }
}

/// Runs `body` with a simulator listening on 127.0.0.1 at a free port; passes its base URL.
func withPartnerSimulator<T: Sendable>(_ script: @escaping PartnerSimulator.Script,
                                       _ body: @Sendable (String, PartnerSimulator) async throws -> T) async throws -> T {
    let simulator = PartnerSimulator(script: script)
    let router = Router()
    for method in [HTTPRequest.Method.post, .put, .get] {
        router.on("/**", method: method) { request, context -> Response in
            try await respond(request, context: context, simulator: simulator)
        }
    }
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) })
    let server = Task { try await app.run() }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    return try await body("http://127.0.0.1:\(port)", simulator)
}

private func respond(_ request: Request, context: BasicRequestContext, simulator: PartnerSimulator) async throws -> Response {
    var request = request
    let buffer = try await request.collectBody(upTo: 1 << 22)
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.canonicalName] = field.value }
    try await Task.sleep(for: await simulator.delay)
    let (status, body) = await simulator.answer(.init(method: request.method.rawValue, path: request.uri.path, headers: headers, body: String(buffer: buffer)))
    return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: body)))
}

/// Waits until `condition` holds, checking every 50 ms, for at most `seconds`.
func eventually(_ seconds: Double = 60, _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
