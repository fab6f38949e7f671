import JunctionCore
import PostgresNIO
import SQLKit

/// Writes checked and planned orders on PostgreSQL with one statement: the orders, their lines, the
/// reservation of their stock, their allocations and their events, as data-modifying parts of one `WITH`,
/// so that the write is one round trip and commits by itself.
///
/// Each order is keyed by its place in the batch (`ix`); an order whose code another transaction took
/// meanwhile is skipped by `ON CONFLICT DO NOTHING`, and so are its lines, events and stock. The
/// reservation is the conditional update of ``Allocator/reservingUpdate(from:)``: a (location, article)
/// whose stock no longer fits is not updated. When fewer rows were reserved than wanted, the statement
/// divides by zero on purpose, which aborts it whole (nothing of it is kept), and ``run(_:on:)`` throws
/// ``ReservationRace`` so that the batch is planned again on fresh figures.
enum OrderInsertStatement {
    /// An order to write, with the plan it was checked against (`nil`: it waits for stock).
    struct Entry: Sendable {
        var order: PreparedOrder
        var plan: [LineAllocation]?
    }

    /// Inserts the orders and returns the new ids by place in `entries`; a place without an id is an
    /// order whose code was taken first.
    static func run(_ entries: [Entry], on sql: any SQLDatabase) async throws -> [Int: Int64] {
        guard !entries.isEmpty else { return [:] }
        do {
            let rows = try await sql.raw(statement(entries)).all(decoding: InsertedRow.self)
            return Dictionary(rows.map { ($0.ix, $0.id) }, uniquingKeysWith: { first, _ in first })
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == divisionByZero {
            throw ReservationRace()
        }
    }

    private static let divisionByZero = "22012"

    private static func statement(_ entries: [Entry]) -> SQLQueryString {
        let keyed = entries.enumerated()
        var parts: [SQLQueryString] = [
            "keys (ix, channel_name, order_code) AS (VALUES \(SQLRows.list(keyed.map { "\(bind: $0), \(bind: $1.order.channel), \(bind: $1.order.draft.orderCode)" })))",
            """
            new_orders AS (
                INSERT INTO orders (\(OrderRecords.orderColumns))
                VALUES \(SQLRows.list(entries.map { OrderRecords.orderValues($0.order, status: $0.plan == nil ? .unallocated : .allocated) }))
                ON CONFLICT (channel_name, order_code) DO NOTHING RETURNING id, channel_name, order_code)
            """,
            """
            new_keyed AS (
                SELECT k.ix, o.id FROM new_orders o JOIN keys k ON k.channel_name = o.channel_name AND k.order_code = o.order_code)
            """,
            childInsert("new_lines", table: "order_lines", columns: OrderRecords.lineValueColumns,
                        rows: keyed.flatMap { ix, entry in OrderRecords.lineValues(entry.order).map { (ix, $0) } }),
            childInsert("new_events", table: "events", columns: EventLog.valueColumns,
                        rows: keyed.flatMap { ix, entry in
                            EventLog.values(entry.order.events(allocated: entry.plan), firstMessageId: nil).map { (ix, $0) }
                        }),
        ]
        let reservations = keyed.flatMap { ix, entry in
            AllocationPlanner.reservations(for: entry.plan ?? [], demands: entry.order.demands).map { (ix, $0) }
        }
        guard !reservations.isEmpty else {
            return "WITH \(parts.joined(separator: ", ")) SELECT ix, id FROM new_keyed"
        }
        let wanted = reservations.map { ix, wanted -> SQLQueryString in
            "\(bind: ix), \(bind: wanted.locationCode), \(bind: wanted.articleId), \(bind: Int64(wanted.quantity))"
        }
        parts += [
            "wanted_by_order (ix, location_code, article_id, quantity) AS (VALUES \(SQLRows.list(wanted)))",
            """
            wanted AS (
                SELECT w.location_code, w.article_id, CAST(SUM(w.quantity) AS BIGINT) AS quantity
                FROM wanted_by_order w JOIN new_keyed n ON n.ix = w.ix GROUP BY w.location_code, w.article_id)
            """,
            "reserved AS (\(Allocator.reservingUpdate(from: "wanted")))",
            childInsert("new_allocations", table: "allocations", columns: Allocator.allocationValueColumns,
                        rows: keyed.flatMap { ix, entry in Allocator.allocationValues(entry.plan ?? []).map { (ix, $0) } }),
        ]
        return """
            WITH \(parts.joined(separator: ", "))
            SELECT ix, id, 1 / CASE WHEN (SELECT COUNT(*) FROM reserved) = (SELECT COUNT(*) FROM wanted) THEN 1 ELSE 0 END AS reserved_all
            FROM new_keyed
            """
    }

    /// `name AS (INSERT INTO table (order_id, columns) …)` of `rows` (each the values of `columns` for the
    /// order at place `ix`), for the orders that were inserted.
    private static func childInsert(_ name: SQLQueryString, table: SQLQueryString, columns: SQLQueryString,
                                    rows: [(ix: Int, values: SQLQueryString)]) -> SQLQueryString {
        guard !rows.isEmpty else { return "\(name) AS (SELECT 1)" }
        return """
            \(name) AS (
                INSERT INTO \(table) (order_id, \(columns))
                SELECT n.id, \(columns) FROM new_keyed n
                JOIN (VALUES \(SQLRows.list(rows.map { "\(bind: $0.ix), \($0.values)" }))) AS v (ix, \(columns)) ON v.ix = n.ix)
            """
    }
}

private struct InsertedRow: Decodable {
    var ix: Int
    var id: Int64
}
