import JunctionCore
import SQLKit
import Synchronization

/// Group commit for order creation on PostgreSQL: creates that arrive while batches are being written wait
/// for the next one, and each batch is checked, planned and written with a handful of statements
/// whatever its size (see ``OrderInsertStatement``), instead of a handful per order.
///
/// At most `maxRunners` batches run at once per process (two: one is built while the other is in the
/// database). Stock is only ever taken by the conditional reservation, so a batch that loses stock to
/// another batch or process is planned again as a whole, on fresh figures. Two creates of the same code
/// go into different batches, so the second finds the first. A create that fails its checks fails alone.
final class OrderBatcher: Sendable {
    private let database: any JunctionDatabase
    private let maxBatch: Int
    private let maxRunners: Int
    private let queue = Mutex(CreateQueue())
    /// Orders with more lines are written in a transaction of their own: a batch is one statement, and
    /// PostgreSQL takes at most 65,535 bound values per statement.
    static let maxLinesPerOrder = 100
    /// Lines per batch, which bounds its bound values (about 40 per line with events and allocations).
    static let maxLinesPerBatch = 1_000

    init(database: any JunctionDatabase, maxBatch: Int = 100, maxRunners: Int = 2) {
        self.database = database
        self.maxBatch = maxBatch
        self.maxRunners = maxRunners
    }

    /// Creates the order (or finds the identical one) once its batch has committed, and returns its id.
    func create(_ request: CreateRequest) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let startRunner = queue.withLock { queue in
                queue.waiting.append(PendingCreate(request: request, continuation: continuation))
                guard queue.runners < maxRunners else { return false }
                queue.runners += 1
                return true
            }
            if startRunner { Task { await self.runBatches() } }
        }
    }

    private func runBatches() async {
        while let batch = nextBatch() {
            await run(batch)
        }
    }

    /// Takes up to `maxBatch` waiting creates (and ``maxLinesPerBatch`` lines) with distinct codes; `nil`,
    /// with the runner marked stopped, when none wait.
    private func nextBatch() -> [PendingCreate]? {
        queue.withLock { queue in
            var codes = Set<String>(), taken: [PendingCreate] = [], left: [PendingCreate] = [], lines = 0
            for pending in queue.waiting {
                let request = pending.request
                if taken.count < maxBatch, lines + request.lineCount <= Self.maxLinesPerBatch,
                   codes.insert(request.channel + "\u{1F}" + request.orderCode).inserted {
                    taken.append(pending)
                    lines += request.lineCount
                } else {
                    left.append(pending)
                }
            }
            queue.waiting = left
            if taken.isEmpty { queue.runners -= 1 }
            return taken.isEmpty ? nil : taken
        }
    }

    private func run(_ batch: [PendingCreate]) async {
        let requests = batch.map(\.request)
        do {
            let outcomes = try await database.autocommit { sql in try await Self.write(requests, on: sql) }
            for (pending, outcome) in zip(batch, outcomes) { pending.continuation.resume(with: outcome.map(\.id)) }
            if outcomes.contains(where: { (try? $0.get().inserted) == true }) { await database.afterCommit() }
        } catch {
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }

    /// Checks, plans and writes a batch; per request its order's id and whether it is new, or why not.
    static func write(_ requests: [CreateRequest], on sql: any SQLDatabase) async throws -> [Result<(id: Int64, inserted: Bool), any Error>] {
        let checked = try await OrderStore.check(requests, on: sql)
        let fresh: [(place: Int, order: PreparedOrder)] = checked.enumerated().compactMap { place, result in
            guard case .success(.new(let order)) = result else { return nil }
            return (place, order)
        }
        let plans = try await Allocator.plan(fresh.map(\.order), on: sql)
        let ids = try await OrderInsertStatement.run(zip(fresh, plans).map { .init(order: $0.order, plan: $1) }, on: sql)
        let freshIds = Dictionary(uniqueKeysWithValues: fresh.enumerated().map { ($1.place, ids[$0]) })
        var outcomes: [Result<(id: Int64, inserted: Bool), any Error>] = []
        for (place, result) in checked.enumerated() {
            switch result {
            case .failure(let error): outcomes.append(.failure(error))
            case .success(.existing(let id)): outcomes.append(.success((id, false)))
            case .success(.new(let order)):
                if let id = freshIds[place] ?? nil {
                    outcomes.append(.success((id, true)))
                    continue
                }
                do { outcomes.append(.success((try await OrderStore.existing(order, on: sql), false))) } catch { outcomes.append(.failure(error)) }
            }
        }
        return outcomes
    }
}

/// The creates waiting for a batch, and whether a runner is taking them.
private struct CreateQueue {
    var waiting: [PendingCreate] = []
    var runners = 0
}

private struct PendingCreate: Sendable {
    var request: CreateRequest
    var continuation: CheckedContinuation<Int64, any Error>
}
