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

    /// Every named order's shipments at the location for the transporter in `status`; refuses (422) the
    /// call when an order has none, naming each such order.
    func shipments(in status: ShipmentStatus, on sql: any SQLDatabase) async throws -> [(order: OrderRow, shipments: [ShipmentRow])] {
        var missing = FieldErrors()
        var refusals: [String] = []
        var found: [(OrderRow, [ShipmentRow])] = []
        for (index, code) in checked.orderCodes.enumerated() {
            guard let row = try await OrderRecords.find(channel: checked.channelName, code: code, on: sql).first else {
                missing.add("orderCodes[\(index)]", "no order \(code) of channel \(checked.channelName)")
                continue
            }
            let order = try await OrderRecords.lock(row, on: sql)
            let rows = try await ShipmentRecords.forOrder(order.id, on: sql).filter {
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
        try missing.throwIfAny()
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
        try await DocumentLinks.record(document.token, kind == .manifest ? .manifest : .handover, subject: id, on: sql)
        return (id, code, document.token)
    }

    /// INVOICED → MANIFESTED on a new manifest.
    func manifest(_ groups: [(order: OrderRow, shipments: [ShipmentRow])], on sql: any SQLDatabase) async throws -> (code: String, token: String) {
        let batch = try await createBatch(.manifest, on: sql)
        for (order, shipments) in groups {
            try await ShipmentRecords.setStatus(.manifested, ids: shipments.map(\.id), on: sql, extra: ", manifest_id = \(bind: batch.id)")
            try await EventLog.append(shipments.map {
                ShipmentEvents.manifested($0.subject(orderCode: order.order_code), manifestCode: batch.code, transporter: checked.transporter)
            }, orderId: order.id, on: sql)
        }
        return (batch.code, batch.token)
    }

    /// MANIFESTED → DISPATCHED on a new handover; the units leave the location's stock.
    func handover(_ groups: [(order: OrderRow, shipments: [ShipmentRow])], on sql: any SQLDatabase) async throws -> (code: String, token: String) {
        let batch = try await createBatch(.handover, on: sql)
        for (order, shipments) in groups {
            try await ShipmentRecords.setStatus(.dispatched, ids: shipments.map(\.id), on: sql, extra: ", handover_id = \(bind: batch.id)")
            try await deductStock(order: order, shipments: shipments, on: sql)
            try await EventLog.append(shipments.map {
                ShipmentEvents.dispatched($0.subject(orderCode: order.order_code), handoverCode: batch.code, transporter: checked.transporter)
            }, orderId: order.id, on: sql)
        }
        return (batch.code, batch.token)
    }

    /// Dispatched units were reserved at the location; they now leave both on-hand and reserved stock.
    private func deductStock(order: OrderRow, shipments: [ShipmentRow], on sql: any SQLDatabase) async throws {
        let lines = try await OrderRecords.lines(orderId: order.id, on: sql)
        let ids = Set(shipments.map(\.id))
        var units: [Int64: Int] = [:]
        for item in try await ShipmentRecords.items(orderId: order.id, on: sql) where ids.contains(item.shipment_id) {
            guard let line = lines.first(where: { $0.line_no == item.line_no }) else { continue }
            for component in try JSONCoding.decode(LineDocument.self, from: line.document).components {
                units[component.articleId, default: 0] += component.quantity * item.quantity
            }
        }
        let now = Clock.nowMillis()
        for (article, quantity) in units {
            try await sql.raw("""
                UPDATE inventory SET on_hand = on_hand - \(bind: quantity), reserved = reserved - \(bind: quantity),
                    updated_at = \(bind: now)
                WHERE location_code = \(bind: checked.locationCode) AND article_id = \(bind: article)
                """).run()
        }
    }
}
