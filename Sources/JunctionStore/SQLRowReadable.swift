import SQLKit

/// A result row type read column by column. The rows hot paths read in bulk (stock, SKUs, fingerprints) use
/// it instead of `Decodable`, whose keyed containers cost more than the columns themselves.
protocol SQLRowReadable {
    init(row: any SQLRow) throws
}

extension SQLQueryFetcher {
    /// Every result row, read as `Row`.
    func all<Row: SQLRowReadable>(reading: Row.Type) async throws -> [Row] {
        try await all().map { try Row(row: $0) }
    }

    /// The first result row, read as `Row`, if any.
    func first<Row: SQLRowReadable>(reading: Row.Type) async throws -> Row? {
        try await first().map { try Row(row: $0) }
    }
}

extension SQLRow {
    /// The value of a column that may be NULL.
    func decodeOptional<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : try decode(column: column, as: type)
    }
}
