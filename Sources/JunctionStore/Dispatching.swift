import JunctionCore
import SQLKit

/// What a manifest or handover call answers.
public struct DispatchResult: Codable, Sendable, Hashable {
    public var manifestCode: String?
    public var externalManifestCode: String?
    public var manifestUrl: String?
    public var handoverCode: String?
    public var handoverDocumentUrl: String?
    /// The shipments the call moved.
    public var shipmentCodes: [String]
}

/// The fields of a manifest or handover batch that have no column of their own.
struct BatchDocument: Codable, Sendable {
    var externalManifestCode: String?
    var ewayBillDocument: String?
    var lrNumber: String?
    var remarks: String?
    var vehicleNumber: String?
    var token: String
}

/// Manifests (§5.8) and handovers (§5.9): a location's shipments for one transporter, moved on together.
struct Dispatching {
    enum Kind: String { case manifest = "MANIFEST", handover = "HANDOVER" }

    let checked: DispatchInput.Checked
    let input: DispatchInput

    /// Every named order's shipments at the location for the transporter in `status`, the orders locked;
    /// refuses the call when a code names no order (400) or an order has none (422), naming each such order.
    /// The orders are locked and read with a statement per 100 codes, their shipments with one per 500 orders.
    func shipments(in status: ShipmentStatus, on sql: any SQLDatabase) async throws -> [(order: OrderRow, shipments: [ShipmentRow])] {
        let orders = try await OrderRecords.lock(channel: checked.channelName,
                                                 named: checked.orderCodes.enumerated().map { ("orderCodes[\($0)]", $1) }, on: sql)
        let shipments = try await ShipmentRecords.forOrders(checked.orderCodes.map { orders[$0]!.id }, on: sql)
        var refusals: [String] = []
        var found: [(OrderRow, [ShipmentRow])] = []
        for code in checked.orderCodes {
            let order = orders[code]!
            let rows = (shipments[order.id] ?? []).filter {
                $0.location_code == checked.locationCode && $0.transporter == checked.transporter
            }
            let ready = rows.filter { $0.shipmentStatus == status }
            if ready.isEmpty {
                let states = rows.isEmpty ? "none" : rows.map { "\($0.shipment_code) \($0.status)" }.joined(separator: ", ")
                refusals.append("order \(code) has no \(status.rawValue) shipment for \(checked.transporter) at "
                                + "\(checked.locationCode) (shipments: \(states))")
            } else {
                found.append((order, ready))
            }
        }
        if !refusals.isEmpty { throw DomainError.invalidState(refusals.joined(separator: "; ")) }
        return found
    }

    /// Records a batch and its document link; returns its id, code and link token.
    func createBatch(_ kind: Kind, on sql: any SQLDatabase) async throws -> (id: Int64, code: String, token: String) {
        let number = try await NumberSeries.next("batch:\(kind.rawValue)", on: sql)
        let digits = String(number)
        let code = (kind == .manifest ? "MF" : "HO") + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        let document = BatchDocument(externalManifestCode: input.externalManifestCode, ewayBillDocument: input.ewayBillDocument,
                                     lrNumber: input.lrNumber, remarks: input.remarks, vehicleNumber: input.vehicleNumber,
                                     token: DocumentLinks.newToken())
        let id = try await sql.raw("""
            INSERT INTO dispatch_batches (kind, code, location_code, channel_name, transporter, document, created_at)
            VALUES (\(bind: kind.rawValue), \(bind: code), \(bind: checked.locationCode), \(bind: checked.channelName),
                \(bind: checked.transporter), \(bind: try JSONCoding.string(document)), \(bind: Clock.nowMillis()))
            RETURNING id
            """).first(decoding: IdRow.self)!.id
        try await DocumentLinks.record([(document.token, kind == .manifest ? .manifest : .handover)], subject: id, on: sql)
        return (id, code, document.token)
    }

    /// INVOICED → MANIFESTED on a new manifest.
    func manifest(_ groups: [(order: OrderRow, shipments: [ShipmentRow])], on sql: any SQLDatabase) async throws -> (code: String, token: String) {
        let batch = try await createBatch(.manifest, on: sql)
        try await ShipmentRecords.setStatus(.manifested, ids: groups.flatMap { $0.shipments.map(\.id) }, on: sql,
                                            extra: ", manifest_id = \(bind: batch.id)")
        try await EventLog.append(groups.map { order, shipments in
            (order.id, shipments.map {
                EncodedEvent(ShipmentEvents.manifested($0.subject(orderCode: order.order_code), manifestCode: batch.code,
                                                       transporter: checked.transporter))
            })
        }, on: sql)
        return (batch.code, batch.token)
    }

    /// MANIFESTED → DISPATCHED on a new handover; the units leave the location's stock.
    func handover(_ groups: [(order: OrderRow, shipments: [ShipmentRow])], on sql: any SQLDatabase) async throws -> (code: String, token: String) {
        let batch = try await createBatch(.handover, on: sql)
        let shipmentIds = groups.flatMap { $0.shipments.map(\.id) }
        try await ShipmentRecords.setStatus(.dispatched, ids: shipmentIds, on: sql, extra: ", handover_id = \(bind: batch.id)")
        try await deductStock(shipmentIds: shipmentIds, on: sql)
        try await EventLog.append(groups.map { order, shipments in
            (order.id, shipments.map {
                EncodedEvent(ShipmentEvents.dispatched($0.subject(orderCode: order.order_code), handoverCode: batch.code,
                                                       transporter: checked.transporter))
            })
        }, on: sql)
        return (batch.code, batch.token)
    }

    /// Dispatched units were reserved at the location; they now leave both on-hand and reserved stock: the
    /// shipments' units are read with their lines' components and taken off together (``StockRows``).
    private func deductStock(shipmentIds: [Int64], on sql: any SQLDatabase) async throws {
        var units: [Int64: Int] = [:]
        for chunk in shipmentIds.chunked(500) {
            for row in try await sql.raw("""
                SELECT i.quantity, l.document FROM shipment_items i JOIN shipments s ON s.id = i.shipment_id
                JOIN order_lines l ON l.order_id = s.order_id AND l.line_no = i.line_no
                WHERE i.shipment_id IN (\(binds: Array(chunk)))
                """).all(decoding: ShippedLineRow.self) {
                for component in try JSONCoding.decode(LineDocument.self, from: row.document).components {
                    units[component.articleId, default: 0] += component.quantity * row.quantity
                }
            }
        }
        let dispatched = units.map { StockReservation(locationCode: checked.locationCode, articleId: $0.key, quantity: $0.value) }
        try await StockRows.dispatch(dispatched, now: Clock.nowMillis(), on: sql)
    }
}

/// Units of an order line in a shipment, with the line's document (which holds its components).
private struct ShippedLineRow: Decodable {
    var quantity: Int
    var document: String
}
