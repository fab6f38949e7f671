import CSQLite3

/// One open SQLite connection that keeps its prepared statements for reuse.
///
/// Statements run synchronously on the calling thread: there is no hop to another thread per statement.
/// A handle is not safe for concurrent use; ``SQLiteWriter``, ``SQLiteReaders`` and
/// ``SQLiteCheckpointer`` each make sure only one task or thread at a time uses theirs.
final class SQLiteHandle: @unchecked Sendable {
    private let connection: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    private static let statementCacheLimit = 512

    /// Opens `path` through the VFS named `vfs` (SQLite's default when nil).
    init(path: String, vfs: String? = nil) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, vfs)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(opened)
            throw SQLiteError(code: code, message: "\(message) (\(path))", sql: nil)
        }
        connection = opened
        sqlite3_extended_result_codes(connection, 1)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement.pointer) }
        sqlite3_close_v2(connection)
    }

    /// Runs one statement and hands each result row to `onRow`.
    func execute(_ sql: String, binds: [SQLiteValue], onRow: (SQLiteRow) throws -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement.pointer)
            sqlite3_clear_bindings(statement.pointer)
        }
        guard binds.count <= Int(sqlite3_bind_parameter_count(statement.pointer)) else {
            throw SQLiteError(code: SQLITE_RANGE, message: "\(binds.count) values for \(sqlite3_bind_parameter_count(statement.pointer)) parameters", sql: sql)
        }
        for (offset, value) in binds.enumerated() {
            let code = value.bind(to: statement.pointer, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw error(code, sql: sql) }
        }
        while true {
            let code = sqlite3_step(statement.pointer)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, sql: sql) }
            try onRow(SQLiteRow(columns: statement.columns, values: SQLiteValue.row(of: statement.pointer)))
        }
    }

    /// Runs statements without binds or results (pragmas, transaction control).
    func run(_ sql: String) throws {
        try execute(sql, binds: []) { _ in }
    }

    private func prepared(_ sql: String) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.statementCacheLimit {
            for statement in statements.values { sqlite3_finalize(statement.pointer) }
            statements.removeAll(keepingCapacity: true)
        }
        var pointer: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let result = sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, &tail)
            if result == SQLITE_OK, let tail, tail.pointee != 0,
               !String(cString: tail).allSatisfy({ $0.isWhitespace || $0 == ";" }) {
                sqlite3_finalize(pointer)
                pointer = nil
                return SQLITE_MISUSE
            }
            return result
        }
        guard code == SQLITE_OK, let pointer else {
            if code == SQLITE_MISUSE { throw SQLiteError(code: code, message: "one statement at a time", sql: sql) }
            throw error(code, sql: sql)
        }
        let columns = (0..<sqlite3_column_count(pointer)).map { String(cString: sqlite3_column_name(pointer, $0)) }
        let statement = PreparedStatement(pointer: pointer, columns: SQLiteColumns(columns))
        statements[sql] = statement
        return statement
    }

    private func error(_ code: Int32, sql: String) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

/// A compiled statement and the names of its result columns.
private struct PreparedStatement {
    var pointer: OpaquePointer
    var columns: SQLiteColumns
}

/// An error SQLite reported, with its (extended) result code and the statement it came from.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        sql.map { "SQLite error \(code): \(message) in \($0)" } ?? "SQLite error \(code): \(message)"
    }
}
