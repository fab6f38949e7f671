import JunctionCore
import SQLKit

/// A (location, article) pair: the key of a stock row.
struct StockKey: Hashable, Sendable {
    var locationCode: String
    var articleId: Int64
}

/// Stock rows read and written many at a time: an absolute update can carry a warehouse's whole stock, and
/// a statement per entry made a sync of 30,000 entries hold its rows (and the creates that reserve them)
/// for seconds on PostgreSQL.
enum StockRows {
    /// Rows per statement.
    static let chunkSize = 500

    /// The stored rows of `keys`, by key; a pair without a row is absent.
    static func read(_ keys: Set<StockKey>, on sql: any SQLDatabase) async throws -> [StockKey: InventoryRow] {
        var found: [StockKey: InventoryRow] = [:]
        for (location, pairs) in Dictionary(grouping: keys, by: \.locationCode) {
            for articles in pairs.map(\.articleId).chunked(chunkSize) {
                for row in try await sql.raw("""
                    SELECT location_code, article_id, on_hand, reserved, buffer FROM inventory
                    WHERE location_code = \(bind: location) AND article_id IN (\(binds: Array(articles)))
                    """).all(reading: InventoryRow.self) {
                    found[StockKey(locationCode: row.location_code, articleId: row.article_id)] = row
                }
            }
        }
        return found
    }

    /// Sets on-hand and buffer of each pair to its level's (a reservation stays as stored), creating missing
    /// rows with nothing reserved. A pair must appear at most once.
    static func setOnHand(_ rows: [(key: StockKey, level: StockLevel)], now: Int64, on sql: any SQLDatabase) async throws {
        var values = SQLValueRows(width: 6)
        for (key, level) in rows {
            values.append(key.locationCode, key.articleId, Int64(level.onHand), Int64(0), Int64(level.buffer), now)
        }
        for chunk in values.chunked(chunkSize) {
            try await sql.raw("""
                INSERT INTO inventory (location_code, article_id, on_hand, reserved, buffer, updated_at) VALUES \(chunk)
                ON CONFLICT (location_code, article_id) DO UPDATE SET on_hand = excluded.on_hand,
                    buffer = excluded.buffer, updated_at = excluded.updated_at
                """).run()
        }
    }
}
