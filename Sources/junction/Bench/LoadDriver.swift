import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Drives a workload over real HTTP: `concurrency` workers, each looping on its own keep-alive connection
/// until the duration is over, timing every call.
struct LoadDriver {
    let client: HTTPClient
    /// `http://127.0.0.1:port`
    let baseURL: String
    /// Authentication headers sent on every call.
    let headers: HTTPHeaders

    /// The HTTP client for `concurrency` workers: one pooled connection per worker to the one host.
    static func makeClient(concurrency: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(60)))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
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
        while ContinuousClock.now < deadline {
            let call = await workload.next(worker: worker, sequence: sequence)
            sequence += 1
            let started = DispatchTime.now().uptimeNanoseconds
            let outcome = await send(call)
            tally.histogram.record(nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            tally.requests += 1
            if let problem = outcome {
                tally.errors += 1
                if tally.sampleErrors.count < 3 { tally.sampleErrors.append("\(call.method) \(call.path): \(problem)") }
            }
            await workload.finished(call, succeeded: outcome == nil)
        }
        return tally
    }

    /// Sends one call and reads its whole answer; `nil` for a 2xx, else what went wrong.
    private func send(_ call: PlannedCall) async -> String? {
        var request = HTTPClientRequest(url: baseURL + call.path)
        request.method = call.method
        request.headers = headers
        if let body = call.body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        do {
            let response = try await client.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 16 << 20)
            guard (200..<300).contains(response.status.code) else {
                return "\(response.status.code) \(String(buffer: body).prefix(200))"
            }
            return nil
        } catch {
            return "\(error)"
        }
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
