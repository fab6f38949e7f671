import NIOHTTP1

/// One HTTP call a worker is about to make.
struct PlannedCall: Sendable {
    var method: HTTPMethod
    var path: String
    var body: String?
    /// The order this call creates, when it creates one (so later calls can cancel or read it).
    var creates: BenchOrder?
}

/// An order a scenario created: its code and lines.
struct BenchOrder: Sendable {
    var code: String
    var lines: [(sku: String, quantity: Int)]
}

/// What a scenario asks of the load driver's workers.
protocol Workload: Sendable {
    /// The `sequence`-th call of worker `worker`.
    func next(worker: Int, sequence: Int) async -> PlannedCall
    /// Told once `call` has been answered; `succeeded` means a 2xx status.
    func finished(_ call: PlannedCall, succeeded: Bool) async
}

extension Workload {
    func finished(_ call: PlannedCall, succeeded: Bool) async {}
}
