import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLKit's view of one ``SQLiteHandle``: queries are serialized with the SQLite dialect and run at once on
/// the calling task, without a hop to another thread.
struct SQLiteSQLDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteSQLDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let binds = try serializer.binds.map { try SQLiteValue(binding: $0) }
        try handle.execute(serializer.sql, binds: binds) { onRow($0) }
    }
}

/// How SQLKit writes SQL for SQLite 3.35 or later (RETURNING, upserts). Parameters are plain `?`, taken
/// in the order they appear: SQLKit writes one placeholder per bound value, in the order of its binds, and
/// SQLite parses `?` without the name lookup a numbered `?NNN` costs (linear in the parameters before it,
/// which made a batch's multi-row statements quadratic to prepare).
struct SQLiteSQLDialect: SQLDialect {
    var name: String { "sqlite" }
    var identifierQuote: any SQLExpression { SQLRaw("\"") }
    var literalStringQuote: any SQLExpression { SQLRaw("'") }
    var supportsAutoIncrement: Bool { false }
    var autoIncrementClause: any SQLExpression { SQLRaw("AUTOINCREMENT") }
    var supportsDropBehavior: Bool { false }
    var supportsReturning: Bool { true }
    var upsertSyntax: SQLUpsertSyntax { .standard }
    var enumSyntax: SQLEnumSyntax { .unsupported }
    var unionFeatures: SQLUnionFeatures { [.union, .unionAll, .intersect, .except] }
    var alterTableSyntax: SQLAlterTableSyntax { .init(allowsBatch: false) }
    var triggerSyntax: SQLTriggerSyntax { .init(create: [.supportsBody, .supportsCondition], drop: []) }

    func bindPlaceholder(at position: Int) -> any SQLExpression { Self.placeholder }
    private static let placeholder = SQLRaw("?")
    func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "1" : "0") }
}
