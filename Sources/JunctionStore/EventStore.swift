import JunctionCore
import SQLKit

/// Reading the event log by `messageId`.
public struct EventStore: Sendable {
    let database: any JunctionDatabase

    /// Events after `after`, oldest first; a partner sees only its own channel's events.
    public func page(after: Int64, types: [String], limit: Int, caller: Caller) async throws -> [StoredEvent] {
        try await database.sequenceEvents()
        var conditions: [SQLQueryString] = ["message_id > \(bind: after)"]
        if !types.isEmpty { conditions.append("event_type IN (\(binds: types))") }
        if let channel = caller.partnerName { conditions.append("channel_name = \(bind: channel)") }
        let whereClause = conditions.joined(separator: " AND ")
        return try await database.read { sql in
            try await sql.raw("""
                SELECT message_id, event_type, aggregate_type, aggregate_code, channel_name, location_code, reason, details, created_at
                FROM events WHERE \(whereClause) ORDER BY message_id LIMIT \(bind: Int64(min(max(limit, 1), 1000)))
                """).all(reading: EventRow.self).map { try $0.stored() }
        }
    }
}
