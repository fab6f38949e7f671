import Foundation
import SQLKit
@testable import JunctionStore
import Testing

/// The rows of a multi-row insert: split into statements of at most so many rows, and every value bound in
/// its row and column, on both engines (placeholders are `?` on SQLite and numbered on PostgreSQL).
@Suite struct SQLValueRowsTests {
    @Test(arguments: TestBackend.available)
    func rowsSplitIntoStatementsKeepEveryValueInPlace(_ backend: TestBackend) async throws {
        let junction = try await backend.openJunction()
        var rows = SQLValueRows(width: 3)
        for k in 0..<1_234 { rows.append(Int64(k), "code-\(k)", Self.note(k)) }
        let chunks = rows.chunked(500)
        #expect(rows.count == 1_234 && chunks.map(\.count) == [500, 500, 234])
        #expect(rows.chunked(1_234).map(\.count) == [1_234] && SQLValueRows(width: 2).chunked(500).isEmpty)

        try await junction.database.write { sql in
            try await sql.raw("CREATE TABLE value_rows_check (k BIGINT PRIMARY KEY, code TEXT NOT NULL, note TEXT)").run()
            for chunk in chunks {
                try await sql.raw("INSERT INTO value_rows_check (k, code, note) VALUES \(chunk)").run()
            }
        }
        let read = try await junction.database.read { sql in
            try await sql.raw("SELECT k, code, note FROM value_rows_check ORDER BY k").all(decoding: CheckRow.self)
        }
        #expect(read == (0..<1_234).map { CheckRow(k: Int64($0), code: "code-\($0)", note: Self.note($0)) })
        await junction.shutdown()
    }

    /// Every seventh row has no note, so NULLs are bound among the values too.
    private static func note(_ k: Int) -> String? { k % 7 == 0 ? nil : "note ₹\(k)" }
}

private struct CheckRow: Decodable, Equatable {
    var k: Int64
    var code: String
    var note: String?
}
