import Foundation
import JunctionCore
import JunctionDelivery
import JunctionStore
import Logging
import Synchronization

/// The `deliver` scenario: an ERP on loopback subscribes to order creations, the dispatcher runs, and
/// orders are created over HTTP for the scenario's duration. Throughput is postings received per second
/// until every order's posting has arrived (or a minute more has passed); latency is, per order, from its
/// creation's answer to its posting's arrival.
struct DeliverScenario {
    let junction: Junction
    let driver: LoadDriver
    let catalogue: BenchCatalogue
    let logger: Logger
    static let partner = "BENCH_ERP"

    func run(concurrency: Int, duration: Double) async throws -> LoadTally {
        let receiver = PostingReceiver()
        return try await receiver.serve(logger: logger) { url in
            try await subscribe(url: url)
            let dispatcher = Task { try await Dispatcher(junction: junction, logger: logger).run() }
            let start = ContinuousClock.now
            let workload = TimedCreateWorkload(catalogue: catalogue)
            let load = await driver.run(workload, concurrency: concurrency, duration: duration)
            let created = workload.created()
            let deadline = ContinuousClock.now + .seconds(60)
            while created.contains(where: { receiver.arrival(of: $0.key) == nil }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            dispatcher.cancel()
            _ = await dispatcher.result
            return tally(created: created, receiver: receiver, start: start, load: load)
        }
    }

    /// Makes the ERP partner, receiving sales postings of order creations from now on.
    private func subscribe(url: String) async throws {
        _ = try await junction.masters.createChannel(
            name: Self.partner, type: .erp, locationCodes: [],
            outbound: .object(["urls": .object(["salesPosting": .string("\(url)/postings")]),
                               "events": .array([.string("OUTWARD_ORDER_CREATE")])]))
        // Events of earlier scenarios are not this scenario's load.
        try await junction.deliveries.skipPlanningToEndOfLog()
    }

    private func tally(created: [String: ContinuousClock.Instant], receiver: PostingReceiver,
                       start: ContinuousClock.Instant, load: LoadTally) -> LoadTally {
        var tally = LoadTally()
        var last = start
        for (code, answered) in created {
            guard let arrived = receiver.arrival(of: code) else { continue }
            tally.requests += 1
            last = max(last, arrived)
            let lag = max(arrived - answered, .zero)
            tally.histogram.record(nanoseconds: UInt64(lag.components.seconds) * 1_000_000_000
                                   + UInt64(lag.components.attoseconds / 1_000_000_000))
        }
        tally.errors = created.count - tally.requests + load.errors
        if tally.errors > 0 { tally.sampleErrors = ["\(created.count - tally.requests) postings did not arrive within a minute"] + load.sampleErrors }
        let elapsed = last - start
        tally.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return tally
    }
}

/// Creates like the `create` scenario and notes when each creation was answered.
final class TimedCreateWorkload: Workload {
    private let creates: CreateWorkload
    private let answered = Mutex<[String: ContinuousClock.Instant]>([:])

    init(catalogue: BenchCatalogue) { creates = CreateWorkload(catalogue: catalogue, prefix: "BD") }

    func next(worker: Int, sequence: Int) async -> PlannedCall {
        await creates.next(worker: worker, sequence: sequence)
    }

    func finished(_ call: PlannedCall, succeeded: Bool) async {
        guard succeeded, let code = call.creates?.code else { return }
        let now = ContinuousClock.now
        answered.withLock { $0[code] = now }
    }

    /// Orders created so far, with when their creation was answered.
    func created() -> [String: ContinuousClock.Instant] { answered.withLock { $0 } }
}
