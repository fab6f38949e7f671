import JunctionCore
import SQLKit

/// Shipments: packing (with invoice and label in the same transaction), dispatch and delivery.
public struct ShipmentStore: Sendable {
    let database: any JunctionDatabase
    /// Prefix of document links (`http://host:port`), so that partners get absolute URLs.
    let documentBaseURL: String
    let labels: any LabelProvider

    /// Packs units of an order into a new shipment (§5.7), invoices and labels it. The same request
    /// again (or the same `shipmentCode`) returns the shipment already made.
    public func pack(_ input: PackInput, caller: Caller) async throws -> ShipmentView {
        let target = try PackPlan.target(of: input)
        let requestKey = try input.shipmentCode.map { "code:\($0)" } ?? Self.requestHash(input)
        let labels = self.labels
        let shipmentId = try await database.write { sql in
            try await WarehouseAccess.require(caller, at: target.locationCode, on: sql)
            guard let found = try await OrderRecords.find(channel: target.channelName, code: target.orderCode, on: sql).first else {
                throw DomainError.notFound("no order \(target.orderCode) of channel \(target.channelName)")
            }
            let order = try await OrderRecords.lock(found, on: sql)
            if let existing = try await sql.raw("""
                SELECT id, location_code AS document FROM shipments WHERE order_id = \(bind: order.id) AND request_key = \(bind: requestKey)
                """).first(decoding: KeyedRow.self) {
                guard existing.document == target.locationCode else {
                    throw DomainError.conflict("shipment \(input.shipmentCode ?? "") of \(target.orderCode) was packed at \(existing.document)")
                }
                return existing.id
            }
            return try await Packing(order: order, input: input, locationCode: target.locationCode, requestKey: requestKey,
                                     labels: labels).run(on: sql)
        }
        await database.afterCommit()
        return try await view(shipmentId: shipmentId)
    }

    /// Identifies a pack request by its content.
    static func requestHash(_ input: PackInput) throws -> String {
        "hash:" + (try JSONCoding.fingerprint(input))
    }

    /// One shipment as the API shows it.
    func view(shipmentId: Int64) async throws -> ShipmentView {
        try await database.read { sql in
            guard let row = try await ShipmentRecords.find(id: shipmentId, on: sql) else {
                throw DomainError.notFound("no shipment \(shipmentId)")
            }
            return try await ShipmentViews.load([row], orderId: row.order_id, baseURL: documentBaseURL, on: sql)[0]
        }
    }
}


/// Builds shipment views with what they refer to (order lines, items, manifest and handover codes).
enum ShipmentViews {
    static func load(_ rows: [ShipmentRow], orderId: Int64, baseURL: String, on sql: any SQLDatabase) async throws -> [ShipmentView] {
        guard !rows.isEmpty else { return [] }
        return try await load(rows, orderId: orderId, orderCode: try await OrderRecords.code(orderId: orderId, on: sql),
                              lines: try await OrderRecords.lines(orderId: orderId, on: sql), baseURL: baseURL, on: sql)
    }

    /// The same, for an order whose code and lines are already read.
    static func load(_ rows: [ShipmentRow], orderId: Int64, orderCode code: String, lines: [LineRow], baseURL: String,
                     on sql: any SQLDatabase) async throws -> [ShipmentView] {
        guard !rows.isEmpty else { return [] }
        let items = try await ShipmentRecords.items(orderId: orderId, on: sql)
        let batchIds = Set(rows.flatMap { [$0.manifest_id, $0.handover_id].compactMap { $0 } })
        var codes: [Int64: String] = [:]
        if !batchIds.isEmpty {
            let list = SQLQueryString(batchIds.map(String.init).joined(separator: ", "))
            for row in try await sql.raw("SELECT id, code AS document FROM dispatch_batches WHERE id IN (\(list))").all(decoding: KeyedRow.self) {
                codes[row.id] = row.document
            }
        }
        return try rows.map { try ShipmentView($0, orderCode: code, lines: lines, items: items, batchCodes: codes, documentBaseURL: baseURL) }
    }
}

extension ShipmentStore {
    /// Puts the named orders' invoiced shipments for a transporter on a manifest (§5.8).
    public func manifest(_ input: DispatchInput, caller: Caller) async throws -> DispatchResult {
        let checked = try input.validate()
        let result = try await database.write { sql in
            try await WarehouseAccess.require(caller, at: checked.locationCode, on: sql)
            let dispatching = Dispatching(checked: checked, input: input)
            let groups = try await dispatching.shipments(in: .invoiced, on: sql)
            let manifest = try await dispatching.manifest(groups, on: sql)
            return DispatchResult(manifestCode: manifest.code, externalManifestCode: input.externalManifestCode ?? manifest.code,
                                  manifestUrl: link(manifest.token), handoverCode: nil, handoverDocumentUrl: nil,
                                  shipmentCodes: groups.flatMap { $0.shipments.map(\.shipment_code) })
        }
        await database.afterCommit()
        return result
    }

    /// Hands the named orders' manifested shipments to the transporter (§5.9), or, `combined`, their
    /// invoiced shipments through a manifest and the handover at once.
    public func handover(_ input: DispatchInput, caller: Caller, combined: Bool) async throws -> DispatchResult {
        let checked = try input.validate()
        let result = try await database.write { sql in
            try await WarehouseAccess.require(caller, at: checked.locationCode, on: sql)
            let dispatching = Dispatching(checked: checked, input: input)
            let groups = try await dispatching.shipments(in: combined ? .invoiced : .manifested, on: sql)
            let manifestCode = combined ? try await dispatching.manifest(groups, on: sql).code : nil
            let handover = try await dispatching.handover(groups, on: sql)
            return DispatchResult(manifestCode: manifestCode, externalManifestCode: nil, manifestUrl: nil,
                                  handoverCode: handover.code, handoverDocumentUrl: link(handover.token),
                                  shipmentCodes: groups.flatMap { $0.shipments.map(\.shipment_code) })
        }
        await database.afterCommit()
        return result
    }

    /// Marks dispatched shipments of an order delivered (§4.8); a shipment already delivered is left as it is,
    /// so a repeated notification succeeds. The order is DELIVERED when every shipment is.
    public func deliver(orderCode: String, _ input: DeliveredInput, caller: Caller) async throws {
        let wanted = try input.validate()
        try await database.write { sql in
            let order = try await OrderStore.resolveForUpdate(code: orderCode, channelName: input.channelName, caller: caller, on: sql)
            let shipments = try await ShipmentRecords.forOrder(order.id, on: sql)
            var chosen: [(ShipmentRow, Timestamp?)] = []
            var errors = FieldErrors()
            for (index, item) in wanted.enumerated() {
                guard let shipment = shipments.first(where: { $0.shipment_code == item.shipmentCode }) else {
                    errors.add("channelShipmentDeliveredData[\(index)].shipmentCode", "order \(orderCode) has no shipment \(item.shipmentCode)")
                    continue
                }
                chosen.append((shipment, item.deliveredAt))
            }
            try errors.throwIfAny()
            try await Self.deliver(chosen, of: order, on: sql)
        }
        await database.afterCommit()
    }

    /// DISPATCHED → DELIVERED for each shipment (delivered ones are skipped; others refused with 422),
    /// with the events and the order's progress, inside the caller's transaction.
    static func deliver(_ shipments: [(ShipmentRow, Timestamp?)], of order: OrderRow, on sql: any SQLDatabase) async throws {
        var events: [NewEvent] = []
        for (shipment, time) in shipments where shipment.shipmentStatus != .delivered {
            try shipment.shipmentStatus.check(moveTo: .delivered, shipment: shipment.shipment_code)
            let at = time ?? Timestamp(millis: Clock.nowMillis())
            try await ShipmentRecords.setStatus(.delivered, ids: [shipment.id], on: sql, extra: ", delivered_at = \(bind: at.millis)")
            events.append(ShipmentEvents.delivered(shipment.subject(orderCode: order.order_code), at: at))
        }
        guard !events.isEmpty else { return }
        events += try await ShipmentRecords.advanceOrder(order, on: sql)
        try await EventLog.append(events, orderId: order.id, on: sql)
    }

    private func link(_ token: String) -> String { DocumentLinks.url(base: documentBaseURL, token: token) }
}
