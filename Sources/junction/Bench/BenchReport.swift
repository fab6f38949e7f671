import Foundation

/// What one scenario measured.
struct ScenarioResult: Codable, Sendable {
    var scenario: BenchScenario
    var requests: Int
    var errors: Int
    var seconds: Double
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p90Milliseconds: Double
    var p99Milliseconds: Double
    /// CPU seconds of the server during the scenario: the process's, less the load generator's event loop.
    var serverCPUSeconds: Double
    /// CPU seconds of the load generator's event loop during the scenario.
    var clientCPUSeconds: Double
    /// Peak resident memory of the process so far, in KB.
    var peakRSSKilobytes: Int
    /// The first few failures, if any.
    var sampleErrors: [String]

    init(_ scenario: BenchScenario, tally: LoadTally, serverCPUSeconds: Double, clientCPUSeconds: Double, usage: ProcessUsage) {
        self.scenario = scenario
        requests = tally.requests
        errors = tally.errors
        seconds = tally.elapsedSeconds
        requestsPerSecond = tally.elapsedSeconds > 0 ? Double(tally.requests) / tally.elapsedSeconds : 0
        p50Milliseconds = tally.histogram.percentile(0.50)
        p90Milliseconds = tally.histogram.percentile(0.90)
        p99Milliseconds = tally.histogram.percentile(0.99)
        self.serverCPUSeconds = serverCPUSeconds
        self.clientCPUSeconds = clientCPUSeconds
        peakRSSKilobytes = usage.peakRSSKilobytes
        sampleErrors = tally.sampleErrors
    }
}

/// A whole bench run: settings, one result per scenario, the create ÷ baseline ratio and the hot check.
struct BenchReport: Codable, Sendable {
    var database: String
    var concurrency: Int
    var durationSeconds: Double
    var skus: Int
    var results: [ScenarioResult] = []
    var hotCheck: HotStockCheck?

    /// Create throughput as a fraction of baseline throughput, when both ran.
    var createToBaselineRatio: Double? {
        guard let create = result(.create), let baseline = result(.baseline), baseline.requestsPerSecond > 0 else { return nil }
        return create.requestsPerSecond / baseline.requestsPerSecond
    }

    private func result(_ scenario: BenchScenario) -> ScenarioResult? { results.first { $0.scenario == scenario } }

    /// The table printed at the end of a run.
    var table: String {
        var lines = ["junction bench on \(database): \(concurrency) workers, \(format(durationSeconds, 0)) s per scenario, \(skus) SKUs",
                     pad(["scenario", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors", "server CPU s", "client CPU s", "peak RSS MB"])]
        for result in results {
            lines.append(pad([result.scenario.rawValue, format(result.requestsPerSecond, 0), format(result.p50Milliseconds, 2),
                              format(result.p90Milliseconds, 2), format(result.p99Milliseconds, 2), "\(result.errors)",
                              format(result.serverCPUSeconds, 1), format(result.clientCPUSeconds, 1), format(Double(result.peakRSSKilobytes) / 1024, 0)]))
        }
        if let ratio = createToBaselineRatio { lines.append("create ÷ baseline throughput: \(format(ratio, 3))") }
        if let hotCheck { lines.append(hotCheck.summary) }
        for result in results where !result.sampleErrors.isEmpty {
            lines.append("\(result.scenario.rawValue) errors, first ones: " + result.sampleErrors.joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the report as JSON to `path`.
    func write(toJSON path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(JSONForm(report: self))
        data.append(0x0A)
        try data.write(to: URL(fileURLWithPath: path))
    }

    private func pad(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == 0 ? cell.padding(toLength: 10, withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: max(0, 14 - cell.count)) + cell
        }.joined()
    }

    private func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}

/// The JSON file's shape: the report plus its derived ratio.
private struct JSONForm: Encodable {
    var report: BenchReport
    var createToBaselineRatio: Double?
    var hotCheckPassed: Bool?

    init(report: BenchReport) {
        self.report = report
        createToBaselineRatio = report.createToBaselineRatio
        hotCheckPassed = report.hotCheck?.passed
    }
}
