import JunctionCore
import SQLKit

/// Thrown when a reservation lost a race with a concurrent transaction (PostgreSQL only): the whole
/// transaction runs again with fresh stock figures.
struct ReservationRace: Error {}

/// Applies allocation plans to the database: reserves stock with one conditional write per
/// (location, article), records allocations, releases them, and allocates waiting orders when stock frees up.
enum Allocator {
    /// Tries to allocate an order's open units; returns the allocation, or `nil` when it must wait.
    static func allocate(orderId: Int64, channel: String, demands: [LineDemand], pinnedLocation: String?,
                         allowSplit: Bool, on sql: any SQLDatabase) async throws -> [LineAllocation]? {
        let candidates = try await candidateLocations(channel: channel, pinned: pinnedLocation, on: sql)
        guard let plan = try await plan(demands, candidates: candidates, pinnedLocation: pinnedLocation,
                                        allowSplit: allowSplit, on: sql) else { return nil }
        try await reserve(plan, orderId: orderId, demands: demands, on: sql)
        return plan
    }

    /// Plans new orders one after another on one read of their stock, each planned on what the ones
    /// before it left; `nil` for an order that must wait.
    static func plan(_ orders: [PreparedOrder], on sql: any SQLDatabase) async throws -> [[LineAllocation]?] {
        let locations = Dictionary(orders.flatMap(\.candidates).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let articles = Set(orders.flatMap { $0.demands.flatMap { $0.components.map(\.articleId) } })
        var stock = Dictionary(uniqueKeysWithValues: try await locationStock(Array(locations.values), articles: articles, on: sql)
            .map { ($0.locationCode, $0) })
        return orders.map { order in
            let plan = AllocationPlanner.plan(order.demands, locations: order.candidates.compactMap { stock[$0.code] },
                                              pinnedLocation: order.draft.locationCode, allowSplit: order.draft.isSplitRequired)
            for taken in AllocationPlanner.reservations(for: plan ?? [], demands: order.demands) {
                stock[taken.locationCode]?.atp[taken.articleId, default: 0] -= taken.quantity
            }
            return plan
        }
    }

    /// Where the demands can be fulfilled from the stock of `candidates` as it stands, or `nil` when they
    /// must wait.
    static func plan(_ demands: [LineDemand], candidates: [CandidateLocation], pinnedLocation: String?, allowSplit: Bool,
                     on sql: any SQLDatabase) async throws -> [LineAllocation]? {
        let stock = try await locationStock(candidates, articles: Set(demands.flatMap { $0.components.map(\.articleId) }), on: sql)
        return AllocationPlanner.plan(demands, locations: stock, pinnedLocation: pinnedLocation, allowSplit: allowSplit)
    }

    /// Reserves the stock of `plan` and records the allocations (see ``reserve(_:on:)``).
    static func reserve(_ plan: [LineAllocation], orderId: Int64, demands: [LineDemand], on sql: any SQLDatabase) async throws {
        try await reserve([(orderId, plan, demands)], on: sql)
    }

    /// Reserves the stock of several orders' plans with one conditional write for all their (location,
    /// article) pairs and records the allocations; when a pair no longer fits (a concurrent transaction took
    /// the stock) it throws ``ReservationRace`` so that the whole transaction runs again.
    static func reserve(_ plans: [(orderId: Int64, plan: [LineAllocation], demands: [LineDemand])], on sql: any SQLDatabase) async throws {
        let reservations = AllocationPlanner.reservations(for: plans.map { ($0.plan, $0.demands) })
        guard !reservations.isEmpty else { return }
        var wanted = SQLValueRows(width: 3)
        for reservation in reservations { wanted.append(reservation.locationCode, reservation.articleId, Int64(reservation.quantity)) }
        let won = try await sql.raw("""
            WITH wanted (location_code, article_id, quantity) AS (VALUES \(wanted))
            UPDATE inventory SET reserved = inventory.reserved + wanted.quantity, updated_at = \(bind: Clock.nowMillis())
            FROM wanted
            WHERE inventory.location_code = wanted.location_code AND inventory.article_id = wanted.article_id
              AND inventory.on_hand - inventory.reserved - inventory.buffer >= wanted.quantity
            RETURNING inventory.article_id
            """).all(decoding: ArticleIdRow.self)
        if won.count != reservations.count { throw ReservationRace() }
        var rows = SQLValueRows(width: 4)
        for (orderId, plan, _) in plans {
            for allocation in plan { rows.append(orderId, allocation.lineNo, allocation.locationCode, allocation.units) }
        }
        for chunk in rows.chunked(500) {
            try await sql.raw("""
                INSERT INTO allocations (order_id, line_no, location_code, units) VALUES \(chunk)
                ON CONFLICT (order_id, line_no, location_code) DO UPDATE SET units = allocations.units + excluded.units
                """).run()
        }
    }

    /// Gives back promised units of an order: one statement for its allocations and one for the stock.
    static func release(orderId: Int64, _ releases: [LineAllocation], demands: [LineDemand], on sql: any SQLDatabase) async throws {
        var units: [LineAllocationKey: Int] = [:]
        for release in releases { units[LineAllocationKey(lineNo: release.lineNo, locationCode: release.locationCode), default: 0] += release.units }
        if !units.isEmpty {
            var released = SQLValueRows(width: 3)
            for (key, count) in units.sorted(by: { ($0.key.lineNo, $0.key.locationCode) < ($1.key.lineNo, $1.key.locationCode) }) {
                released.append(Int64(key.lineNo), key.locationCode, Int64(count))
            }
            try await sql.raw("""
                WITH released (line_no, location_code, units) AS (VALUES \(released))
                UPDATE allocations SET units = allocations.units - released.units FROM released
                WHERE allocations.order_id = \(bind: orderId) AND allocations.line_no = released.line_no
                  AND allocations.location_code = released.location_code
                """).run()
        }
        try await sql.raw("DELETE FROM allocations WHERE order_id = \(bind: orderId) AND units <= 0").run()
        try await StockRows.unreserve(AllocationPlanner.reservations(for: releases, demands: demands), now: Clock.nowMillis(), on: sql)
    }

    /// Allocates waiting orders that need any of `articles`, priority orders first, then the oldest.
    /// An order that still cannot be fulfilled is skipped so that later, smaller orders may go ahead.
    static func allocateWaiting(articles: Set<Int64>, on sql: any SQLDatabase, limit: Int = 500) async throws {
        guard !articles.isEmpty else { return }
        let parents = try await sql.raw("SELECT parent_id FROM article_components WHERE child_id IN (\(binds: Array(articles)))")
            .all(decoding: ParentRow.self).map(\.parent_id)
        // Waiting lines first (CROSS JOIN keeps SQLite from starting at the orders): the articles that freed
        // up have few waiting lines, while a sold-out SKU may leave thousands of unrelated orders waiting.
        let waiting = try await sql.raw("""
            SELECT DISTINCT o.id, o.channel_name, o.requested_location, o.is_split_required, o.is_priority, o.order_time
            FROM waiting_lines w CROSS JOIN orders o
            WHERE o.id = w.order_id AND w.article_id IN (\(binds: Array(articles.union(parents)))) AND o.status = 'UNALLOCATED'
            ORDER BY o.is_priority DESC, o.order_time, o.id
            LIMIT \(literal: limit)
            """).all(decoding: WaitingOrderRow.self)
        for order in waiting {
            let demands = try await OrderRecords.openDemands(orderId: order.id, on: sql)
            guard let plan = try await allocate(orderId: order.id, channel: order.channel_name, demands: demands,
                                                pinnedLocation: order.requested_location,
                                                allowSplit: order.is_split_required != 0, on: sql) else { continue }
            try await OrderRecords.setStatus(.allocated, orderId: order.id, on: sql)
            let code = try await OrderRecords.code(orderId: order.id, on: sql)
            try await EventLog.append([OrderEvents.allocated(code: code, channel: order.channel_name, plan: plan,
                                                             reason: "stock became available")], orderId: order.id, on: sql)
        }
    }

    /// The locations an order may be allocated at, with their priorities: the pinned one, or the channel's.
    static func candidateLocations(channel: String, pinned: String?, on sql: any SQLDatabase) async throws -> [CandidateLocation] {
        if let pinned {
            return try await sql.raw("SELECT code, priority FROM locations WHERE code = \(bind: pinned)")
                .all(reading: CandidateLocation.self)
        }
        return try await sql.raw("""
            SELECT l.code, l.priority FROM locations l JOIN channel_locations c ON c.location_code = l.code
            WHERE c.channel_name = \(bind: channel)
            """).all(reading: CandidateLocation.self)
    }

    /// ATP of `articles` at the candidate locations, with their priorities.
    static func locationStock(_ locations: [CandidateLocation], articles: Set<Int64>,
                              on sql: any SQLDatabase) async throws -> [LocationStock] {
        guard !locations.isEmpty, !articles.isEmpty else { return [] }
        let stock = try await sql.raw("""
            SELECT location_code, article_id, on_hand, reserved, buffer FROM inventory
            WHERE article_id IN (\(binds: Array(articles))) AND location_code IN (\(binds: locations.map(\.code)))
            """).all(reading: InventoryRow.self)
        return locations.map { location in
            var atp: [Int64: Int] = [:]
            for row in stock where row.location_code == location.code { atp[row.article_id] = row.level.atp }
            return LocationStock(locationCode: location.code, priority: location.priority, atp: atp)
        }
    }
}

/// A location an order may be allocated at, and its priority (lower first).
struct CandidateLocation: SQLRowReadable, Sendable {
    var code: String
    var priority: Int

    init(row: any SQLRow) throws {
        code = try row.decode(column: "code", as: String.self)
        priority = try row.decode(column: "priority", as: Int.self)
    }
}

struct InventoryRow: SQLRowReadable {
    var location_code: String
    var article_id: Int64
    var on_hand: Int
    var reserved: Int
    var buffer: Int

    init(row: any SQLRow) throws {
        location_code = try row.decode(column: "location_code", as: String.self)
        article_id = try row.decode(column: "article_id", as: Int64.self)
        on_hand = try row.decode(column: "on_hand", as: Int.self)
        reserved = try row.decode(column: "reserved", as: Int.self)
        buffer = try row.decode(column: "buffer", as: Int.self)
    }

    var level: StockLevel { StockLevel(onHand: on_hand, reserved: reserved, buffer: buffer) }
}

/// An order line's allocation at one location.
private struct LineAllocationKey: Hashable {
    var lineNo: Int
    var locationCode: String
}

private struct ArticleIdRow: Decodable { var article_id: Int64 }
private struct ParentRow: Decodable { var parent_id: Int64 }
private struct WaitingOrderRow: Decodable {
    var id: Int64
    var channel_name: String
    var requested_location: String?
    var is_split_required: Int
    var is_priority: Int
    var order_time: Int64
}
