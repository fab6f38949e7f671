import JunctionCore
import SQLKit

extension OrderStore {
    /// Cancels units with absolute quantities (§1.4 customer cancellation, §5.5 and the admin's seller
    /// cancellation), releasing their reservations; released stock goes to waiting orders in the same
    /// transaction. Invoiced units cannot be cancelled (422).
    public func cancel(code: String, _ input: CancelOrderInput, caller: Caller, by party: CancellationParty = .customer)
        async throws -> OrderView {
        let orderId = try await database.write { sql in
            let order = try await Self.resolveForUpdate(code: code, channelName: input.channelName, caller: caller, on: sql)
            let who = caller.partnerName ?? "the admin"
            let reason = input.reason.map { "cancelled by \(who): \($0)" } ?? "cancelled by \(who)"
            let events = try await Self.applyCancellation(input, to: order, by: party, reason: reason, on: sql)
            try await EventLog.append(events, orderId: order.id, on: sql)
            return order.id
        }
        await database.afterCommit()
        return try await view(orderId: orderId)
    }

    /// Applies a cancellation inside the caller's transaction and returns its events. Releases are taken
    /// at `releaseFirstAt` before other locations.
    static func applyCancellation(_ input: CancelOrderInput, to order: OrderRow, by party: CancellationParty, reason: String,
                                  releaseFirstAt: String? = nil, on sql: any SQLDatabase) async throws -> [NewEvent] {
        let code = order.order_code
        guard ![.completed, .delivered].contains(order.orderStatus) else {
            throw DomainError.invalidState("order \(code) is \(order.status): every unit is invoiced and none can be cancelled")
        }
        let (states, demands) = try await OrderRecords.lineStates(orderId: order.id, on: sql)
        let plan = try CancellationPlan.make(input, lines: states, releaseFirstAt: releaseFirstAt)
        guard !plan.isEmpty else { return [] }
        var changed = SQLValueRows(width: 3)
        for (lineNo, quantity) in plan.cancelled.sorted(by: { $0.key < $1.key }) {
            let previous = states.first { $0.lineNo == lineNo }!.cancelled
            changed.append(Int64(lineNo), Int64(quantity), party == .seller ? Int64(quantity - previous) : Int64(0))
        }
        try await sql.raw("""
            WITH changed (line_no, cancelled, seller_share) AS (VALUES \(changed))
            UPDATE order_lines SET cancelled = changed.cancelled, seller_cancelled = order_lines.seller_cancelled + changed.seller_share
            FROM changed WHERE order_lines.order_id = \(bind: order.id) AND order_lines.line_no = changed.line_no
            """).run()
        try await Allocator.release(orderId: order.id, plan.releases, demands: demands, on: sql)
        var events = [OrderEvents.cancelled(code: code, channel: order.channel_name, plan: plan, lines: states, by: party,
                                            reason: reason)]
        if plan.cancelsWholeOrder {
            try await OrderRecords.setStatus(.cancelled, orderId: order.id, on: sql)
        } else if order.orderStatus == .unallocated {
            let open = try await OrderRecords.openDemands(orderId: order.id, on: sql)
            if let allocation = try await Allocator.allocate(orderId: order.id, channel: order.channel_name, demands: open,
                                                             pinnedLocation: order.requested_location,
                                                             allowSplit: order.is_split_required != 0, on: sql) {
                try await OrderRecords.setStatus(.allocated, orderId: order.id, on: sql)
                events.append(OrderEvents.allocated(code: code, channel: order.channel_name, plan: allocation,
                                                    reason: "smaller after cancellation"))
            }
        } else {
            let progressed = try await ShipmentRecords.advanceOrder(order, on: sql)
            if progressed.isEmpty { try await OrderRecords.setStatus(order.orderStatus, orderId: order.id, on: sql) }
            events += progressed
        }
        let freed = Set(demands.filter { demand in plan.releases.contains { $0.lineNo == demand.lineNo } }
            .flatMap { $0.components.map(\.articleId) })
        try await Allocator.allocateWaiting(articles: freed, on: sql)
        return events
    }

    /// Changes hold, SLA times (§1.5); `orderStatus=DELIVERED` delivers every dispatched shipment, and is
    /// refused with 422 when none is dispatched.
    public func updateProperties(code: String, _ input: OrderPropertiesInput, caller: Caller) async throws -> OrderView {
        let changes = try OrderPropertyChanges.validate(input)
        let orderId = try await database.write { sql in
            let order = try await Self.resolveForUpdate(code: code, channelName: input.channelName, caller: caller, on: sql)
            if let deliveredAt = changes.deliveredAt {
                let dispatched = try await ShipmentRecords.forOrder(order.id, on: sql).filter { $0.shipmentStatus == .dispatched }
                guard !dispatched.isEmpty || order.orderStatus == .delivered else {
                    throw DomainError.invalidState("order \(code) has no dispatched shipment to mark delivered")
                }
                try await ShipmentStore.deliver(dispatched.map { ($0, deliveredAt) }, of: order, on: sql)
            }
            var document = try JSONCoding.decode(OrderDocument.self, from: order.document)
            var changed: [String: JSONValue] = [:]
            if let time = changes.dispatchByTime, time.millis != document.dispatchByTime {
                document.dispatchByTime = time.millis
                changed["dispatchByTime"] = .string(time.iso8601)
            }
            if let time = changes.startProcessingTime, time.millis != document.startProcessingTime {
                document.startProcessingTime = time.millis
                changed["startProcessingTime"] = .string(time.iso8601)
            }
            var events: [NewEvent] = []
            let wasHeld = order.on_hold != 0
            let held = changes.onHold ?? wasHeld
            if held != wasHeld {
                events.append(OrderEvents.onHold(code: code, channel: order.channel_name, held: held,
                                                 reason: held ? "put on hold by \(caller.partnerName ?? "the admin")"
                                                              : "released from hold by \(caller.partnerName ?? "the admin")"))
            }
            if !changed.isEmpty { events.append(OrderEvents.propertiesUpdated(code: code, channel: order.channel_name, changes: changed)) }
            guard !events.isEmpty else { return order.id }
            try await sql.raw("""
                UPDATE orders SET on_hold = \(bind: held ? 1 : 0), document = \(bind: try JSONCoding.string(document)),
                    updated_at = \(bind: Clock.nowMillis()) WHERE id = \(bind: order.id)
                """).run()
            try await EventLog.append(events, orderId: order.id, on: sql)
            return order.id
        }
        await database.afterCommit()
        return try await view(orderId: orderId)
    }

    /// Updates custom attributes (§1.6); every key must be defined.
    public func updateAttributes(code: String, _ input: OrderAttributesInput, caller: Caller) async throws -> OrderView {
        let orderId = try await database.write { sql in
            let order = try await Self.resolveForUpdate(code: code, channelName: input.channelName, caller: caller, on: sql)
            let definitions = try await MasterStore.attributeDefinitions(on: sql)
            let lines = try await OrderRecords.lines(orderId: order.id, on: sql)
            let (orderChange, itemChanges) = try input.validate(
                orderDefinitions: definitions[.order] ?? [:], itemDefinitions: definitions[.item] ?? [:],
                lines: lines.map { (orderItemCode: $0.order_item_code, channelSkuCode: $0.channel_sku_code) })
            var keys: [String] = []
            if let orderChange {
                var document = try JSONCoding.decode(OrderDocument.self, from: order.document)
                document.customAttributes = (document.customAttributes ?? CustomAttributes()).merging(orderChange)
                keys += orderChange.fields.keys.sorted()
                try await sql.raw("""
                    UPDATE orders SET document = \(bind: try JSONCoding.string(document)), updated_at = \(bind: Clock.nowMillis())
                    WHERE id = \(bind: order.id)
                    """).run()
            }
            for line in lines {
                guard let change = itemChanges[line.order_item_code] else { continue }
                var document = try JSONCoding.decode(LineDocument.self, from: line.document)
                document.customAttributes = (document.customAttributes ?? CustomAttributes()).merging(change)
                keys += change.fields.keys.sorted().map { "\(line.order_item_code).\($0)" }
                try await sql.raw("""
                    UPDATE order_lines SET document = \(bind: try JSONCoding.string(document))
                    WHERE order_id = \(bind: order.id) AND line_no = \(bind: line.line_no)
                    """).run()
            }
            if !keys.isEmpty {
                try await EventLog.append([OrderEvents.attributesUpdated(code: code, channel: order.channel_name, keys: keys)],
                                          orderId: order.id, on: sql)
            }
            return order.id
        }
        await database.afterCommit()
        return try await view(orderId: orderId)
    }
}
