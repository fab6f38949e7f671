import Foundation
import JunctionStore
import Logging
import SQLKit

/// The database a bench run uses: a fresh SQLite file in a temporary directory, or the (empty) database
/// given by `--database-url`.
struct BenchDatabase {
    let junction: Junction
    /// The temporary directory to remove afterwards, for the SQLite default.
    private let scratch: URL?

    static func open(url: String?, logger: Logger) async throws -> BenchDatabase {
        var scratch: URL?
        let location: String
        if let url {
            location = url
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("junction-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            scratch = directory
            location = "sqlite://" + directory.appendingPathComponent("bench.sqlite").path
        }
        let junction = try await Junction.open(url: location, logger: logger)
        let database = BenchDatabase(junction: junction, scratch: scratch)
        do {
            try await database.requireEmpty()
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Refuses a database that already holds channels, articles or orders.
    private func requireEmpty() async throws {
        let rows = try await junction.database.read { sql in
            try await sql.raw("""
                SELECT CAST((SELECT COUNT(*) FROM channels) + (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM orders) AS BIGINT) AS n
                """).first(decoding: CountRow.self)?.n ?? 0
        }
        guard rows == 0 else { throw BenchError("the database must be empty: it already holds channels, articles or orders") }
    }

    /// Closes the database and removes the temporary directory, if any.
    func close() async {
        await junction.shutdown()
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }
}

private struct CountRow: Decodable { var n: Int }
