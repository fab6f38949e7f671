import CSQLite3
import CSQLiteLogBuffer
import Logging
import SQLKit

/// A SQLite database file in WAL mode: one writer connection with group commit (see ``SQLiteWriter``), a
/// few reader connections, every statement prepared once per connection and run without thread hops, and
/// checkpoints off the writer's path (see ``SQLiteCheckpointer``).
public final class SQLiteFile: Sendable {
    private let writer: SQLiteWriter
    private let readers: SQLiteReaders
    private let checkpointer: SQLiteCheckpointer

    /// Opens (creating if needed) the file at `path`. The writer checkpoints the log itself when a commit
    /// takes it past `checkpointPages` pages (see ``SQLiteCheckpointer``).
    public init(path: String, readers: Int = 8, maxBatch: Int = 128, checkpointPages: Int = 10_000, logger: Logger) throws {
        let writerHandle = try SQLiteHandle(path: path, vfs: try Self.logBufferVFS())
        for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF",
                       "PRAGMA cache_size=-32768", "PRAGMA wal_autocheckpoint=\(checkpointPages)"] + Self.connectionPragmas {
            try writerHandle.run(pragma)
        }
        let readerHandles = try (0..<max(1, readers)).map { _ in
            let reader = try SQLiteHandle(path: path)
            for pragma in ["PRAGMA cache_size=-8192"] + Self.connectionPragmas { try reader.run(pragma) }
            return reader
        }
        self.writer = SQLiteWriter(handle: writerHandle, logger: logger, maxBatch: maxBatch)
        self.readers = SQLiteReaders(handles: readerHandles, logger: logger)
        self.checkpointer = try SQLiteCheckpointer(path: path)
    }

    /// The VFS the writer opens the file with: SQLite's default, with each commit's log writes passed on
    /// together before the log is synced (see `log_buffer_vfs.c`), which needs `synchronous=FULL`: a sync
    /// at every commit.
    private static func logBufferVFS() throws -> String {
        let code = junction_log_buffer_vfs_register()
        guard code == SQLITE_OK else { throw SQLiteError(code: code, message: "cannot register the log buffer VFS", sql: nil) }
        return String(cString: junction_log_buffer_vfs_name())
    }

    /// Every connection waits for locks rather than failing and keeps temporary tables in memory. Page
    /// caches are bounded (32 MB for the writer, 8 MB per reader; the operating system caches the rest of
    /// the file), so memory stays flat however large the database grows.
    private static let connectionPragmas = ["PRAGMA busy_timeout=10000", "PRAGMA temp_store=MEMORY"]

    /// Runs `body` in a transaction that commits (with the others queued beside it) or, when `body` throws,
    /// leaves nothing behind.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writer.write(body)
    }

    /// Runs `body` on a reader connection, which sees the last commit.
    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.read(body)
    }

    /// Lets queued writes finish and stops the writer and the checkpoints. Call it before letting go of the
    /// file: the writer and checkpoint threads run until then.
    public func close() async {
        await writer.close()
        await checkpointer.stop()
    }
}
