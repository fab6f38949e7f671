import JunctionSQLite
import Logging
import SQLKit

/// SQLite storage: one file in WAL mode, one writer connection (write transactions run one after another,
/// so a conditional reservation can never race; those that queue up commit together) and a few reader
/// connections. Events get their `messageId` as they are inserted (see ``EventLog``).
public final class SQLiteJunctionDatabase: JunctionDatabase {
    public let kind = DatabaseKind.sqlite
    private let file: SQLiteFile

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, logger: Logger) throws -> SQLiteJunctionDatabase {
        SQLiteJunctionDatabase(file: try SQLiteFile(path: path, logger: logger))
    }

    private init(file: SQLiteFile) {
        self.file = file
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await file.write(body)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await file.read(body)
    }

    /// Events are numbered as they are inserted on SQLite, so there is nothing left to do.
    public func afterCommit() async {}

    /// Events are numbered as they are inserted on SQLite, so there is nothing left to do.
    public func sequenceEvents() async throws {}

    /// SQLite keeps no statistics unless asked, and Junction's queries are written for plans made without them.
    public func refreshStatistics() async throws {}

    public func shutdown() async {
        await file.close()
    }
}
