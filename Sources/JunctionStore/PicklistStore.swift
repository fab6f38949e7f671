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

    /// Puts the orders on the picklist: all of them, or none when a code names no order (400) or an order
    /// may not be picked here (422, naming each). The orders are locked and read together, and an order
    /// already on this picklist stays as it is.
    static func add(_ named: [(index: Int, code: String)], to picklist: Int64, channel: String, location: String,
                    on sql: any SQLDatabase) async throws {
        let codes = named.map(\.code)
        let orders = try await OrderRecords.lock(channel: channel, named: named.map { ("orderList[\($0.index)].orderCode", $0.code) },
                                                 on: sql)
        let ids = codes.map { orders[$0]!.id }
        let locations = try await OrderRecords.allocatedLocations(orderIds: ids, on: sql)
        let picklists = try await currentPicklists(orderIds: ids, on: sql)
        var refusals: [String] = []
        var added: [OrderRow] = []
        let now = Timestamp(millis: Clock.nowMillis())
        for code in codes {
            let order = orders[code]!
            let document = try JSONCoding.decode(OrderDocument.self, from: order.document)
            let pickable = PickableOrder(orderCode: code, channelName: order.channel_name, status: order.orderStatus,
                                         onHold: order.on_hold != 0,
                                         startProcessingTime: document.startProcessingTime.map(Timestamp.init(millis:)),
                                         allocatedLocations: locations[order.id] ?? [], picklistId: picklists[order.id])
            if let refusal = pickable.refusal(channel: channel, location: location, picklist: picklist, now: now) {
                refusals.append(refusal)
            } else if picklists[order.id] == nil {
                added.append(order)
            }
        }
        if !refusals.isEmpty { throw DomainError.invalidState(refusals.joined(separator: "; ")) }
        guard !added.isEmpty else { return }
        var rows = SQLValueRows(width: 2)
        for order in added { rows.append(picklist, order.id) }
        for chunk in rows.chunked(500) {
            try await sql.raw("INSERT INTO picklist_orders (picklist_id, order_id) VALUES \(chunk)").run()
        }
        try await OrderRecords.setStatus(.picking, orderIds: added.map(\.id), on: sql)
        try await EventLog.append(added.map { order in
            (order.id, [EncodedEvent(NewEvent(type: .picklistCreated, aggregateType: "ORDER", aggregateCode: order.order_code,
                                              channelName: channel, locationCode: location,
                                              reason: "released to picking on picklist \(picklist) at \(location)",
                                              details: ["pickListId": .number(Double(picklist))]))])
        }, on: sql)
    }

    /// The picklist each of these orders is on, by order id; an order on none is absent.
    private static func currentPicklists(orderIds: [Int64], on sql: any SQLDatabase) async throws -> [Int64: Int64] {
        var picklists: [Int64: Int64] = [:]
        for chunk in orderIds.chunked(500) {
            for row in try await sql.raw("SELECT order_id, picklist_id FROM picklist_orders WHERE order_id IN (\(binds: Array(chunk)))")
                .all(decoding: PicklistOrderRow.self) {
                picklists[row.order_id] = row.picklist_id
            }
        }
        return picklists
    }
}

private struct PicklistOrderRow: Decodable { var order_id: Int64; var picklist_id: Int64 }
private struct PicklistRow: Decodable { var channel_name: String; var location_code: String }
