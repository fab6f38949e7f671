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

    /// Gives back reserved units (released allocations). One entry per pair, as
    /// `AllocationPlanner.reservations(for:demands:)` sums them.
    static func unreserve(_ units: [StockReservation], now: Int64, on sql: any SQLDatabase) async throws {
        try await take(units, alsoOnHand: false, now: now, on: sql)
    }

    /// Takes dispatched units off on-hand and reserved both: they were reserved until they left. One entry per
    /// pair.
    static func dispatch(_ units: [StockReservation], now: Int64, on sql: any SQLDatabase) async throws {
        try await take(units, alsoOnHand: true, now: now, on: sql)
    }

    /// Subtracts the units from reserved (and on-hand), `chunkSize` pairs to a statement, in pair order so
    /// that two writers of the same pairs take their rows' locks alike.
    private static func take(_ units: [StockReservation], alsoOnHand: Bool, now: Int64, on sql: any SQLDatabase) async throws {
        var values = SQLValueRows(width: 3)
        for unit in units.sorted(by: { ($0.locationCode, $0.articleId) < ($1.locationCode, $1.articleId) }) {
            values.append(unit.locationCode, unit.articleId, Int64(unit.quantity))
        }
        let onHand: SQLQueryString = alsoOnHand ? "on_hand = inventory.on_hand - taken.quantity, " : ""
        for chunk in values.chunked(chunkSize) {
            try await sql.raw("""
                WITH taken (location_code, article_id, quantity) AS (VALUES \(chunk))
                UPDATE inventory SET \(onHand)reserved = inventory.reserved - taken.quantity, updated_at = \(bind: now)
                FROM taken WHERE inventory.location_code = taken.location_code AND inventory.article_id = taken.article_id
                """).run()
        }
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
