import Foundation
import NIOCore
import NIOPosix

/// The load generator's own event loop: one thread that carries every bench connection, so the CPU it
/// spends can be told apart from the server's.
final class BenchClientLoop: Sendable {
    let group: MultiThreadedEventLoopGroup
    /// `/proc/self/task/<tid>/stat` of the loop's thread (Linux; `nil` elsewhere).
    private let statPath: String?

    init() async throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        statPath = try await group.next().submit {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")).map { "/proc/\($0)/stat" }
        }.get()
    }

    /// CPU seconds the loop's thread has used so far (0 where the system does not tell).
    func cpuSeconds() -> Double {
        guard let statPath, let stat = try? String(contentsOfFile: statPath, encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")") else { return 0 }
        // After the parenthesised name: state is field 3, utime 14 and stime 15 (in clock ticks).
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func shutdown() async {
        try? await group.shutdownGracefully()
    }
}
