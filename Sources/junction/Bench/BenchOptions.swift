import Foundation
import ArgumentParser

/// The knobs of `junction bench`, with `--quick` overriding duration, SKUs and concurrency.
struct BenchOptions: ParsableArguments {
    @Option(help: "Seconds per scenario") var duration: Double = 10
    @Option(help: "Concurrent workers, each on its own keep-alive connection") var concurrency: Int = 64
    @Option(help: "Articles with plentiful stock") var skus: Int = 10_000
    @Option(help: "Comma-separated scenarios: baseline,create,hot,mixed,atp,read,deliver")
    var scenarios: String = BenchScenario.allCases.map(\.rawValue).joined(separator: ",")
    @Option(help: "Orders of history copied into the database before the read scenario") var orders: Int = 100_000
    @Option(help: "Write the results as JSON to this file") var json: String?
    @Flag(help: "Smoke run: 2 s per scenario, 200 SKUs, concurrency 16") var quick = false

    /// Seconds per scenario after `--quick`.
    var effectiveDuration: Double { quick ? 2 : duration }
    /// Workers after `--quick`.
    var effectiveConcurrency: Int { quick ? 16 : concurrency }
    /// Plentiful SKUs after `--quick`.
    var effectiveSkus: Int { quick ? 200 : skus }
    /// Orders of history after `--quick`.
    var effectiveOrders: Int { quick ? 2_000 : orders }

    /// The scenarios asked for, in the order given.
    func selectedScenarios() throws -> [BenchScenario] {
        try scenarios.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let scenario = BenchScenario(rawValue: trimmed) else {
                throw ValidationError("unknown scenario \(trimmed); choose from \(BenchScenario.allCases.map(\.rawValue).joined(separator: ","))")
            }
            return scenario
        }
    }

    mutating func validate() throws {
        guard effectiveDuration > 0 else { throw ValidationError("--duration must be positive") }
        guard effectiveConcurrency > 0 else { throw ValidationError("--concurrency must be positive") }
        guard effectiveSkus >= 3 else { throw ValidationError("--skus must be at least 3") }
        guard effectiveOrders >= 1 else { throw ValidationError("--orders must be at least 1") }
        _ = try selectedScenarios()
    }
}
