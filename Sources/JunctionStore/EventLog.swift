import Foundation
import JunctionCore
import SQLKit

/// The transactional outbox: events are written in the same transaction as the change they report, with a
/// gap-free `messageId` in commit order.
///
/// Numbers are taken from the one row of `event_counter`. Taking them updates the row, which stays locked
/// until the taker's transaction ends: the next taker waits for that commit (or rollback, which gives the
/// numbers back) and then gets the number after the last one committed. So numbers are taken, and
/// committed, one transaction at a time in order.
///
/// On SQLite there is one writer and transactions commit in the order they run, so every event takes its
/// `messageId` as it is inserted. On PostgreSQL, holding the row from insert to commit would make every
/// writer of events wait for the others; there a row gets only an internal `id` at insert, and a sequencer
/// (holding the counter row) gives committed rows the next `messageId`s in `id` order. A transaction whose
/// events are its last write (order creation, the hot path) takes the row itself and numbers them as it
/// inserts them: it holds the row only for its last statement and its commit, and waits for nothing else
/// meanwhile (no deadlock can involve it). Readers page by `messageId`, which only ever grows, so nothing is
/// skipped. Delivery reads the same table by `messageId` and keeps its own cursor per partner.
public enum EventLog {
    /// Writes events for one aggregate (and order, when it is one) in the caller's transaction.
    static func append(_ events: [NewEvent], orderId: Int64?, on sql: any SQLDatabase) async throws {
        try await append(events.map(EncodedEvent.init), orderId: orderId, on: sql)
    }

    /// Writes events whose details are already encoded (encoding them outside the transaction keeps it short).
    static func append(_ events: [EncodedEvent], orderId: Int64?, on sql: any SQLDatabase) async throws {
        try await append([(orderId, events)], on: sql)
    }

    /// Writes the events of several orders (or of none, with a `nil` id), numbered in the order given.
    static func append(_ batches: [(orderId: Int64?, events: [EncodedEvent])], on sql: any SQLDatabase) async throws {
        try await append(batches, numberNow: numberedAtInsert(sql), on: sql)
    }

    /// Writes events as the last write of the caller's transaction (nothing but its commit may follow):
    /// numbered as they are inserted on both engines, so no sequencing pass is needed after the commit.
    static func appendLast(_ batches: [(orderId: Int64?, events: [EncodedEvent])], on sql: any SQLDatabase) async throws {
        try await append(batches, numberNow: true, on: sql)
    }

    private static func append(_ batches: [(orderId: Int64?, events: [EncodedEvent])], numberNow: Bool,
                               on sql: any SQLDatabase) async throws {
        let count = batches.reduce(0) { $0 + $1.events.count }
        guard count > 0 else { return }
        var nextMessageId = numberNow ? try await takeMessageIds(count, on: sql) + 1 : nil
        var rows = SQLValueRows(width: 10)
        let now = Clock.nowMillis()
        for (orderId, events) in batches {
            for encoded in events {
                let event = encoded.event
                rows.append(orderId, nextMessageId, event.type.rawValue, event.aggregateType, event.aggregateCode,
                            event.channelName, event.locationCode, event.reason, encoded.details, now)
                nextMessageId? += 1
            }
        }
        for chunk in rows.chunked(500) {
            try await sql.raw("INSERT INTO events (\(columns)) VALUES \(chunk)").run()
        }
    }

    /// The columns an event's row fills, in the order ``append(_:numberNow:on:)`` gives them.
    private static let columns: SQLQueryString = """
        order_id, message_id, event_type, aggregate_type, aggregate_code, channel_name, location_code, reason, details, created_at
        """

    /// Whether events are numbered as they are inserted: on SQLite, whose one writer commits in order.
    private static func numberedAtInsert(_ sql: any SQLDatabase) -> Bool {
        sql.dialect.name == "sqlite"
    }

    /// Takes the next `count` numbers and returns the last number before them; the counter row stays locked
    /// until the transaction ends.
    private static func takeMessageIds(_ count: Int, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("""
            UPDATE event_counter SET last_message_id = last_message_id + \(bind: Int64(count)) WHERE id = 1
            RETURNING last_message_id - \(bind: Int64(count)) AS id
            """).first(decoding: IdRow.self)!.id
    }

    /// Locks the counter row for a sequencing pass: waits for it, or, with `skipIfBusy`, answers false at once
    /// when another transaction holds it.
    static func lockCounter(skipIfBusy: Bool, on sql: any SQLDatabase) async throws -> Bool {
        let wait: SQLQueryString = skipIfBusy ? " SKIP LOCKED" : ""
        return try await sql.raw("SELECT id FROM event_counter WHERE id = 1 FOR UPDATE\(wait)").first(decoding: IdRow.self) != nil
    }

    /// Gives every committed, unnumbered event the next `messageId`, in insertion order, and moves the counter
    /// past them. The caller holds the counter row (``lockCounter(skipIfBusy:on:)``), so this statement sees
    /// its last committed value.
    static func sequence(_ sql: any SQLDatabase) async throws {
        try await sql.raw("""
            WITH numbered AS (
                UPDATE events SET message_id = counter.last_message_id + pending.rn
                FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM events WHERE message_id IS NULL) AS pending,
                     event_counter AS counter
                WHERE events.id = pending.id AND counter.id = 1
                RETURNING events.id)
            UPDATE event_counter SET last_message_id = last_message_id + (SELECT COUNT(*) FROM numbered) WHERE id = 1
            """).run()
    }
}

/// An event with its details as the JSON text to store.
struct EncodedEvent: Sendable {
    var event: NewEvent
    var details: String

    init(_ event: NewEvent) {
        self.event = event
        details = JSONValue.jsonText(of: event.details)
    }
}

/// A stored event as readers see it.
public struct StoredEvent: Sendable, Codable, Hashable {
    public var messageId: Int64?
    public var eventType: String
    public var aggregateType: String
    public var aggregateCode: String
    public var channelName: String?
    public var locationCode: String?
    public var reason: String
    public var details: [String: JSONValue]
    public var eventTime: String
}

struct EventRow: SQLRowReadable {
    var message_id: Int64?
    var event_type: String
    var aggregate_type: String
    var aggregate_code: String
    var channel_name: String?
    var location_code: String?
    var reason: String
    var details: String
    var created_at: Int64

    init(row: any SQLRow) throws {
        message_id = try row.decodeOptional(column: "message_id", as: Int64.self)
        event_type = try row.decode(column: "event_type", as: String.self)
        aggregate_type = try row.decode(column: "aggregate_type", as: String.self)
        aggregate_code = try row.decode(column: "aggregate_code", as: String.self)
        channel_name = try row.decodeOptional(column: "channel_name", as: String.self)
        location_code = try row.decodeOptional(column: "location_code", as: String.self)
        reason = try row.decode(column: "reason", as: String.self)
        details = try row.decode(column: "details", as: String.self)
        created_at = try row.decode(column: "created_at", as: Int64.self)
    }

    func stored() throws -> StoredEvent {
        StoredEvent(messageId: message_id, eventType: event_type, aggregateType: aggregate_type,
                    aggregateCode: aggregate_code, channelName: channel_name, locationCode: location_code,
                    reason: reason, details: try JSONValue.parseObject(details),
                    eventTime: Timestamp(millis: created_at).iso8601)
    }
}
