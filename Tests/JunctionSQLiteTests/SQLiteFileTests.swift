import Foundation
import JunctionSQLite
import Logging
import SQLKit
import Testing

/// The SQLite driver on a real file: values in and out, group commit, readers and closing.
@Suite struct SQLiteFileTests {
    /// Runs `body` with the path of a database file in a fresh directory, removed afterwards.
    private func withPath<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("junction-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory.appendingPathComponent("test.sqlite").path)
    }

    private func withFile<T>(_ body: (SQLiteFile) async throws -> T) async throws -> T {
        try await withPath { path in
            let file = try SQLiteFile(path: path, readers: 2, logger: Logger(label: "sqlite-test"))
            do {
                let result = try await body(file)
                await file.close()
                return result
            } catch {
                await file.close()
                throw error
            }
        }
    }

    @Test func valuesComeBackAsTheyWereBound() async throws {
        try await withFile { file in
            try await file.write { sql in
                try await sql.raw("CREATE TABLE t (i BIGINT, d REAL, s TEXT, n TEXT, b BLOB, f BIGINT, e TEXT, j TEXT)").run()
                let payload = #"{"name":"Asha","quantity":2}"#
                try await sql.raw("""
                    INSERT INTO t VALUES (\(bind: Int64.max), \(bind: 560.5), \(bind: "₹ rupee \"quoted\" 🙂"), \(bind: String?.none),
                        \(bind: [UInt8]([0, 1, 255])), \(bind: true), \(bind: Kind.bundle), \(bind: payload))
                    """).run()
                try await sql.raw("INSERT INTO t (i, s) VALUES (\(bind: -7), \(bind: ""))").run()
            }
            let rows = try await file.read { sql in
                try await sql.raw("SELECT i, d, s, n, b, f, e, j FROM t ORDER BY i DESC").all(decoding: Row.self)
            }
            #expect(rows.count == 2)
            #expect(rows[0] == Row(i: Int64.max, d: 560.5, s: "₹ rupee \"quoted\" 🙂", n: nil, b: [0, 1, 255], f: true,
                                   e: .bundle, j: Line(name: "Asha", quantity: 2)))
            #expect(rows[1].i == -7 && rows[1].s == "" && rows[1].d == nil && rows[1].f == nil && rows[1].j == nil)
        }
    }

    @Test func aFailingTransactionRollsBackAloneWhileTheOthersOfItsBatchCommit() async throws {
        try await withFile { file in
            try await file.write { sql in try await sql.raw("CREATE TABLE t (k BIGINT PRIMARY KEY)").run() }
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for k in 0..<60 {
                    group.addTask {
                        do {
                            let written = try await file.write { sql in
                                try await sql.raw("INSERT INTO t (k) VALUES (\(bind: k))").run()
                                if k % 5 == 0 { throw Refused() }
                                return k
                            }
                            return (written, true)
                        } catch is Refused {
                            return (k, false)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            let stored = try await file.read { sql in
                try await sql.raw("SELECT k FROM t ORDER BY k").all(decoding: KeyRow.self).map(\.k)
            }
            #expect(stored == (0..<60).filter { $0 % 5 != 0 })
            #expect(outcomes.filter(\.value).keys.sorted() == stored)
        }
    }

    @Test func oneStatementAtATimeAndClosingFinishesQueuedWrites() async throws {
        try await withPath { path in try await oneStatementAtATimeAndClosingFinishesQueuedWrites(path) }
    }

    private func oneStatementAtATimeAndClosingFinishesQueuedWrites(_ path: String) async throws {
        let file = try SQLiteFile(path: path, logger: Logger(label: "sqlite-test"))
        await #expect(throws: (any Error).self) {
            try await file.write { sql in try await sql.raw("CREATE TABLE a (x BIGINT); CREATE TABLE b (y BIGINT)").run() }
        }
        try await file.write { sql in try await sql.raw("CREATE TABLE t (k BIGINT)").run() }
        let queued = (0..<20).map { k in Task { try await file.write { sql in try await sql.raw("INSERT INTO t VALUES (\(bind: k))").run() } } }
        await file.close()
        var committed = 0
        for task in queued { if (try? await task.value) != nil { committed += 1 } }
        await #expect(throws: SQLiteClosed.self) { try await file.write { _ in 1 } }
        let reopened = try SQLiteFile(path: path, logger: Logger(label: "sqlite-test"))
        let count = try await reopened.read { sql in
            try await sql.raw("SELECT COUNT(*) AS k FROM t").first(decoding: KeyRow.self)?.k
        }
        await reopened.close()
        #expect(count == committed)
        let tables = try await SQLiteFileTests.tableNames(path)
        #expect(!tables.contains("a") && !tables.contains("b"))
    }

    @Test func theWriteAheadLogStaysBoundedUnderSteadyWrites() async throws {
        try await withPath { path in try await theWriteAheadLogStaysBounded(path) }
    }

    private func theWriteAheadLogStaysBounded(_ path: String) async throws {
        // 1,000 pages (4 MB) instead of the 40 MB a server lets the log grow to, so that a few seconds of
        // writes show the bound.
        let file = try SQLiteFile(path: path, checkpointPages: 1_000, logger: Logger(label: "sqlite-test"))
        try await file.write { sql in try await sql.raw("CREATE TABLE t (k BIGINT, payload TEXT)").run() }
        let payload = String(repeating: "x", count: 8_000)
        for round in 0..<40 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<50 {
                    group.addTask { try await file.write { sql in
                        try await sql.raw("INSERT INTO t VALUES (\(bind: round * 50 + k), \(bind: payload))").run()
                    } }
                }
                try await group.waitForAll()
            }
        }
        let written = 40 * 50 * payload.utf8.count
        let wal = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        await file.close()
        #expect(wal < written / 2, "the log holds \(wal) bytes after \(written) bytes were written")
    }

    /// The writer's log writes are gathered and passed on at each commit's sync (`log_buffer_vfs.c`):
    /// readers, which read the log through SQLite's default VFS, must see every commit whole as soon as it
    /// returns, through log restarts and a commit larger than what is gathered at once, and the file must
    /// read back the same after it is closed and opened again.
    @Test func everyCommitReachesTheLogWhole() async throws {
        try await withPath { path in
            let file = try SQLiteFile(path: path, readers: 2, checkpointPages: 300, logger: Logger(label: "sqlite-test"))
            try await file.write { sql in try await sql.raw("CREATE TABLE t (k BIGINT PRIMARY KEY, payload BLOB)").run() }
            var expected: [Int: [UInt8]] = [:]
            var generator = SystemRandomNumberGenerator()
            for round in 0..<12 {
                let rows = (0..<25).map { offset in
                    (round * 25 + offset, (0..<Int.random(in: 1...20_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (k, payload) in rows {
                        group.addTask { try await file.write { sql in
                            try await sql.raw("INSERT INTO t VALUES (\(bind: k), \(bind: payload))").run()
                        } }
                    }
                    try await group.waitForAll()
                }
                for (k, payload) in rows { expected[k] = payload }
                #expect(try await SQLiteFileTests.payloads(file) == expected, "after round \(round)")
            }
            let large = (0..<10).map { offset in (10_000 + offset, [UInt8](repeating: UInt8(offset), count: 1_200_000)) }
            try await file.write { sql in
                for (k, payload) in large { try await sql.raw("INSERT INTO t VALUES (\(bind: k), \(bind: payload))").run() }
            }
            for (k, payload) in large { expected[k] = payload }
            #expect(try await SQLiteFileTests.payloads(file) == expected)
            await file.close()

            let reopened = try SQLiteFile(path: path, readers: 1, logger: Logger(label: "sqlite-test"))
            let check = try await reopened.read { sql in
                try await sql.raw("PRAGMA integrity_check").all(decoding: IntegrityRow.self).map(\.integrity_check)
            }
            #expect(check == ["ok"])
            #expect(try await SQLiteFileTests.payloads(reopened) == expected)
            await reopened.close()
        }
    }

    private static func payloads(_ file: SQLiteFile) async throws -> [Int: [UInt8]] {
        let rows = try await file.read { sql in try await sql.raw("SELECT k, payload FROM t").all(decoding: PayloadRow.self) }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.k, $0.payload) })
    }

    private static func tableNames(_ path: String) async throws -> [String] {
        let file = try SQLiteFile(path: path, logger: Logger(label: "sqlite-test"))
        let names = try await file.read { sql in
            try await sql.raw("SELECT name AS s FROM sqlite_master WHERE type = 'table'").all(decoding: NameRow.self).map(\.s)
        }
        await file.close()
        return names
    }
}

private struct Refused: Error {}
private struct KeyRow: Decodable { var k: Int }
private struct NameRow: Decodable { var s: String }
private struct PayloadRow: Decodable { var k: Int; var payload: [UInt8] }
private struct IntegrityRow: Decodable { var integrity_check: String }
private enum Kind: String, Codable, Sendable { case simple, bundle }
private struct Line: Codable, Equatable { var name: String; var quantity: Int }
private struct Row: Decodable, Equatable {
    var i: Int64
    var d: Double?
    var s: String
    var n: String?
    var b: [UInt8]?
    var f: Bool?
    var e: Kind?
    var j: Line?
}
