import JunctionCore
import SQLKit

extension OrderStore {
    /// The whole order as the caller may see it.
    public func view(code: String, channelName: String?, caller: Caller) async throws -> OrderView {
        let baseURL = documentBaseURL
        return try await database.read { sql in
            let found = try await Self.visible(code: code, channelName: channelName, caller: caller, on: sql, order: \.order) { channel in
                try await OrderRecords.withLines(where: OrderRecords.codeCondition(channel: channel, code: code), on: sql)
            }
            return try await Self.loadView(found, documentBaseURL: baseURL, timeline: true, on: sql)
        }
    }

    /// The whole order with the given id (as ``create(_:caller:variant:)`` returns it).
    public func view(orderId: Int64) async throws -> OrderView {
        let baseURL = documentBaseURL
        return try await database.read { sql in
            guard let order = try await Self.loadView(orderId: orderId, documentBaseURL: baseURL, timeline: true, on: sql) else {
                throw DomainError.notFound("no order with id \(orderId)")
            }
            return order
        }
    }

    /// The whole orders with these ids, by id (an unknown id is absent), read together.
    public func views(orderIds: [Int64]) async throws -> [Int64: OrderView] {
        let baseURL = documentBaseURL
        return try await database.read { sql in
            let found = try await OrderRecords.withLines(ids: orderIds, on: sql)
            let views = try await Self.views(of: found, documentBaseURL: baseURL, timeline: true, on: sql)
            return Dictionary(uniqueKeysWithValues: zip(found.map(\.order.id), views))
        }
    }

    /// The whole order with its shipments, and its timeline when asked; nil for an unknown id.
    static func loadView(orderId: Int64, documentBaseURL: String, timeline: Bool, on sql: any SQLDatabase) async throws -> OrderView? {
        guard let found = try await OrderRecords.withLines(where: "o.id = \(bind: orderId)", on: sql).first else { return nil }
        return try await loadView(found, documentBaseURL: documentBaseURL, timeline: timeline, on: sql)
    }

    /// The whole order whose rows are `found` (see ``loadView(orderId:documentBaseURL:timeline:on:)``).
    private static func loadView(_ found: OrderWithLines, documentBaseURL: String, timeline: Bool,
                                 on sql: any SQLDatabase) async throws -> OrderView {
        try await views(of: [found], documentBaseURL: documentBaseURL, timeline: timeline, on: sql)[0]
    }

    /// Views of orders already read, in the order of `found`, with their timelines when asked; their shipments
    /// are read together (one statement for any number of orders without shipments).
    static func views(of found: [OrderWithLines], documentBaseURL: String, timeline: Bool = false,
                      on sql: any SQLDatabase) async throws -> [OrderView] {
        let shipments = try await ShipmentRecords.forOrders(found.map(\.order.id), on: sql)
        let timelines = timeline ? try await Self.timelines(of: found.map(\.order.id), on: sql) : [:]
        var views: [OrderView] = []
        for rows in found {
            let orderId = rows.order.id
            let events = timelines[orderId] ?? []
            let shipmentViews = try await ShipmentViews.load(shipments[orderId] ?? [], orderId: orderId, orderCode: rows.order.order_code,
                                                             lines: rows.lines, baseURL: documentBaseURL, on: sql)
            views.append(try OrderView(order: rows.order, lines: rows.lines, allocations: rows.allocations, shipments: shipmentViews,
                                       events: events))
        }
        return views
    }

    /// The events of each order, in the order they were written (one read per 500 orders).
    private static func timelines(of orderIds: [Int64], on sql: any SQLDatabase) async throws -> [Int64: [StoredEvent]] {
        var timelines: [Int64: [StoredEvent]] = [:]
        for chunk in orderIds.chunked(500) {
            for row in try await sql.raw("""
                SELECT order_id, message_id, event_type, aggregate_type, aggregate_code, channel_name, location_code, reason, details,
                    created_at
                FROM events WHERE order_id IN (\(binds: Array(chunk))) ORDER BY id
                """).all(reading: OrderEventRow.self) {
                timelines[row.orderId, default: []].append(try row.event.stored())
            }
        }
        return timelines
    }

    /// Orders in creation order, filtered, one page at a time (`cursor` is the last `omsOrderId` seen).
    public func list(_ filter: OrderFilter, caller: Caller) async throws -> OrderPage {
        var conditions: [SQLQueryString] = []
        if let channel = caller.partnerName {
            if let requested = filter.channelName, requested != channel {
                throw DomainError.forbidden("credentials of \(channel) cannot list orders of \(requested)")
            }
            conditions.append("channel_name = \(bind: channel)")
        } else if let channel = filter.channelName {
            conditions.append("channel_name = \(bind: channel)")
        }
        if let status = filter.status { conditions.append("status = \(bind: status)") }
        if let location = filter.locationCode {
            conditions.append("(requested_location = \(bind: location) OR id IN (SELECT order_id FROM allocations WHERE location_code = \(bind: location)))")
        }
        if let from = filter.from { conditions.append("order_time >= \(bind: from.millis)") }
        if let to = filter.to { conditions.append("order_time < \(bind: to.millis)") }
        if let cursor = filter.cursor { conditions.append("id > \(bind: cursor)") }
        let whereClause: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = min(max(filter.limit, 1), 1000)
        let rows = try await database.read { sql in
            try await sql.raw("SELECT \(OrderRow.columns) FROM orders \(whereClause) ORDER BY id LIMIT \(bind: Int64(limit + 1))")
                .all(reading: OrderRow.self)
        }
        let page = rows.prefix(limit)
        return OrderPage(orders: page.map(OrderSummary.init), nextCursor: rows.count > limit ? page.last.map { String($0.id) } : nil)
    }

    /// §1.7a: an order's lines and custom attributes.
    public func search(code: String, locationCode: String?, caller: Caller) async throws -> SearchOrderView {
        let order = try await view(code: code, channelName: nil, caller: caller)
        return SearchOrderView(order, locationCode: locationCode)
    }

    /// Finds the order the caller means and may see: a selling partner its own, an EFS those allocated to
    /// the locations it fulfils, the admin any (naming the channel when the code is not unique).
    static func resolve(code: String, channelName: String?, caller: Caller, on sql: any SQLDatabase) async throws -> OrderRow {
        try await resolve(code: code, channelName: channelName, caller: caller, forUpdate: false, on: sql)
    }

    /// The order the caller means, locked for a change in this transaction (see ``OrderRecords/lock(_:on:)``).
    static func resolveForUpdate(code: String, channelName: String?, caller: Caller, on sql: any SQLDatabase) async throws -> OrderRow {
        try await resolve(code: code, channelName: channelName, caller: caller, forUpdate: true, on: sql)
    }

    private static func resolve(code: String, channelName: String?, caller: Caller, forUpdate: Bool,
                                on sql: any SQLDatabase) async throws -> OrderRow {
        let order = try await visible(code: code, channelName: channelName, caller: caller, on: sql, order: \.self) { channel in
            try await OrderRecords.find(channel: channel, code: code, on: sql)
        }
        return forUpdate ? try await OrderRecords.lock(order, on: sql) : order
    }

    /// The one of the orders `find` gives for a channel (`nil`: any channel) that the caller may see.
    private static func visible<Found>(code: String, channelName: String?, caller: Caller, on sql: any SQLDatabase,
                                       order: (Found) -> OrderRow,
                                       find: (String?) async throws -> [Found]) async throws -> Found {
        switch caller {
        case .admin:
            let found = try await find(channelName)
            guard let first = found.first else { throw DomainError.notFound("no order \(code)") }
            if found.count > 1 { throw DomainError.invalid("channelName", "order \(code) exists in several channels; name one") }
            return first
        case .partner(let name, let type) where type.sellsOrders:
            guard let first = try await find(name).first else { throw DomainError.notFound("no order \(code)") }
            return first
        case .partner(let name, .efs):
            for candidate in try await find(channelName) {
                let fulfils = try await sql.raw("""
                    SELECT a.location_code AS document FROM allocations a JOIN locations l ON l.code = a.location_code
                    WHERE a.order_id = \(bind: order(candidate).id) AND l.efs_channel = \(bind: name) LIMIT 1
                    """).first(decoding: DocumentRow.self)
                if fulfils != nil { return candidate }
            }
            throw DomainError.notFound("no order \(code) at a location \(name) fulfils")
        case .partner(let name, let type):
            throw DomainError.forbidden("\(name) is an \(type.rawValue) partner and has no access to orders")
        }
    }
}

/// Filters of `GET /orders/outward`.
public struct OrderFilter: Sendable {
    public var status: String?
    public var channelName: String?
    public var locationCode: String?
    public var from: Timestamp?
    public var to: Timestamp?
    public var cursor: Int64?
    public var limit: Int

    public init(status: String? = nil, channelName: String? = nil, locationCode: String? = nil, from: Timestamp? = nil,
                to: Timestamp? = nil, cursor: Int64? = nil, limit: Int = 100) {
        self.status = status; self.channelName = channelName; self.locationCode = locationCode
        self.from = from; self.to = to; self.cursor = cursor; self.limit = limit
    }
}

/// One page of orders.
public struct OrderPage: Codable, Sendable {
    public var orders: [OrderSummary]
    public var nextCursor: String?
}

/// An order's header in lists.
public struct OrderSummary: Codable, Sendable {
    public var omsOrderId: Int64
    public var orderCode: String
    public var channelName: String
    public var status: String
    public var orderType: String
    public var orderTime: String
    public var isPriority: Bool
    public var onHold: Bool
    public var locationCode: String?
    public var grandTotal: Paise
    public var createdAt: String
    public var updatedAt: String

    init(_ row: OrderRow) {
        omsOrderId = row.id; orderCode = row.order_code; channelName = row.channel_name; status = row.status
        orderType = row.order_type; updatedAt = Timestamp(millis: row.updated_at).iso8601
        orderTime = Timestamp(millis: row.order_time).iso8601; isPriority = row.is_priority != 0
        onHold = row.on_hold != 0; locationCode = row.requested_location; grandTotal = Paise(row.grand_total)
        createdAt = Timestamp(millis: row.created_at).iso8601
    }
}

/// The §1.7a answer: custom attributes and line quantities.
public struct SearchOrderView: Codable, Sendable {
    public var locationCode: String?
    public var orderCode: String
    public var orderStatus: String
    public var orderCustomAttributes: CustomAttributes?
    public var orderItems: [SearchOrderItem]

    init(_ order: OrderView, locationCode: String?) {
        self.locationCode = locationCode ?? order.locationCode ?? order.orderItems.first?.allocations.first?.locationCode
        orderCode = order.orderCode
        orderStatus = order.status
        orderCustomAttributes = order.orderCustomAttributes
        orderItems = order.orderItems.map {
            SearchOrderItem(orderItemCode: $0.orderItemCode, channelSkuCode: $0.channelSkuCode,
                            orderedQuantity: $0.orderedQuantity, cancelledQuantity: $0.cancelledQuantity,
                            sellingPrice: $0.sellingPricePerUnit, sellerDiscountPerUnit: $0.sellerDiscountPerUnit,
                            channelDiscountPerUnit: $0.channelDiscountPerUnit,
                            orderItemCustomAttributes: $0.orderItemCustomAttributes)
        }
    }
}

/// One line in the §1.7a answer.
public struct SearchOrderItem: Codable, Sendable {
    public var orderItemCode: String
    public var channelSkuCode: String
    public var orderedQuantity: Int
    public var cancelledQuantity: Int
    public var sellingPrice: Paise
    public var sellerDiscountPerUnit: Paise
    public var channelDiscountPerUnit: Paise
    public var orderItemCustomAttributes: CustomAttributes?
}

/// An order's event with the order's id.
private struct OrderEventRow: SQLRowReadable {
    var orderId: Int64
    var event: EventRow

    init(row: any SQLRow) throws {
        orderId = try row.decode(column: "order_id", as: Int64.self)
        event = try EventRow(row: row)
    }
}
