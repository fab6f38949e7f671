import ArgumentParser
import Foundation
import JunctionStore
import Logging
import NIOHTTP1

/// `junction bench`: seeds a catalogue, starts Junction in this process and measures each scenario over
/// loopback HTTP, printing a table (and optionally writing JSON).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput and latency of Junction in this process over loopback HTTP.")
    @Option(name: .customLong("database-url"),
            help: "An empty postgres:// database to use (default: SQLite in a fresh temporary directory)")
    var databaseURL: String?
    @OptionGroup var options: BenchOptions

    func run() async throws {
        var logger = Logger(label: "junction-bench")
        logger.logLevel = .warning
        let scenarios = try options.selectedScenarios()
        let database = try await BenchDatabase.open(url: databaseURL, logger: logger)
        let report: BenchReport
        do {
            report = try await measure(scenarios, junction: database.junction, logger: logger)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
        print(report.table)
        if let path = options.json {
            try report.write(toJSON: path)
            print("results written to \(path)")
        }
        if let hotCheck = report.hotCheck, !hotCheck.passed {
            print("\n!!! FAILED: the hot scenario oversold or under-allocated stock !!!\n\(hotCheck.summary)")
            throw ExitCode.failure
        }
        let failing = report.results.filter { $0.errors > 0 }
        if !failing.isEmpty {
            print("\n!!! FAILED: requests failed in " + failing.map { "\($0.scenario.rawValue) (\($0.errors))" }.joined(separator: ", ")
                  + "; the first ones are listed under the table !!!")
            throw ExitCode.failure
        }
    }

    /// Seeds, serves, drives every scenario and stops the server.
    private func measure(_ scenarios: [BenchScenario], junction: Junction, logger: Logger) async throws -> BenchReport {
        let catalogue = BenchCatalogue(skus: options.effectiveSkus)
        print("seeding \(catalogue.skus) SKUs and \(BenchCatalogue.hotCount) hot ones on \(junction.database.kind.rawValue)…")
        _ = try await junction.authenticator.prepareAdmin(password: UUID().uuidString)
        try await catalogue.seed(junction)
        try await junction.database.refreshStatistics()
        let server = try await BenchServer.start(junction: junction, logger: logger)
        let loop = BenchClientLoop()
        let driver = LoadDriver(port: server.port,
                                credentials: ["authUsername": BenchCatalogue.channel.name, "authPassword": BenchCatalogue.channel.secret],
                                loop: loop)
        var report = BenchReport(database: junction.database.kind.rawValue, concurrency: options.effectiveConcurrency,
                                 durationSeconds: options.effectiveDuration, skus: catalogue.skus)
        do {
            for scenario in scenarios {
                if scenario == .read {
                    print("copying \(options.effectiveOrders) orders of history…")
                    try await OrderHistory(count: options.effectiveOrders).fill(junction, catalogue: catalogue)
                    try await junction.database.refreshStatistics()
                }
                let before = ProcessUsage.now(), clientBefore = try await loop.cpuSeconds()
                let tally = scenario == .deliver
                    ? try await DeliverScenario(junction: junction, driver: driver, catalogue: catalogue, logger: logger)
                        .run(concurrency: options.effectiveConcurrency, duration: options.effectiveDuration)
                    : await driver.run(Workloads.make(scenario, catalogue: catalogue, history: options.effectiveOrders),
                                       concurrency: options.effectiveConcurrency, duration: options.effectiveDuration)
                let after = ProcessUsage.now(), clientCPU = try await loop.cpuSeconds() - clientBefore
                let result = ScenarioResult(scenario, tally: tally, serverCPUSeconds: after.cpuSeconds - before.cpuSeconds - clientCPU,
                                            clientCPUSeconds: clientCPU, usage: after)
                print("\(scenario.rawValue): \(result.requests) requests, \(result.errors) errors")
                report.results.append(result)
                if scenario == .hot { report.hotCheck = try await HotStockCheck.run(junction) }
            }
        } catch {
            await loop.shutdown()
            await server.stop()
            throw error
        }
        await loop.shutdown()
        await server.stop()
        return report
    }
}
