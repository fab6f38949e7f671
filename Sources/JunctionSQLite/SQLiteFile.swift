import Logging
import SQLKit

/// A SQLite database file in WAL mode: one writer connection with group commit (see ``SQLiteWriter``) and
/// a few reader connections, every statement prepared once per connection and run without thread hops.
public final class SQLiteFile: Sendable {
    private let writer: SQLiteWriter
    private let readers: SQLiteReaders

    /// Opens (creating if needed) the file at `path`.
    public init(path: String, readers: Int = 8, maxBatch: Int = 128, logger: Logger) throws {
        let writerHandle = try SQLiteHandle(path: path)
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF"] + Self.connectionPragmas {
            try writerHandle.run(pragma)
        }
        let readerHandles = try (0..<max(1, readers)).map { _ in
            let reader = try SQLiteHandle(path: path)
            for pragma in Self.connectionPragmas { try reader.run(pragma) }
            return reader
        }
        self.writer = SQLiteWriter(handle: writerHandle, logger: logger, maxBatch: maxBatch)
        self.readers = SQLiteReaders(handles: readerHandles, logger: logger)
    }

    /// Every connection waits for locks rather than failing, keeps up to 64 MB of pages in its own cache
    /// and reads the file through a memory map instead of a system call per page.
    private static let connectionPragmas = ["PRAGMA busy_timeout=10000", "PRAGMA cache_size=-65536",
                                            "PRAGMA mmap_size=1073741824", "PRAGMA temp_store=MEMORY"]

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
