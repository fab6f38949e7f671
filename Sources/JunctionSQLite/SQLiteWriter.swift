import Logging
import SQLKit
import Synchronization

/// Runs write transactions on the one writer connection, with group commit.
///
/// Callers queue their transaction bodies; one runner task takes everything queued, opens one SQLite
/// transaction, runs each body in its own savepoint (a body that throws is rolled back alone and gets its
/// own error) and commits them all with one COMMIT. While a batch runs, new bodies queue for the next one,
/// so under load the cost of a commit is shared and no statement ever waits for a thread hop. The runner has
/// a thread of its own. A caller's `write` returns only after the COMMIT that holds its changes.
final class SQLiteWriter: Sendable {
    private let database: SQLiteSQLDatabase
    private let maxBatch: Int
    private let queue = Mutex(WriteQueue())
    private let runner = Mutex<Task<Void, Never>?>(nil)
    private let thread = DedicatedThreadExecutor(name: "junction-writer")

    init(handle: SQLiteHandle, logger: Logger, maxBatch: Int) {
        self.database = SQLiteSQLDatabase(handle: handle, logger: logger)
        self.maxBatch = max(1, maxBatch)
        runner.withLock { $0 = Task(executorPreference: thread) { await self.runBatches() } }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = WriteJob(body: body, continuation: continuation)
            let outcome = queue.withLock { queue -> (accepted: Bool, sleeper: CheckedContinuation<Void, Never>?) in
                guard !queue.closed else { return (false, nil) }
                queue.jobs.append(job)
                defer { queue.sleeper = nil }
                return (true, queue.sleeper)
            }
            if outcome.accepted { outcome.sleeper?.resume() } else { job.finish(failure: SQLiteClosed()) }
        }
    }

    /// Finishes the queued transactions, then stops the runner.
    func close() async {
        let sleeper = queue.withLock { queue in
            queue.closed = true
            defer { queue.sleeper = nil }
            return queue.sleeper
        }
        sleeper?.resume()
        await runner.withLock { $0 }?.value
        thread.stop()
    }

    private func runBatches() async {
        while let jobs = await nextJobs() {
            await runBatch(jobs)
        }
    }

    /// Waits until something is queued; nil once closed and drained.
    private func nextJobs() async -> [any QueuedWrite]? {
        while true {
            let (jobs, closed) = queue.withLock { queue in
                defer { queue.jobs.removeAll(keepingCapacity: true) }
                return (queue.jobs, queue.closed)
            }
            if !jobs.isEmpty { return jobs }
            if closed { return nil }
            await withCheckedContinuation { (sleeper: CheckedContinuation<Void, Never>) in
                let wakeNow = queue.withLock { queue in
                    if !queue.jobs.isEmpty || queue.closed { return true }
                    queue.sleeper = sleeper
                    return false
                }
                if wakeNow { sleeper.resume() }
            }
        }
    }

    private func take(upTo limit: Int) -> [any QueuedWrite] {
        queue.withLock { queue in
            let taken = Array(queue.jobs.prefix(limit))
            queue.jobs.removeFirst(taken.count)
            return taken
        }
    }

    /// One SQLite transaction holding `jobs` and whatever queues up while they run, up to `maxBatch`.
    private func runBatch(_ jobs: [any QueuedWrite]) async {
        let handle = database.handle
        var ran: [any QueuedWrite] = []
        var waiting = jobs
        do {
            try handle.run("BEGIN IMMEDIATE")
            while !waiting.isEmpty {
                let job = waiting.removeFirst()
                try handle.run("SAVEPOINT job")
                ran.append(job)
                if !(await job.run(on: database)) { try handle.run("ROLLBACK TO job") }
                try handle.run("RELEASE job")
                if waiting.isEmpty, ran.count < maxBatch { waiting = take(upTo: maxBatch - ran.count) }
            }
            try handle.run("COMMIT")
            for job in ran { job.committed() }
        } catch {
            try? handle.run("ROLLBACK")
            for job in ran + waiting { job.finish(failure: error) }
        }
    }
}

/// What the writer queue holds; ``SQLiteWriter/close()`` sets `closed`.
private struct WriteQueue {
    var jobs: [any QueuedWrite] = []
    var sleeper: CheckedContinuation<Void, Never>?
    var closed = false
}

/// A queued transaction body, its result kept until the batch's COMMIT decides its fate.
private protocol QueuedWrite: AnyObject, Sendable {
    /// Runs the body; false when it threw (its result is then that error).
    func run(on sql: any SQLDatabase) async -> Bool
    /// Hands the caller the body's result or error, now that the batch is durable.
    func committed()
    /// Hands the caller `failure` unless the body's own error is already the answer.
    func finish(failure: any Error)
}

private final class WriteJob<T: Sendable>: QueuedWrite, @unchecked Sendable {
    private let body: @Sendable (any SQLDatabase) async throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    // Written and read only by the runner task.
    private var outcome: Result<T, any Error>?

    init(body: @escaping @Sendable (any SQLDatabase) async throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(on sql: any SQLDatabase) async -> Bool {
        do {
            outcome = .success(try await body(sql))
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    func committed() {
        continuation.resume(with: outcome ?? .failure(SQLiteClosed()))
    }

    func finish(failure: any Error) {
        if case .failure(let own)? = outcome { continuation.resume(throwing: own) } else { continuation.resume(throwing: failure) }
    }
}

/// The database was closed before the transaction could run.
public struct SQLiteClosed: Error, CustomStringConvertible {
    public var description: String { "the SQLite database is closed" }
}
