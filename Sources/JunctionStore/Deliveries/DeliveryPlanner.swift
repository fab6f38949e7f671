import JunctionCore
import SQLKit

extension DeliveryStore {
    /// Moves the planning cursor to the end of the log: events already written are never turned into
    /// messages (the bench uses it so that one scenario's deliveries are not another's backlog).
    public func skipPlanningToEndOfLog() async throws {
        try await database.sequenceEvents()
        try await database.write { sql in
            try await sql.raw("""
                UPDATE settings SET value = CAST((SELECT COALESCE(MAX(message_id), 0) FROM events) AS TEXT)
                WHERE name = 'delivery_cursor'
                """).run()
        }
    }

    /// Turns numbered events after the planning cursor into messages, in one transaction that also moves the
    /// cursor, so each event is planned once even with several processes (the cursor row is locked) and a
    /// crash loses nothing (the events stay until planned). Returns how many events were read.
    @discardableResult
    public func plan(limit: Int) async throws -> Int {
        try await database.sequenceEvents()
        let baseURL = documentBaseURL
        let waiting = try await database.read { sql in
            try await sql.raw("""
                SELECT message_id AS id FROM events
                WHERE message_id > (SELECT CAST(value AS BIGINT) FROM settings WHERE name = 'delivery_cursor')
                ORDER BY message_id LIMIT 1
                """).first(decoding: IdRow.self) != nil
        }
        guard waiting else { return 0 }
        return try await database.write { sql in
            let cursor = try await sql.raw("""
                UPDATE settings SET value = value WHERE name = 'delivery_cursor' RETURNING value AS document
                """).first(decoding: DocumentRow.self).flatMap { Int64($0.document) } ?? 0
            let events = try await sql.raw("""
                SELECT message_id, event_type, order_id, channel_name, location_code, details, created_at FROM events
                WHERE message_id > \(bind: cursor) ORDER BY message_id LIMIT \(literal: limit)
                """).all(decoding: PlannedEventRow.self)
            guard let last = events.last else { return 0 }
            let partners = try await Self.partnerConfigs(on: sql)
            let pushesATP = partners.values.contains { $0.url(for: .locationAtp) != nil || $0.url(for: .consolidatedAtp) != nil }
            try await Self.insert(try await DeliveryRouting.messages(for: events, partners: partners, baseURL: baseURL, on: sql), on: sql)
            if pushesATP { try await AtpChanges.mark(events, on: sql) }
            try await sql.raw("UPDATE settings SET value = \(bind: String(last.message_id)) WHERE name = 'delivery_cursor'").run()
            return events.count
        }
    }

    /// Sends the latest ATP of everything marked since the last call (§3.3, §3.4); each push gets its own
    /// `messageId` from the ATP series. Returns how many messages were planned.
    @discardableResult
    public func flushAtp(limit: Int = 5000) async throws -> Int {
        let marked = try await database.read { sql in
            try await sql.raw("SELECT article_id AS id FROM atp_dirty LIMIT 1").first(decoding: IdRow.self) != nil
        }
        guard marked else { return 0 }
        return try await database.write { sql in
            let marks = try await AtpChanges.take(limit: limit, on: sql)
            guard !marks.isEmpty else { return 0 }
            let messages = try await AtpPushes.messages(marks: marks, partners: try await Self.partnerConfigs(on: sql), on: sql)
            try await Self.insert(messages, on: sql)
            return messages.count
        }
    }

    /// Stores messages in their order (which is the order they are claimed in), a few hundred per statement;
    /// a message already stored (same partner, call, `messageId` and sequence) is left as it is.
    private static func insert(_ messages: [PlannedMessage], on sql: any SQLDatabase) async throws {
        var rows = SQLValueRows(width: 11)
        let now = Clock.nowMillis()
        for message in messages {
            rows.append(message.partner, message.call.rawValue, message.messageId, message.eventType, message.sequenceKey, message.url,
                        message.payload, DeliveryStatus.pending.rawValue, 0, message.dueAt, now)
        }
        for chunk in rows.chunked(200) {
            try await sql.raw("""
                INSERT INTO deliveries (partner, call, message_id, event_type, sequence_key, url, payload, status, attempts,
                    next_attempt_at, created_at)
                VALUES \(chunk)
                ON CONFLICT (partner, call, message_id, sequence_key) DO NOTHING
                """).run()
        }
    }
}

struct PlannedEventRow: Decodable, Sendable {
    var message_id: Int64
    var event_type: String
    var order_id: Int64?
    var channel_name: String?
    var location_code: String?
    var details: String
    var created_at: Int64

    /// The details as JSON (null if unreadable); read it once per event.
    var parsedDetails: JSONValue { (try? JSONValue.parse(details)) ?? .null }
}

/// A message ready to be stored for delivery.
struct PlannedMessage: Sendable {
    var partner: String
    var call: OutboundCall
    var url: String
    /// The partner's `messageId`: the event's, or for an ATP push its own.
    var messageId: Int64
    var eventType: String
    var sequenceKey: String
    var payload: String
    var dueAt: Int64
}

extension OutboundConfig {
    /// When a message of an event at `millis` is first due: at once, or at the end of the partner's batch
    /// window (`batchSeconds`), so that batched partners receive their messages together.
    func firstAttempt(after millis: Int64) -> Int64 {
        guard let seconds = batchSeconds, seconds > 0 else { return millis }
        let window = Int64(seconds) * 1000
        return (millis / window + 1) * window
    }
}
