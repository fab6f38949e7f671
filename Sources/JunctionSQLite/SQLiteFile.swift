import Logging
import SQLKit

/// A SQLite database file in WAL mode: one writer connection with group commit (see ``SQLiteWriter``) and
/// a few reader connections, every statement prepared once per connection and run without thread hops.
public final class SQLiteFile: Sendable {
    private let writer: SQLiteWriter
    private let readers: SQLiteReaders

    /// Opens (creating if needed) the file at `path`. `beforeCommit` runs once per group commit, inside the
    /// transaction, after every body of the batch.
    public init(path: String, readers: Int = 8, maxBatch: Int = 128, logger: Logger,
                beforeCommit: @escaping @Sendable (any SQLDatabase) async throws -> Void) throws {
        let writerHandle = try SQLiteHandle(path: path)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000",
                       "PRAGMA foreign_keys=OFF"] {
            try writerHandle.run(pragma)
        }
        let readerHandles = try (0..<max(1, readers)).map { _ in
            let reader = try SQLiteHandle(path: path)
            try reader.run("PRAGMA busy_timeout=10000")
            return reader
        }
        self.writer = SQLiteWriter(handle: writerHandle, logger: logger, maxBatch: maxBatch, beforeCommit: beforeCommit)
        self.readers = SQLiteReaders(handles: readerHandles, logger: logger)
    }

    /// Runs `body` in a transaction that commits (with the others queued beside it) or, when `body` throws,
    /// leaves nothing behind.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.write(body)
    }

    /// Runs `body` on a reader connection, which sees the last commit.
    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.read(body)
    }

    /// Lets queued writes finish and stops the writer.
    public func close() async {
        await writer.close()
    }
}
