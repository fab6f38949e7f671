import Foundation
import Synchronization

/// A task executor with one thread of its own.
///
/// The SQLite writer runs its batches here, so that its long synchronous stretches (statements, COMMIT)
/// never occupy one of the few threads of Swift's cooperative pool, which stay free for request handling.
final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [UnownedJob] = []
    private var stopping = false

    /// Starts the thread, named `name` (its first 15 characters) so that `top -H` and profilers tell it apart:
    /// on Linux Foundation does not pass `Thread.name` on, and a thread otherwise shows its creator's name.
    init(name: String) {
        let thread = Thread {
            try? String(name.prefix(15)).write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
            self.run()
        }
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread finish the jobs it has and end (it keeps the executor alive until then).
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
