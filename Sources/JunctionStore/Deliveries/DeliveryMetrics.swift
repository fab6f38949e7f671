import JunctionCore
import SQLKit

/// How delivery stands per partner: messages by status, and the age of the oldest one not yet delivered.
public struct DeliveryMetrics: Sendable, Hashable {
    /// partner → status → messages.
    public var counts: [String: [DeliveryStatus: Int]]
    /// partner → seconds since the oldest undelivered message was planned (0 when none waits).
    public var lagSeconds: [String: Double]
    /// Events not yet planned into messages.
    public var unplannedEvents: Int
}

extension DeliveryStore {
    /// The current delivery metrics.
    public func metrics() async throws -> DeliveryMetrics {
        try await database.read { sql in
            var counts: [String: [DeliveryStatus: Int]] = [:]
            for row in try await sql.raw("SELECT partner, status, COUNT(*) AS n FROM deliveries GROUP BY partner, status")
                .all(decoding: CountRow.self) {
                if let status = DeliveryStatus(rawValue: row.status) { counts[row.partner, default: [:]][status] = row.n }
            }
            let now = Clock.nowMillis()
            var lag: [String: Double] = [:]
            for row in try await sql.raw("""
                SELECT partner, MIN(created_at) AS oldest FROM deliveries WHERE status <> 'DELIVERED' GROUP BY partner
                """).all(decoding: OldestRow.self) {
                lag[row.partner] = Double(max(0, now - row.oldest)) / 1000
            }
            for partner in counts.keys where lag[partner] == nil { lag[partner] = 0 }
            let unplanned = try await sql.raw("""
                SELECT COUNT(*) AS n FROM events
                WHERE message_id > (SELECT CAST(value AS BIGINT) FROM settings WHERE name = 'delivery_cursor')
                """).first(decoding: CountOnlyRow.self)?.n ?? 0
            return DeliveryMetrics(counts: counts, lagSeconds: lag, unplannedEvents: unplanned)
        }
    }
}

private struct CountRow: Decodable { var partner: String; var status: String; var n: Int }
private struct OldestRow: Decodable { var partner: String; var oldest: Int64 }
private struct CountOnlyRow: Decodable { var n: Int }
