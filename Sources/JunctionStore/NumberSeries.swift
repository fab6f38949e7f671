import SQLKit

/// Gap-free counters (invoice numbers per location and financial year, AWBs per transporter).
///
/// The next number is taken with one upsert in the caller's transaction (a new series starts at 1):
/// concurrent takers queue on the row, and a rolled-back transaction gives its number back, so numbers are
/// never reused and never skipped.
enum NumberSeries {
    static func next(_ series: String, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("""
            INSERT INTO number_series (series, next_number) VALUES (\(bind: series), 2)
            ON CONFLICT (series) DO UPDATE SET next_number = number_series.next_number + 1
            RETURNING next_number - 1 AS id
            """).first(decoding: IdRow.self)!.id
    }
}
