import Synchronization

/// Copies the write-ahead log back into the database file on a connection and thread of its own, once a
/// second. These checkpoints are PASSIVE: they never block the writer or readers. The writer keeps SQLite's
/// automatic checkpoint (inside the COMMIT that takes the log past 10,000 pages, about 40 MB), which then
/// finds little left to copy, completes quickly and lets the log start over. Copying seldom means a page
/// that many commits change (an index's last page, a popular SKU's stock) reaches the file once, not once
/// per commit.
final class SQLiteCheckpointer: Sendable {
    private let thread = DedicatedThreadExecutor(name: "junction-checkpoint")
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(path: String, interval: Duration = .milliseconds(1000)) throws {
        let handle = try SQLiteHandle(path: path)
        try handle.run("PRAGMA busy_timeout=10000")
        task.withLock {
            $0 = Task(executorPreference: thread) {
                while (try? await Task.sleep(for: interval)) != nil {
                    try? handle.run("PRAGMA wal_checkpoint(PASSIVE)")
                }
            }
        }
    }

    /// Stops checkpointing and ends the thread.
    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
        thread.stop()
    }
}
