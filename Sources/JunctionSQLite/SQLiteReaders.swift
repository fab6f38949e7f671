import Logging
import SQLKit
import Synchronization

/// Reader connections, one task at a time on each; a task waits when all are taken.
final class SQLiteReaders: Sendable {
    private let databases: [SQLiteSQLDatabase]
    private let state: Mutex<ReaderState>

    init(handles: [SQLiteHandle], logger: Logger) {
        databases = handles.map { SQLiteSQLDatabase(handle: $0, logger: logger) }
        state = Mutex(ReaderState(free: Array(handles.indices)))
    }

    func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let index = await take()
        defer { give(back: index) }
        return try await body(databases[index])
    }

    private func take() async -> Int {
        if let index = state.withLock({ $0.free.popLast() }) { return index }
        return await withCheckedContinuation { (waiter: CheckedContinuation<Int, Never>) in
            let index = state.withLock { state -> Int? in
                if let index = state.free.popLast() { return index }
                state.waiters.append(waiter)
                return nil
            }
            if let index { waiter.resume(returning: index) }
        }
    }

    private func give(back index: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Int, Never>? in
            if state.waiters.isEmpty {
                state.free.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: index)
    }
}

private struct ReaderState {
    var free: [Int]
    var waiters: [CheckedContinuation<Int, Never>] = []
}
