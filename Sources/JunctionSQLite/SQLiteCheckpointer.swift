import Foundation

/// Copies the write-ahead log back into the database file on a connection and thread of its own, a few
/// times a second. These checkpoints are PASSIVE: they never block the writer or readers. The writer keeps
/// SQLite's automatic checkpoint (inside the COMMIT that takes the log past 1,000 pages), which then finds
/// little left to copy, completes quickly and lets the log start over, so it stays a few megabytes.
final class SQLiteCheckpointer: @unchecked Sendable {
    private let handle: SQLiteHandle
    private let interval: TimeInterval
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stopping = false
    private var stopped = false

    init(path: String, interval: TimeInterval = 0.2) throws {
        handle = try SQLiteHandle(path: path)
        try handle.run("PRAGMA busy_timeout=10000")
        self.interval = interval
        Thread { self.run() }.start()
    }

    /// Runs a last checkpoint and ends the thread; returns once it has.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
            condition.unlock()
            try? handle.run("PRAGMA wal_checkpoint(PASSIVE)")
            condition.lock()
        }
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
