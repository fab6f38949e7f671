import JunctionCore
import SQLKit

/// The invoice a shipment carries, frozen when it was issued so that its document never changes.
struct IssuedInvoice: Codable, Sendable {
    var invoiceCode: String
    var invoiceDate: Int64
    var irn: String?
    /// The location as it was when the invoice was issued.
    var supplier: Location
    var billTo: Address?
    var shipTo: Address?
    var placeOfSupply: String
    var supplyType: SupplyType
    var lines: [InvoiceLine]
    var totals: InvoiceTaxTotals
}

/// The fields of a shipment that have no column of their own.
struct ShipmentDocument: Codable, Sendable {
    var packageSku: String?
    var weight: Double?
    var packageDetails: PackageDimensions?
    var packboxDetailsList: [PackBox]
    var externalSerialCodes: [String: [String]]
    var paymentMethod: PaymentMethod
    /// What the courier collects: the invoice total for cash-on-delivery orders.
    var codAmount: Paise?
    var invoice: IssuedInvoice
    var invoiceToken: String
    var labelToken: String
}

struct ShipmentRow: Decodable, Sendable {
    var id: Int64
    var shipment_code: String
    var order_id: Int64
    var channel_name: String
    var location_code: String
    var status: String
    var fulfillment_type: String
    var request_key: String
    var document: String
    var invoice_code: String
    var invoice_date: Int64
    var transporter: String
    var awb_number: String
    var manifest_id: Int64?
    var handover_id: Int64?
    var delivered_at: Int64?
    var created_at: Int64
    var updated_at: Int64

    static let columns: SQLQueryString = """
        id, shipment_code, order_id, channel_name, location_code, status, fulfillment_type, request_key, document,
        invoice_code, invoice_date, transporter, awb_number, manifest_id, handover_id, delivered_at, created_at, updated_at
        """

    var shipmentStatus: ShipmentStatus { ShipmentStatus(rawValue: status) ?? .open }
    var isLive: Bool { shipmentStatus != .cancelled }
}

struct ShipmentItemRow: Decodable, Sendable {
    var shipment_id: Int64
    var line_no: Int
    var quantity: Int
}

/// Reading and writing shipments and their items.
enum ShipmentRecords {
    static func forOrder(_ orderId: Int64, on sql: any SQLDatabase) async throws -> [ShipmentRow] {
        try await sql.raw("SELECT \(ShipmentRow.columns) FROM shipments WHERE order_id = \(bind: orderId) ORDER BY id")
            .all(decoding: ShipmentRow.self)
    }

    /// The shipments of several orders, by order, each order's in creation order.
    static func forOrders(_ orderIds: [Int64], on sql: any SQLDatabase) async throws -> [Int64: [ShipmentRow]] {
        var byOrder: [Int64: [ShipmentRow]] = [:]
        for chunk in orderIds.chunked(500) {
            for row in try await sql.raw("SELECT \(ShipmentRow.columns) FROM shipments WHERE order_id IN (\(binds: Array(chunk))) ORDER BY id")
                .all(decoding: ShipmentRow.self) {
                byOrder[row.order_id, default: []].append(row)
            }
        }
        return byOrder
    }

    static func find(id: Int64, on sql: any SQLDatabase) async throws -> ShipmentRow? {
        try await sql.raw("SELECT \(ShipmentRow.columns) FROM shipments WHERE id = \(bind: id)").first(decoding: ShipmentRow.self)
    }

    static func items(orderId: Int64, on sql: any SQLDatabase) async throws -> [ShipmentItemRow] {
        try await sql.raw("""
            SELECT i.shipment_id, i.line_no, i.quantity FROM shipment_items i JOIN shipments s ON s.id = i.shipment_id
            WHERE s.order_id = \(bind: orderId) ORDER BY i.shipment_id, i.line_no
            """).all(decoding: ShipmentItemRow.self)
    }

    /// Units in live shipments, per line and location.
    static func shipped(_ shipments: [ShipmentRow], items: [ShipmentItemRow]) -> [Int: [String: Int]] {
        var result: [Int: [String: Int]] = [:]
        for shipment in shipments where shipment.isLive {
            for item in items where item.shipment_id == shipment.id {
                result[item.line_no, default: [:]][shipment.location_code, default: 0] += item.quantity
            }
        }
        return result
    }

    /// Where each line stands in fulfilment, for the order status.
    static func progress(lines: [LineRow], shipments: [ShipmentRow], items: [ShipmentItemRow]) -> [LineProgress] {
        lines.map { line in
            var invoiced = 0, delivered = 0
            for shipment in shipments where shipment.isLive {
                let units = items.filter { $0.shipment_id == shipment.id && $0.line_no == line.line_no }.reduce(0) { $0 + $1.quantity }
                invoiced += units
                if shipment.shipmentStatus == .delivered { delivered += units }
            }
            return LineProgress(quantity: line.quantity, cancelled: line.cancelled, invoiced: invoiced, delivered: delivered)
        }
    }

    static func setStatus(_ status: ShipmentStatus, ids: [Int64], on sql: any SQLDatabase,
                          extra: SQLQueryString = "") async throws {
        guard !ids.isEmpty else { return }
        let list = SQLQueryString(ids.map(String.init).joined(separator: ", "))
        try await sql.raw("""
            UPDATE shipments SET status = \(bind: status.rawValue), updated_at = \(bind: Clock.nowMillis())\(extra)
            WHERE id IN (\(list))
            """).run()
    }

    /// Moves the order to COMPLETED or DELIVERED when its shipments say so, with the event.
    static func advanceOrder(_ order: OrderRow, on sql: any SQLDatabase) async throws -> [NewEvent] {
        try await advanceOrder(order, lines: try await OrderRecords.lines(orderId: order.id, on: sql),
                               shipments: try await forOrder(order.id, on: sql), items: try await items(orderId: order.id, on: sql),
                               on: sql)
    }

    /// The same, for an order whose lines, shipments and items as they now stand are at hand.
    static func advanceOrder(_ order: OrderRow, lines: [LineRow], shipments: [ShipmentRow], items: [ShipmentItemRow],
                             on sql: any SQLDatabase) async throws -> [NewEvent] {
        guard let status = OrderProgress.status(progress(lines: lines, shipments: shipments, items: items)),
              status != order.orderStatus else { return [] }
        try await OrderRecords.setStatus(status, orderId: order.id, on: sql)
        var events: [NewEvent] = []
        if order.orderStatus != .completed && status == .delivered {
            events.append(ShipmentEvents.orderProgressed(code: order.order_code, channel: order.channel_name, to: .completed))
        }
        events.append(ShipmentEvents.orderProgressed(code: order.order_code, channel: order.channel_name, to: status))
        return events
    }
}

extension ShipmentRow {
    /// This shipment as its events name it.
    func subject(orderCode: String) -> ShipmentEvents.Subject {
        ShipmentEvents.Subject(orderCode: orderCode, shipmentCode: shipment_code, channelName: channel_name,
                               locationCode: location_code)
    }
}
