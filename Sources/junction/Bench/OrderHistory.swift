import Foundation
import JunctionCore
import JunctionStore
import SQLKit

/// A large order history for the `read` scenario, so that reads are measured at size: one real order is
/// created through the store, then copied `count` times inside the database (header, lines, allocations
/// and its two events, numbered from the event counter), as `SIZE-1` … `SIZE-<count>`. Copies are made in
/// chunks so no transaction grows huge; their allocations hold no stock (they are history, not live demand).
struct OrderHistory {
    static let chunk = 50_000
    let count: Int

    func fill(_ junction: Junction, catalogue: BenchCatalogue) async throws {
        let template = try await junction.orders.create(
            try JSONDecoder().decode(OutwardOrderInput.self, from: Data(OrderJSON.order(code: "SIZE-TEMPLATE",
                                                                                          lines: catalogue.randomListings(3).map { ($0, 1) }).utf8)),
            caller: .partner(name: BenchCatalogue.channel.name, type: .marketplace))
        var copied = 0
        while copied < count {
            let first = copied + 1, last = min(copied + Self.chunk, count)
            try await junction.database.write { sql in try await Self.copy(template, from: first, to: last, on: sql) }
            copied = last
        }
    }

    /// Copies the template order as `SIZE-first` … `SIZE-last` with its lines, allocations and events.
    private static func copy(_ template: Int64, from first: Int, to last: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            WITH RECURSIVE n(i) AS (SELECT \(bind: Int64(first)) UNION ALL SELECT i + 1 FROM n WHERE i < \(bind: Int64(last)))
            INSERT INTO orders (channel_name, order_code, status, order_type, is_priority, on_hold, order_time, requested_location,
                is_split_required, request_hash, document, grand_total, created_at, updated_at)
            SELECT t.channel_name, 'SIZE-' || CAST(n.i AS TEXT), t.status, t.order_type, t.is_priority, t.on_hold, t.order_time,
                t.requested_location, t.is_split_required, t.request_hash, t.document, t.grand_total, t.created_at, t.updated_at
            FROM n, orders t WHERE t.id = \(bind: template)
            """).run()
        let copies: SQLQueryString = """
            SELECT id, order_code FROM orders WHERE channel_name = (SELECT channel_name FROM orders WHERE id = \(bind: template))
              AND order_code IN (SELECT 'SIZE-' || CAST(i AS TEXT) FROM n)
            """
        let series: SQLQueryString = "WITH RECURSIVE n(i) AS (SELECT \(bind: Int64(first)) UNION ALL SELECT i + 1 FROM n WHERE i < \(bind: Int64(last)))"
        try await sql.raw("""
            \(series)
            INSERT INTO order_lines (order_id, line_no, order_item_code, channel_sku_code, article_id, quantity, cancelled,
                selling_price, document, seller_cancelled)
            SELECT c.id, l.line_no, l.order_item_code, l.channel_sku_code, l.article_id, l.quantity, l.cancelled, l.selling_price,
                l.document, l.seller_cancelled
            FROM (\(copies)) c, order_lines l WHERE l.order_id = \(bind: template)
            """).run()
        try await sql.raw("""
            \(series)
            INSERT INTO allocations (order_id, line_no, location_code, units)
            SELECT c.id, a.line_no, a.location_code, a.units FROM (\(copies)) c, allocations a WHERE a.order_id = \(bind: template)
            """).run()
        // Event numbers come from the counter row, as Junction's own writes take them: the row is locked,
        // the copies are numbered after its value and it is moved past them.
        try await sql.raw("UPDATE event_counter SET last_message_id = last_message_id WHERE id = 1").run()
        try await sql.raw("""
            \(series)
            INSERT INTO events (message_id, event_type, aggregate_type, aggregate_code, order_id, channel_name, location_code,
                reason, details, created_at)
            SELECT (SELECT last_message_id FROM event_counter WHERE id = 1) + ROW_NUMBER() OVER (ORDER BY c.id, e.id),
                e.event_type, e.aggregate_type, c.order_code, c.id, e.channel_name, e.location_code, e.reason, e.details, e.created_at
            FROM (\(copies)) c, events e WHERE e.order_id = \(bind: template)
            """).run()
        try await sql.raw("UPDATE event_counter SET last_message_id = (SELECT MAX(message_id) FROM events) WHERE id = 1").run()
    }
}
