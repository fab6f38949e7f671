import SQLKit

/// A statement whose best plan depends on its values, such as a lookup of a list of codes in a table that
/// grows. PostgreSQL plans it with its values every time it runs: it is never kept as a named statement,
/// whose generic plan, made once without the values, could stay on the connection long after the table
/// outgrew it (see docs/performance.md). SQLite plans every statement with its values anyway.
struct PlannedEachRun: SQLExpression {
    var statement: SQLQueryString

    func serialize(to serializer: inout SQLSerializer) {
        statement.serialize(to: &serializer)
    }
}

/// Runs a ``PlannedEachRun`` statement and hands on its rows, like `sql.raw(…)` does for the others.
final class PlannedEachRunQuery: SQLQueryFetcher {
    let query: any SQLExpression
    let database: any SQLDatabase

    init(_ statement: SQLQueryString, on database: any SQLDatabase) {
        self.query = PlannedEachRun(statement: statement)
        self.database = database
    }
}

extension SQLDatabase {
    /// `statement`, planned with its values on every run (see ``PlannedEachRun``).
    func plannedEachRun(_ statement: SQLQueryString) -> PlannedEachRunQuery {
        PlannedEachRunQuery(statement, on: self)
    }
}
