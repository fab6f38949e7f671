import Foundation
import NIOCore
import NIOHTTP1

/// Drives a workload over real HTTP: `concurrency` workers, each looping on its own keep-alive connection
/// until the duration is over, timing every call.
struct LoadDriver {
    /// The server's port on 127.0.0.1.
    let port: Int
    /// The headers of every call: `Host` and the channel's credentials.
    let headers: HTTPHeaders
    /// The event loop the connections live on.
    let loop: BenchClientLoop

    init(port: Int, credentials: HTTPHeaders, loop: BenchClientLoop) {
        self.port = port
        self.loop = loop
        var headers = credentials
        headers.add(name: "Host", value: "127.0.0.1:\(port)")
        self.headers = headers
    }

    /// Runs `workload` for `duration` seconds and returns what the workers saw.
    func run(_ workload: some Workload, concurrency: Int, duration: Double) async -> LoadTally {
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(duration * 1_000))
        var tally = await withTaskGroup(of: LoadTally.self) { group in
            for worker in 0..<concurrency {
                group.addTask { await work(worker: worker, workload: workload, until: deadline) }
            }
            var merged = LoadTally()
            for await part in group { merged.merge(part) }
            return merged
        }
        let elapsed = ContinuousClock.now - start
        tally.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return tally
    }

    private func work(worker: Int, workload: some Workload, until deadline: ContinuousClock.Instant) async -> LoadTally {
        var tally = LoadTally()
        var sequence = 0
        var connection: BenchConnection?
        while ContinuousClock.now < deadline {
            let call = await workload.next(worker: worker, sequence: sequence)
            sequence += 1
            let started = DispatchTime.now().uptimeNanoseconds
            let outcome: String?
            do {
                if connection == nil { connection = try await BenchConnection.open(port: port, on: loop.group) }
                outcome = try await send(call, on: connection!)
            } catch {
                // A connection that failed is not trusted again: the next call opens a new one.
                await connection?.close()
                connection = nil
                outcome = "\(error)"
            }
            tally.histogram.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            tally.requests += 1
            if let problem = outcome {
                tally.errors += 1
                if tally.sampleErrors.count < 3 { tally.sampleErrors.append("\(call.method) \(call.path): \(problem)") }
            }
            await workload.finished(call, succeeded: outcome == nil)
        }
        await connection?.close()
        return tally
    }

    /// Sends one call and reads its whole answer; `nil` for a 2xx, else what the answer was.
    private func send(_ call: PlannedCall, on connection: BenchConnection) async throws -> String? {
        var head = HTTPRequestHead(version: .http1_1, method: call.method, uri: call.path, headers: headers)
        let body = call.body.map { ByteBuffer(string: $0) }
        if body != nil { head.headers.add(name: "Content-Type", value: "application/json") }
        head.headers.add(name: "Content-Length", value: String(body?.readableBytes ?? 0))
        let answer = try await connection.send(head, body: body)
        guard (200..<300).contains(answer.status) else {
            return "\(answer.status) \(String(buffer: answer.body).prefix(200))"
        }
        return nil
    }
}

/// Calls made, failures and latencies, for one worker or merged for all.
struct LoadTally: Sendable {
    var requests = 0
    var errors = 0
    var histogram = LatencyHistogram()
    /// The first few failures, to show why errors happened.
    var sampleErrors: [String] = []
    var elapsedSeconds = 0.0

    mutating func merge(_ other: LoadTally) {
        requests += other.requests
        errors += other.errors
        histogram.merge(other.histogram)
        sampleErrors += other.sampleErrors.prefix(max(0, 3 - sampleErrors.count))
    }
}
