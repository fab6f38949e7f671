import JunctionCore
import SQLKit

/// Picklists (§5.6): allocated orders of one channel and location released to picking together.
public struct PicklistStore: Sendable {
    let database: any JunctionDatabase

    /// Creates a picklist with the given orders and returns its id.
    public func create(_ input: PicklistInput, caller: Caller) async throws -> Int64 {
        let (channel, location, codes) = try input.validate(requireId: false)
        let id = try await database.write { sql in
            try await WarehouseAccess.require(caller, at: location, on: sql)
            let id = try await sql.raw("""
                INSERT INTO picklists (code, channel_name, location_code, created_at)
                VALUES (\(bind: input.pickListCode), \(bind: channel), \(bind: location), \(bind: Clock.nowMillis()))
                RETURNING id
                """).first(decoding: IdRow.self)!.id
            try await Self.add(codes, to: id, channel: channel, location: location, on: sql)
            return id
        }
        await database.afterCommit()
        return id
    }

    /// Adds orders to an existing picklist of the same channel and location.
    public func addOrders(_ input: PicklistInput, caller: Caller) async throws {
        let (channel, location, codes) = try input.validate(requireId: true)
        try await database.write { sql in
            try await WarehouseAccess.require(caller, at: location, on: sql)
            guard let picklist = try await sql.raw("SELECT channel_name, location_code FROM picklists WHERE id = \(bind: input.pickListId!)")
                .first(decoding: PicklistRow.self) else { throw DomainError.notFound("no picklist \(input.pickListId!)") }
            guard picklist.channel_name == channel, picklist.location_code == location else {
                throw DomainError.invalidState("picklist \(input.pickListId!) is for \(picklist.channel_name) at \(picklist.location_code)")
            }
            try await Self.add(codes, to: input.pickListId!, channel: channel, location: location, on: sql)
        }
        await database.afterCommit()
    }

    static func add(_ codes: [String], to picklist: Int64, channel: String, location: String, on sql: any SQLDatabase) async throws {
        var missing = FieldErrors()
        var refusals: [String] = []
        var accepted: [(id: Int64, code: String, new: Bool)] = []
        let now = Timestamp(millis: Clock.nowMillis())
        for (index, code) in codes.enumerated() {
            guard let order = try await OrderRecords.find(channel: channel, code: code, on: sql).first else {
                missing.add("orderList[\(index)].orderCode", "no order \(code) of channel \(channel)")
                continue
            }
            let document = try JSONCoding.decode(OrderDocument.self, from: order.document)
            let locations = Set(try await OrderRecords.allocations(orderId: order.id, on: sql).map(\.location_code))
            let current = try await sql.raw("SELECT picklist_id AS id FROM picklist_orders WHERE order_id = \(bind: order.id)")
                .first(decoding: IdRow.self)?.id
            let pickable = PickableOrder(orderCode: code, channelName: order.channel_name, status: order.orderStatus,
                                         onHold: order.on_hold != 0,
                                         startProcessingTime: document.startProcessingTime.map(Timestamp.init(millis:)),
                                         allocatedLocations: locations, picklistId: current)
            if let refusal = pickable.refusal(channel: channel, location: location, picklist: picklist, now: now) {
                refusals.append(refusal)
            } else {
                accepted.append((order.id, code, current == nil))
            }
        }
        try missing.throwIfAny()
        if !refusals.isEmpty { throw DomainError.invalidState(refusals.joined(separator: "; ")) }
        for order in accepted where order.new {
            try await sql.raw("INSERT INTO picklist_orders (picklist_id, order_id) VALUES (\(bind: picklist), \(bind: order.id))").run()
            try await OrderRecords.setStatus(.picking, orderId: order.id, on: sql)
            try await EventLog.append([NewEvent(type: .picklistCreated, aggregateType: "ORDER", aggregateCode: order.code,
                                                channelName: channel, locationCode: location,
                                                reason: "released to picking on picklist \(picklist) at \(location)",
                                                details: ["pickListId": .number(Double(picklist))])],
                                      orderId: order.id, on: sql)
        }
    }
}

private struct PicklistRow: Decodable { var channel_name: String; var location_code: String }
