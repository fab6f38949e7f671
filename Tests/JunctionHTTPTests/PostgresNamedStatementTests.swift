import Foundation
import SQLKit
@testable import JunctionStore
import Testing

/// Reads on PostgreSQL run as named statements, kept on the connection: these tests hold the pool to one
/// connection, so every read meets what the ones before it left there.
@Suite(.enabled(if: TestBackend.postgresURL != nil))
struct PostgresNamedStatementTests {
    private func openOneConnection() async throws -> Junction {
        try await Junction.open(url: try await TestBackend.postgres.freshDatabaseURL(), maxConnections: 1,
                                logger: TestBackend.logger)
    }

    @Test func aReadIsPreparedOnceAndSeesTheRowsOfEachRun() async throws {
        let junction = try await openOneConnection()
        try await junction.database.write { sql in
            try await sql.raw("CREATE TABLE named_check (k BIGINT PRIMARY KEY, note TEXT)").run()
        }
        let before = try await kept(on: junction)
        for k in 1...5 {
            try await junction.database.write { sql in
                try await sql.raw("INSERT INTO named_check (k, note) VALUES (\(bind: Int64(k)), \(bind: "note \(k)"))").run()
            }
            let notes = try await junction.database.read { sql in
                try await sql.raw("SELECT note FROM named_check WHERE k <= \(bind: Int64(k)) ORDER BY k").all(decoding: Note.self)
            }
            #expect(notes.map(\.note) == (1...k).map { "note \($0)" })
        }
        // One statement more (the writes run in transactions, unnamed), prepared once for five runs.
        let after = try await kept(on: junction)
        #expect(after.isSuperset(of: before) && after.count == before.count + 1)
        await junction.shutdown()
    }

    @Test func theSameTextBoundWithOtherTypesIsAnotherStatement() async throws {
        let junction = try await openOneConnection()
        let before = try await kept(on: junction)
        // Unnamed, PostgreSQL takes an untyped parameter in a select list as text; each run says its type.
        let text = try await junction.database.read { sql in
            try await sql.raw("SELECT \(bind: "42") AS v").first(decoding: TextValue.self)
        }
        let number = try await junction.database.read { sql in
            try await sql.raw("SELECT \(bind: Int64(42)) AS v").first(decoding: NumberValue.self)
        }
        let none = try await junction.database.read { sql in
            try await sql.raw("SELECT \(bind: String?.none) AS v").first(decoding: OptionalText.self)
        }
        #expect(text?.v == "42" && number?.v == 42 && none != nil && none?.v == nil)
        // Three statements kept on the same connection: none of them failed and fell back to running unnamed.
        let after = try await kept(on: junction)
        #expect(after.isSuperset(of: before) && after.count == before.count + 3)
        await junction.shutdown()
    }

    @Test func aStatementOfManyValuesRunsUnnamed() async throws {
        let junction = try await openOneConnection()
        let codes = (0..<(PostgresConnectionSQL.namedStatementBinds + 8)).map { "code-\($0)" }
        let before = try await kept(on: junction)
        let found = try await junction.database.read { sql in
            try await sql.raw("SELECT v FROM unnest(ARRAY[\(binds: codes)]::text[]) AS v ORDER BY v").all(decoding: TextValue.self)
        }
        #expect(found.map(\.v) == codes.sorted())
        #expect(try await kept(on: junction) == before)
        await junction.shutdown()
    }

    /// Page sizes are bound, not written into the text, so the pages a caller may ask for do not fill the
    /// connection with statements.
    @Test func pagesOfEverySizeShareOneStatement() async throws {
        let junction = try await openOneConnection()
        _ = try await junction.orders.list(OrderFilter(limit: 1), caller: .admin)
        let before = try await kept(on: junction)
        for limit in 2...40 { _ = try await junction.orders.list(OrderFilter(limit: limit), caller: .admin) }
        #expect(try await kept(on: junction) == before)
        await junction.shutdown()
    }

    /// PostgresNIO remembers a failure to prepare under the name for good; the connection is closed after
    /// the read, so the same read works, named, once what it needs is there.
    @Test func aReadThatFailedToPrepareWorksOnceItsTableExists() async throws {
        let junction = try await openOneConnection()
        let read: @Sendable () async throws -> [Note] = {
            try await junction.database.read { sql in
                try await sql.raw("SELECT note FROM later_table WHERE k = \(bind: Int64(1))").all(decoding: Note.self)
            }
        }
        await #expect(throws: (any Error).self) { try await read() }
        try await junction.database.write { sql in
            try await sql.raw("CREATE TABLE later_table (k BIGINT PRIMARY KEY, note TEXT)").run()
            try await sql.raw("INSERT INTO later_table (k, note) VALUES (1, 'there now')").run()
        }
        #expect(try await read().map(\.note) == ["there now"])
        // A fresh connection keeps the read now (and the reading of what it keeps).
        #expect(try await kept(on: junction).count == 2)
        await junction.shutdown()
    }

    /// PostgreSQL refuses a kept statement whose result a migration changed; the read still answers (the
    /// statement runs again unnamed) and the next one prepares it afresh on a new connection.
    @Test func aReadWhoseResultAMigrationChangedStillAnswers() async throws {
        let junction = try await openOneConnection()
        try await junction.database.write { sql in
            try await sql.raw("CREATE TABLE changing (k BIGINT PRIMARY KEY, v TEXT NOT NULL)").run()
            try await sql.raw("INSERT INTO changing (k, v) VALUES (1, '12345')").run()
        }
        let readText = try await junction.database.read { sql in
            try await sql.raw("SELECT v FROM changing WHERE k = \(bind: Int64(1))").first(decoding: TextValue.self)
        }
        try await junction.database.write { sql in
            try await sql.raw("ALTER TABLE changing ALTER COLUMN v TYPE BIGINT USING v::bigint").run()
        }
        var readNumbers: [NumberValue?] = []
        for _ in 0..<2 {
            readNumbers.append(try await junction.database.read { sql in
                try await sql.raw("SELECT v FROM changing WHERE k = \(bind: Int64(1))").first(decoding: NumberValue.self)
            })
        }
        #expect(readText?.v == "12345" && readNumbers.map { $0?.v } == [12345, 12345])
        await junction.shutdown()
    }

    /// The names of the statements the (one) connection keeps.
    private func kept(on junction: Junction) async throws -> Set<String> {
        let rows = try await junction.database.read { sql in
            try await sql.raw("SELECT name AS v FROM pg_prepared_statements").all(decoding: TextValue.self)
        }
        return Set(rows.map(\.v))
    }
}

private struct Note: Decodable { var note: String? }
private struct TextValue: Decodable { var v: String }
private struct NumberValue: Decodable { var v: Int64 }
private struct OptionalText: Decodable { var v: String? }
