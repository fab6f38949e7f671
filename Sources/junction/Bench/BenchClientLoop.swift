#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// The load generator's own event loop: one thread that carries every bench connection, so the CPU it
/// spends can be told apart from the server's.
final class BenchClientLoop: Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// CPU seconds the loop's thread has used so far, read on that thread.
    func cpuSeconds() async throws -> Double {
        try await group.next().submit {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }.get()
    }

    func shutdown() async {
        try? await group.shutdownGracefully()
    }
}
