import JunctionCore
import SQLKit

/// Reading and writing the rows of one order.
enum OrderRecords {
    static func find(channel: String?, code: String, on sql: any SQLDatabase) async throws -> [OrderRow] {
        try await sql.raw("SELECT \(OrderRow.qualifiedColumns) FROM orders o WHERE \(codeCondition(channel: channel, code: code))")
            .all(reading: OrderRow.self)
    }

    /// Locks the order's row until the transaction ends and returns it as last committed, so that two
    /// changes of one order (on PostgreSQL, from any process) run one after the other on fresh state.
    static func lock(_ order: OrderRow, on sql: any SQLDatabase) async throws -> OrderRow {
        try await sql.raw("UPDATE orders SET updated_at = updated_at WHERE id = \(bind: order.id) RETURNING \(OrderRow.columns)")
            .first(reading: OrderRow.self)!
    }

    /// Locks the channel's orders that a call names (see ``lock(_:on:)``), a statement per 100 codes, and
    /// returns them as last committed, by code. A code without an order is a 400 naming its field (all such
    /// fields at once).
    static func lock(channel: String, named: [(field: String, code: String)], on sql: any SQLDatabase) async throws -> [String: OrderRow] {
        var locked: [String: OrderRow] = [:]
        for chunk in named.map(\.code).chunked(100) {
            for row in try await sql.plannedEachRun("""
                UPDATE orders SET updated_at = updated_at
                WHERE channel_name = \(bind: channel) AND order_code IN (\(binds: Array(chunk)))
                RETURNING \(OrderRow.columns)
                """).all(reading: OrderRow.self) {
                locked[row.order_code] = row
            }
        }
        var missing = FieldErrors()
        for (field, code) in named where locked[code] == nil { missing.add(field, "no order \(code) of channel \(channel)") }
        try missing.throwIfAny()
        return locked
    }

    /// The orders with these ids, each with its lines and their allocations (see ``withLines(where:on:)``), a
    /// read per 500 ids; an unknown id is left out.
    static func withLines(ids: [Int64], on sql: any SQLDatabase) async throws -> [OrderWithLines] {
        var found: [OrderWithLines] = []
        for chunk in Array(Set(ids)).sorted().chunked(500) {
            found += try await withLines(where: "o.id IN (\(binds: Array(chunk)))", on: sql)
        }
        return found
    }

    static func lines(orderId: Int64, on sql: any SQLDatabase) async throws -> [LineRow] {
        try await sql.raw("SELECT \(LineRow.columns) FROM order_lines l WHERE l.order_id = \(bind: orderId) ORDER BY l.line_no")
            .all(reading: LineRow.self)
    }

    /// The orders meeting `condition` (on `orders` named `o`), each with its lines and their allocations, in
    /// one read.
    static func withLines(where condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [OrderWithLines] {
        var found: [OrderWithLines] = []
        for row in try await sql.raw("""
            SELECT \(OrderRow.qualifiedColumns), \(LineRow.joinedColumns), a.location_code, a.units
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
            LEFT JOIN allocations a ON a.order_id = l.order_id AND a.line_no = l.line_no
            WHERE \(condition) ORDER BY o.id, l.line_no, a.location_code
            """).all() {
            let orderId = try row.decode(column: "id", as: Int64.self)
            if found.last?.order.id != orderId { found.append(OrderWithLines(order: try OrderRow(row: row))) }
            try found[found.count - 1].content.add(row)
        }
        return found
    }

    /// The condition of ``withLines(where:on:)`` for the orders with `code`, in `channel` or in any channel.
    static func codeCondition(channel: String?, code: String) -> SQLQueryString {
        // Without a channel, each channel's (channel, code) index entry is looked up.
        let channels: SQLQueryString = channel.map { "= \(bind: $0)" } ?? "IN (SELECT name FROM channels)"
        return "o.channel_name \(channels) AND o.order_code = \(bind: code)"
    }

    /// The order's lines and its allocations, in one read (each line with its allocations joined to it).
    static func linesAndAllocations(orderId: Int64, on sql: any SQLDatabase) async throws -> (lines: [LineRow], allocations: [AllocationRow]) {
        var content = LinesAndAllocations()
        for row in try await sql.raw("""
            SELECT \(LineRow.joinedColumns), a.location_code, a.units
            FROM order_lines l LEFT JOIN allocations a ON a.order_id = l.order_id AND a.line_no = l.line_no
            WHERE l.order_id = \(bind: orderId) ORDER BY l.line_no, a.location_code
            """).all() {
            try content.add(row)
        }
        return (content.lines, content.allocations)
    }

    /// The line states cancellation and allocation work on.
    static func lineStates(orderId: Int64, on sql: any SQLDatabase) async throws -> (states: [LineState], demands: [LineDemand]) {
        let (lines, allocations) = try await linesAndAllocations(orderId: orderId, on: sql)
        let shipped = ShipmentRecords.shipped(try await ShipmentRecords.forOrder(orderId, on: sql),
                                              items: try await ShipmentRecords.items(orderId: orderId, on: sql))
        var states: [LineState] = [], demands: [LineDemand] = []
        for line in lines {
            let document = try JSONCoding.decode(LineDocument.self, from: line.document)
            let promised = allocations.filter { $0.line_no == line.line_no }
                .map { LineAllocation(lineNo: $0.line_no, locationCode: $0.location_code, units: $0.units) }
            let state = LineState(lineNo: line.line_no, orderItemCode: line.order_item_code,
                                  channelSkuCode: line.channel_sku_code, quantity: line.quantity,
                                  cancelled: line.cancelled, allocations: promised, shipped: shipped[line.line_no] ?? [:])
            states.append(state)
            demands.append(LineDemand(lineNo: line.line_no, units: state.open - state.allocated, components: document.components))
        }
        return (states, demands)
    }

    /// Units of each line not yet cancelled nor promised.
    static func openDemands(orderId: Int64, on sql: any SQLDatabase) async throws -> [LineDemand] {
        try await lineStates(orderId: orderId, on: sql).demands
    }

    /// Sets the order's status; an order no longer waiting for stock leaves the waiting lines.
    static func setStatus(_ status: OrderStatus, orderId: Int64, on sql: any SQLDatabase) async throws {
        try await setStatus(status, orderIds: [orderId], on: sql)
    }

    /// Moves the orders to `status`; an order that no longer waits for stock leaves the waiting lines.
    static func setStatus(_ status: OrderStatus, orderIds: [Int64], on sql: any SQLDatabase) async throws {
        let now = Clock.nowMillis()
        for chunk in orderIds.chunked(500) {
            try await sql.raw("""
                UPDATE orders SET status = \(bind: status.rawValue), updated_at = \(bind: now) WHERE id IN (\(binds: Array(chunk)))
                """).run()
            if status != .unallocated {
                try await sql.raw("DELETE FROM waiting_lines WHERE order_id IN (\(binds: Array(chunk)))").run()
            }
        }
    }

    /// The locations each order has units allocated at, by order id; an order with none is absent.
    static func allocatedLocations(orderIds: [Int64], on sql: any SQLDatabase) async throws -> [Int64: Set<String>] {
        var locations: [Int64: Set<String>] = [:]
        for chunk in orderIds.chunked(500) {
            for row in try await sql.raw("""
                SELECT DISTINCT order_id, location_code FROM allocations WHERE order_id IN (\(binds: Array(chunk)))
                """).all(decoding: OrderLocationRow.self) {
                locations[row.order_id, default: []].insert(row.location_code)
            }
        }
        return locations
    }

    /// Records the articles of orders that wait for stock (`UNALLOCATED`), which is how
    /// ``Allocator/allocateWaiting(articles:on:limit:)`` finds them when stock arrives.
    static func addWaitingLines(_ orders: [(id: Int64, order: PreparedOrder)], on sql: any SQLDatabase) async throws {
        var rows = SQLValueRows(width: 2)
        for (id, order) in orders {
            for articleId in Set(order.draft.lines.map(\.sku.articleId)) { rows.append(articleId, id) }
        }
        for chunk in rows.chunked(500) {
            try await sql.raw("INSERT INTO waiting_lines (article_id, order_id) VALUES \(chunk)").run()
        }
    }

    /// The codes of these orders, by id.
    static func codes(orderIds: Set<Int64>, on sql: any SQLDatabase) async throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        for chunk in orderIds.sorted().chunked(500) {
            for row in try await sql.raw("SELECT id, order_code AS document FROM orders WHERE id IN (\(binds: Array(chunk)))")
                .all(decoding: KeyedRow.self) {
                codes[row.id] = row.document
            }
        }
        return codes
    }

    static func code(orderId: Int64, on sql: any SQLDatabase) async throws -> String {
        try await sql.raw("SELECT order_code AS document FROM orders WHERE id = \(bind: orderId)")
            .first(decoding: DocumentRow.self)!.document
    }

    /// The id and request fingerprint of the channel's orders with these codes, by code.
    ///
    /// Planned with its codes on every run (``PlannedEachRun``): a generic plan of this lookup, made while
    /// `orders` was small, read all the channel's orders through another index and compared each with every
    /// code, and stayed with the connection as the table grew (see docs/performance.md).
    static func fingerprints(channel: String, codes: [String], on sql: any SQLDatabase) async throws -> [String: (id: Int64, requestHash: String)] {
        var rows: [FingerprintRow] = []
        for chunk in codes.chunked(100) {
            rows += try await sql.plannedEachRun("""
                SELECT id, order_code, request_hash FROM orders
                WHERE channel_name = \(bind: channel) AND order_code IN (\(binds: Array(chunk)))
                """).all(reading: FingerprintRow.self)
        }
        return Dictionary(rows.map { ($0.order_code, ($0.id, $0.request_hash)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Inserts orders, each with its status, and their lines; returns each one's id, or `nil` where the
    /// channel already has an order with that code.
    static func insert(_ orders: [(order: PreparedOrder, status: OrderStatus)], on sql: any SQLDatabase) async throws -> [Int64?] {
        var ids: [OrderKey: Int64] = [:]
        for chunk in orders.chunked(200) {
            var rows = SQLValueRows(width: 14)
            for (order, status) in chunk { appendValues(of: order, status: status, to: &rows) }
            for row in try await sql.raw("""
                INSERT INTO orders (\(orderColumns)) VALUES \(rows)
                ON CONFLICT (channel_name, order_code) DO NOTHING
                RETURNING id, channel_name, order_code
                """).all(reading: InsertedOrderRow.self) { ids[OrderKey(channel: row.channel_name, code: row.order_code)] = row.id }
        }
        let found = orders.map { ids[$0.order.key] }
        var lines = SQLValueRows(width: 9)
        for (entry, id) in zip(orders, found) {
            guard let id else { continue }
            appendLineValues(of: entry.order, id: id, to: &lines)
        }
        for chunk in lines.chunked(500) {
            try await sql.raw("INSERT INTO order_lines (\(lineColumns)) VALUES \(chunk)").run()
        }
        return found
    }

    /// The columns ``appendValues(of:status:to:)`` fills.
    private static let orderColumns: SQLQueryString = """
        channel_name, order_code, status, order_type, is_priority, on_hold, order_time, requested_location,
        is_split_required, request_hash, document, grand_total, created_at, updated_at
        """

    /// Adds the values of ``orderColumns`` for the order, as it is stored when it arrives with `status`.
    private static func appendValues(of order: PreparedOrder, status: OrderStatus, to rows: inout SQLValueRows) {
        let draft = order.draft
        let now = Clock.nowMillis()
        rows.append(order.channel, draft.orderCode, status.rawValue,
                    draft.orderType.rawValue, draft.isPriority ? 1 : 0, draft.onHold ? 1 : 0,
                    draft.orderTime.millis, draft.locationCode, draft.isSplitRequired ? 1 : 0,
                    order.requestHash, order.document, draft.totals.grandTotal.value, now, now)
    }

    /// The columns ``appendLineValues(of:id:to:)`` fills.
    private static let lineColumns: SQLQueryString = """
        order_id, line_no, order_item_code, channel_sku_code, article_id, quantity, cancelled, selling_price, document
        """

    /// Adds the order's lines, each as the values of ``lineColumns`` (the order's `id` is known only once
    /// the order is inserted).
    private static func appendLineValues(of order: PreparedOrder, id: Int64, to rows: inout SQLValueRows) {
        for (lineNo, line) in order.draft.lines.enumerated() {
            rows.append(id, lineNo, line.orderItemCode, line.channelSkuCode, line.sku.articleId,
                        line.quantity, 0, line.sellingPricePerUnit.value, order.lineDocuments[lineNo])
        }
    }
}

private struct InsertedOrderRow: SQLRowReadable {
    var id: Int64
    var channel_name: String
    var order_code: String

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        channel_name = try row.decode(column: "channel_name", as: String.self)
        order_code = try row.decode(column: "order_code", as: String.self)
    }
}

private struct FingerprintRow: SQLRowReadable {
    var id: Int64
    var order_code: String
    var request_hash: String

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        order_code = try row.decode(column: "order_code", as: String.self)
        request_hash = try row.decode(column: "request_hash", as: String.self)
    }
}

private struct OrderLocationRow: Decodable { var order_id: Int64; var location_code: String }
