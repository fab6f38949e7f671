import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// SQLKit's view of one PostgreSQL connection that binds the values Junction sends (text, integers,
/// booleans, doubles, NULL) and reads the columns it stores (text, integers, booleans) straight through
/// PostgresNIO's codecs.
///
/// PostgresKit's own view routes every bound value and every cell through a general translation layer that
/// casts the type dynamically and builds a coding path, a formatted column name included, for each cell
/// before decoding it; on the create path that was a tenth of Junction's CPU. Other types take that general
/// layer still (see ``PostgresColumns``), and binding one that PostgresNIO cannot encode is an error.
struct PostgresConnectionSQL: SQLDatabase {
    let connection: PostgresConnection
    /// Where statements of up to ``namedStatementBinds`` values run as named statements (see
    /// ``PostgresNamedStatement``), with what became of them; `nil` in transactions, where a preparation
    /// could meet a transaction an earlier statement has aborted. A ``PlannedEachRun`` statement is never
    /// named.
    var named: NamedStatementOutcome? = nil

    /// The most values a named statement binds; longer statements are mostly multi-row writes whose text
    /// varies with the number of rows, and would fill every connection with statements run once.
    static let namedStatementBinds = 32

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            return connection.query(try statement(query), logger: logger) { onRow(PostgresColumns($0)) }.map { _ in }
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        guard let named, binds.count <= Self.namedStatementBinds, !(query is PlannedEachRun) else {
            _ = try await connection.query(try Self.statement(sql, binds), logger: logger) { onRow(PostgresColumns($0)) }.get()
            return
        }
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for value in binds { types.append(try Self.bind(value, to: &bindings)) }
        var delivered = false
        do {
            let rows = try await PostgresNamedStatement.$text.withValue(.init(sql: sql, types: types)) {
                try await connection.execute(PostgresNamedStatement(bindings: bindings), logger: logger)
            }
            for try await row in rows {
                delivered = true
                onRow(PostgresColumns(row))
            }
        } catch {
            // Run unnamed, as before there were names, unless rows were already handed on.
            named.recordFailure()
            guard !delivered else { throw error }
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) { onRow(PostgresColumns($0)) }.get()
        }
    }

    private func statement(_ query: any SQLExpression) throws -> PostgresQuery {
        let (sql, binds) = serialize(query)
        return try Self.statement(sql, binds)
    }

    private static func statement(_ sql: String, _ binds: [any Encodable]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { try bind(value, to: &bindings) }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Appends one value as PostgreSQL's type for it, and says which type: the common ones without a
    /// conformance lookup, `nil` as NULL, anything else through its own PostgresNIO encoding.
    @discardableResult
    private static func bind(_ value: any Encodable, to bindings: inout PostgresBindings) throws -> PostgresDataType {
        switch value {
        case let text as String: bindings.append(text); return .text
        case let number as Int64: bindings.append(number); return .int8
        case let number as Int: bindings.append(number); return .int8
        case let flag as Bool: bindings.append(flag); return .bool
        case let number as Double: bindings.append(number); return .float8
        case let optional as any OptionalBind:
            if let wrapped = optional.wrapped { return try bind(wrapped, to: &bindings) }
            bindings.appendNull()
            return .null
        case let encodable as any PostgresThrowingDynamicTypeEncodable:
            try bindings.append(encodable)
            return encodable.psqlType
        default: throw UnbindableValue(type: "\(type(of: value))")
        }
    }
}

/// Whether a named statement failed on a connection during a read. Such a failure may stay with the name
/// on that connection (see ``PostgresNamedStatement``), so the statement runs again unnamed and the read
/// closes the connection when it ends; the pool opens another.
final class NamedStatementOutcome: Sendable {
    private let failedOnce = Atomic(false)

    var failed: Bool { failedOnce.load(ordering: .relaxed) }

    func recordFailure() {
        failedOnce.store(true, ordering: .relaxed)
    }
}

/// A bound `Optional`, opened without knowing its wrapped type.
private protocol OptionalBind {
    var wrapped: (any Encodable)? { get }
}

extension Optional: OptionalBind where Wrapped: Encodable {
    fileprivate var wrapped: (any Encodable)? { self }
}

/// A value was bound that PostgreSQL has no type for.
struct UnbindableValue: Error, CustomStringConvertible {
    var type: String
    var description: String { "cannot bind a \(type) to a PostgreSQL parameter" }
}

/// One result row: the common column types decoded by PostgresNIO directly, anything else by PostgresKit.
struct PostgresColumns: SQLRow {
    private let row: PostgresRow
    private let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        !cells.contains(column) || cells[column].bytes == nil
    }

    func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        guard cells.contains(column) else { throw MissingColumn(column: column) }
        let cell = cells[column]
        if T.self == String.self { return try cell.decode(String.self) as! T }
        if T.self == Int64.self { return try cell.decode(Int64.self) as! T }
        if T.self == Int.self { return try cell.decode(Int.self) as! T }
        if T.self == Bool.self { return try cell.decode(Bool.self) as! T }
        return try row.sql().decode(column: column, as: T.self)
    }
}

/// A row was asked for a column the query did not return.
struct MissingColumn: Error, CustomStringConvertible {
    var column: String
    var description: String { "the result has no column \(column)" }
}
