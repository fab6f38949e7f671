import JunctionCore
import SQLKit
import Synchronization

/// Group commit for order creation: creates that arrive while batches are being written wait for the next
/// one, and each batch is checked on a reader (one read per kind of reference) and written in one
/// transaction with a handful of statements whatever its size, instead of a handful per order.
///
/// At most `maxRunners` batches run at once per process (two: one is checked while the other is written).
/// Stock is only ever taken by the conditional reservation inside the write, on stock read in the same
/// transaction; on PostgreSQL a write that loses stock to another batch or process runs again on fresh
/// figures. Two creates of the same code go into different batches, so the second finds the first. A create
/// that fails its checks fails alone.
final class OrderBatcher: Sendable {
    private let database: any JunctionDatabase
    private let maxBatch: Int
    private let maxRunners: Int
    private let queue = Mutex(CreateQueue())
    /// Lines per batch (an order with more goes alone), which bounds a batch's transaction.
    static let maxLinesPerBatch = 1_000

    init(database: any JunctionDatabase, maxBatch: Int = 100, maxRunners: Int = 2) {
        self.database = database
        self.maxBatch = maxBatch
        self.maxRunners = maxRunners
    }

    /// Creates the order (or finds the identical one) once its batch has committed, and returns its id.
    func create(_ request: CreateRequest) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            enqueue([PendingCreate(request: request, finish: { continuation.resume(with: $0) })])
        }
    }

    /// Creates (or finds) each order as if they came one after another in this order, and returns per
    /// request its order's id or why there is none. They wait together, so they share batches.
    func create(_ requests: [CreateRequest]) async -> [Result<Int64, any Error>] {
        guard !requests.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let outcomes = CreateOutcomes(count: requests.count) { continuation.resume(returning: $0) }
            enqueue(requests.enumerated().map { place, request in
                PendingCreate(request: request, finish: { outcomes.record($0, at: place) })
            })
        }
    }

    /// Queues creates in their order and starts a runner if fewer than `maxRunners` run.
    private func enqueue(_ pending: [PendingCreate]) {
        let startRunner = queue.withLock { queue in
            queue.waiting.append(contentsOf: pending)
            guard queue.runners < maxRunners else { return false }
            queue.runners += 1
            return true
        }
        if startRunner { Task { await self.runBatches() } }
    }

    private func runBatches() async {
        while let batch = nextBatch() {
            await run(batch)
        }
    }

    /// Takes waiting creates in the order they came, up to `maxBatch` of them and ``maxLinesPerBatch`` lines,
    /// passing over a code already taken (it waits for the next batch, where it finds the first); `nil`, with
    /// the runner marked stopped, when none wait. The first create that does not fit ends the batch, so a
    /// large order is not overtaken by smaller ones behind it: stock goes to creates in the order they came.
    private func nextBatch() -> [PendingCreate]? {
        queue.withLock { queue in
            var keys = Set<OrderKey>(), taken: [PendingCreate] = [], left: [PendingCreate] = [], lines = 0, full = false
            for pending in queue.waiting {
                let request = pending.request
                full = full || taken.count == maxBatch || (!taken.isEmpty && lines + request.lineCount > Self.maxLinesPerBatch)
                if !full, keys.insert(request.key).inserted {
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
        do {
            let outcomes = try await write(batch.map(\.request))
            for (pending, outcome) in zip(batch, outcomes) { pending.finish(outcome) }
        } catch {
            for pending in batch { pending.finish(.failure(error)) }
        }
    }

    /// Checks and writes a batch; per request its order's id, or why there is none.
    private func write(_ requests: [CreateRequest]) async throws -> [Result<Int64, any Error>] {
        let checked = try await database.read { sql in try await OrderStore.check(requests, on: sql) }
        let fresh: [(place: Int, order: PreparedOrder)] = checked.enumerated().compactMap { place, result in
            guard case .success(.new(let order)) = result else { return nil }
            return (place, order)
        }
        let ids = fresh.isEmpty ? [] : try await database.write { sql in try await OrderStore.insert(fresh.map(\.order), on: sql) }
        var written: [Int: Int64] = [:]
        for (new, id) in zip(fresh, ids) where id != nil { written[new.place] = id }
        var outcomes: [Result<Int64, any Error>] = []
        for (place, result) in checked.enumerated() {
            switch result {
            case .failure(let error): outcomes.append(.failure(error))
            case .success(.existing(let id)): outcomes.append(.success(id))
            case .success(.new(let order)):
                if let id = written[place] {
                    outcomes.append(.success(id))
                    continue
                }
                do { outcomes.append(.success(try await database.read { sql in try await OrderStore.existing(order, on: sql) })) }
                catch { outcomes.append(.failure(error)) }
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
    /// Hands on the outcome; called exactly once.
    var finish: @Sendable (Result<Int64, any Error>) -> Void
}

/// The outcomes of creates queued together, handed on once the last is known.
private final class CreateOutcomes: Sendable {
    private let outcomes: Mutex<(results: [Result<Int64, any Error>?], left: Int)>
    private let done: @Sendable ([Result<Int64, any Error>]) -> Void

    init(count: Int, done: @escaping @Sendable ([Result<Int64, any Error>]) -> Void) {
        outcomes = Mutex((Array(repeating: nil, count: count), count))
        self.done = done
    }

    func record(_ outcome: Result<Int64, any Error>, at place: Int) {
        let all = outcomes.withLock { state -> [Result<Int64, any Error>]? in
            state.results[place] = outcome
            state.left -= 1
            return state.left == 0 ? state.results.map { $0! } : nil
        }
        if let all { done(all) }
    }
}
