import Hummingbird
import JunctionHTTP
import JunctionStore
import Logging
import NIOCore
import ServiceLifecycle

/// An HTTP application running inside this process on 127.0.0.1, on a port the system picks: Junction
/// itself (with the bench baseline route) or a partner the bench stands in for.
struct BenchServer {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Junction's router, with `POST /bench/baseline`.
    static func start(junction: Junction, logger: Logger) async throws -> BenchServer {
        try await start(router: buildRouter(junction: junction, benchBaseline: true), logger: logger)
    }

    /// Serves `router` until ``stop()``.
    static func start<Routes: HTTPResponderBuilder>(router: Routes, logger: Logger) async throws -> BenchServer
    where Routes.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "Junction"),
                              onServerRunning: { channel in
                                  continuation.yield(channel.localAddress?.port ?? 0)
                                  continuation.finish()
                              },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            throw BenchError("an in-process server did not start")
        }
        return BenchServer(port: port, group: group, task: task)
    }

    /// Shuts the server down gracefully and waits for it.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
