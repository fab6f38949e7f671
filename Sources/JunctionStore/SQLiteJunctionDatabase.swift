import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite storage: one file in WAL mode, one writer connection (write transactions run one at a time, so
/// a conditional reservation can never race) and a few reader connections.
public final class SQLiteJunctionDatabase: JunctionDatabase {
    public let kind = DatabaseKind.sqlite
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let writeLock = AsyncSemaphore(permits: 1)
    private let readerPool: ReaderPool

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteJunctionDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000",
                       "PRAGMA foreign_keys=OFF"] {
            _ = try await writer.query(pragma)
        }
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(1, readers) {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            _ = try await reader.query("PRAGMA busy_timeout=10000")
            readerConnections.append(reader)
        }
        return SQLiteJunctionDatabase(writer: writer, readers: readerConnections)
    }

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers
        self.readerPool = ReaderPool(count: readers.count)
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writeLock.withPermit {
            let sql = writer.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(sql)
                try await EventLog.sequence(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = await readerPool.take()
        do {
            let result = try await body(readers[index].sql(queryLogLevel: nil))
            await readerPool.give(back: index)
            return result
        } catch {
            await readerPool.give(back: index)
            throw error
        }
    }

    /// Events are numbered inside each write transaction on SQLite, so there is nothing left to do.
    public func afterCommit() async {}

    public func shutdown() async {
        for connection in readers + [writer] { try? await connection.close() }
    }
}

/// Hands out reader connection indexes, one task per connection.
private actor ReaderPool {
    private var free: [Int]
    private var waiters: [CheckedContinuation<Int, Never>] = []

    init(count: Int) { free = Array(0..<count) }

    func take() async -> Int {
        if let index = free.popLast() { return index }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func give(back index: Int) {
        if waiters.isEmpty { free.append(index) } else { waiters.removeFirst().resume(returning: index) }
    }
}
