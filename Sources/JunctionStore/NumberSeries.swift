import SQLKit

/// Gap-free counters (invoice numbers per location and financial year, AWBs per transporter).
///
/// The next number is taken with one conditional update in the caller's transaction: concurrent takers
/// queue on the row, and a rolled-back transaction gives its number back, so numbers are never reused
/// and never skipped.
enum NumberSeries {
    static func next(_ series: String, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("INSERT INTO number_series (series, next_number) VALUES (\(bind: series), 1) ON CONFLICT (series) DO NOTHING").run()
        return try await sql.raw("""
            UPDATE number_series SET next_number = next_number + 1 WHERE series = \(bind: series) RETURNING next_number - 1 AS id
            """).first(decoding: IdRow.self)!.id
    }
}
