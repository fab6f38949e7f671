import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// An ERP on loopback for the `deliver` scenario: takes sales postings at `POST /postings`, answers 200,
/// and notes when each order's posting first arrived.
final class PostingReceiver: Sendable {
    private let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])
    private let received = Atomic<Int>(0)

    /// Postings received, duplicates included.
    var count: Int { received.load(ordering: .relaxed) }

    /// When the posting of `orderCode` first arrived.
    func arrival(of orderCode: String) -> ContinuousClock.Instant? { arrivals.withLock { $0[orderCode] } }

    /// Serves until `body` returns; passes the receiver's base URL.
    func serve<T: Sendable>(logger: Logger, _ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/postings") { request, context -> Response in
            let posting = try await request.decode(as: PostingCode.self, context: context)
            self.received.add(1, ordering: .relaxed)
            let now = ContinuousClock.now
            self.arrivals.withLock { if $0[posting.orderCode] == nil { $0[posting.orderCode] = now } }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  continuation.yield(channel.localAddress?.port ?? 0)
                                  continuation.finish()
                              },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            throw BenchError("the posting receiver did not start")
        }
        do {
            let result = try await body("http://127.0.0.1:\(port)")
            await group.triggerGracefulShutdown()
            _ = await task.result
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = await task.result
            throw error
        }
    }
}

/// The one field of a sales posting the receiver reads.
private struct PostingCode: Decodable { var orderCode: String }
