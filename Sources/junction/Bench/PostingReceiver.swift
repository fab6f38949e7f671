import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// An ERP on loopback for the `deliver` scenario: takes sales postings at `POST /postings`, answers 200,
/// and notes when each order's posting first arrived.
final class PostingReceiver: Sendable {
    private let arrivals = Mutex<[String: ContinuousClock.Instant]>([:])

    /// When the posting of `orderCode` first arrived.
    func arrival(of orderCode: String) -> ContinuousClock.Instant? { arrivals.withLock { $0[orderCode] } }

    /// Serves until `body` returns; passes the receiver's base URL.
    func serve<T: Sendable>(logger: Logger, _ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/postings") { request, context -> Response in
            let posting = try await request.decode(as: PostingCode.self, context: context)
            let now = ContinuousClock.now
            self.arrivals.withLock { if $0[posting.orderCode] == nil { $0[posting.orderCode] = now } }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        let server = try await BenchServer.start(router: router, logger: logger)
        do {
            let result = try await body("http://127.0.0.1:\(server.port)")
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

/// The one field of a sales posting the receiver reads.
private struct PostingCode: Decodable { var orderCode: String }
