import SQLKit

/// Row lists for `VALUES`.
enum SQLRows {
    /// `(a, b), (c, d)` from the values of each row.
    static func list(_ rows: some Sequence<SQLQueryString>) -> SQLQueryString {
        rows.map { "(\($0))" as SQLQueryString }.joined(separator: ", ")
    }
}
