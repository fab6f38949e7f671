import JunctionCore
import PostgresNIO
import SQLKit

/// Writes a checked and planned order on PostgreSQL with one statement: the order, its lines, the
/// reservation of its stock, its allocations and its events, as data-modifying parts of one `WITH`, so
/// that the write is one round trip and commits by itself.
///
/// The reservation is the same conditional update as in ``Allocator/reserve(_:orderId:demands:on:)``: a
/// (location, article) whose stock no longer fits is not updated. When fewer rows were reserved than
/// planned, the statement divides by zero on purpose, which aborts it whole (nothing of it is kept), and
/// ``run(_:plan:on:)`` throws ``ReservationRace`` so that the caller plans again on fresh figures.
enum OrderInsertStatement {
    /// Inserts the order and returns its id, or `nil` when the channel already has an order with its code.
    static func run(_ order: PreparedOrder, plan: [LineAllocation]?, on sql: any SQLDatabase) async throws -> Int64? {
        do {
            return try await sql.raw(statement(order, plan: plan)).first(decoding: IdRow.self)?.id
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == divisionByZero {
            throw ReservationRace()
        }
    }

    private static let divisionByZero = "22012"

    private static func statement(_ order: PreparedOrder, plan: [LineAllocation]?) -> SQLQueryString {
        let status: OrderStatus = plan == nil ? .unallocated : .allocated
        var parts: [SQLQueryString] = [
            """
            new_order AS (
                INSERT INTO orders (\(OrderRecords.orderColumns)) VALUES \(OrderRecords.orderValues(order, status: status))
                ON CONFLICT (channel_name, order_code) DO NOTHING RETURNING id)
            """,
            """
            new_lines AS (
                INSERT INTO order_lines (\(OrderRecords.lineColumns))
                SELECT new_order.id, v.* FROM new_order, (VALUES \(OrderRecords.lineRows(order).joined(separator: ", "))) AS v)
            """,
            """
            new_events AS (
                INSERT INTO events (\(EventLog.columns))
                SELECT new_order.id, v.* FROM new_order, (VALUES \(EventLog.rows(order.events(allocated: plan), firstMessageId: nil))) AS v)
            """,
        ]
        let reservations = plan.map { AllocationPlanner.reservations(for: $0, demands: order.demands) } ?? []
        guard let plan, !reservations.isEmpty else {
            return "WITH \(parts.joined(separator: ", ")) SELECT id FROM new_order"
        }
        parts += [
            "wanted (location_code, article_id, quantity) AS (VALUES \(Allocator.wantedRows(reservations)))",
            "reserved AS (\(Allocator.reservingUpdate(from: "wanted, new_order")))",
            """
            new_allocations AS (
                INSERT INTO allocations (\(Allocator.allocationColumns))
                SELECT new_order.id, v.* FROM new_order, (VALUES \(Allocator.allocationRows(plan))) AS v)
            """,
        ]
        return """
            WITH \(parts.joined(separator: ", "))
            SELECT id, 1 / CASE WHEN (SELECT COUNT(*) FROM reserved) = \(literal: reservations.count) THEN 1 ELSE 0 END AS reserved_all
            FROM new_order
            """
    }
}
