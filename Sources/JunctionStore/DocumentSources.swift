import JunctionCore
import JunctionDocuments
import SQLKit

/// Turns stored shipments and batches into what the PDF documents print.
enum DocumentSources {
    static func invoice(_ shipment: ShipmentRow, orderCode: String, document: ShipmentDocument) -> TaxInvoiceData {
        let invoice = document.invoice
        let place = IndianState(gstCode: invoice.placeOfSupply)
        return TaxInvoiceData(
            invoiceNumber: invoice.invoiceCode, invoiceDate: Timestamp(millis: invoice.invoiceDate), orderCode: orderCode,
            channelName: shipment.channel_name, shipmentCode: shipment.shipment_code, irn: invoice.irn,
            supplier: DocumentParty(invoice.supplier), billTo: DocumentParty(invoice.billTo, gstin: nil),
            shipTo: DocumentParty(invoice.shipTo, gstin: nil),
            placeOfSupply: place.map { "\($0.name) (\($0.gstCode))" } ?? invoice.placeOfSupply,
            supplyType: invoice.supplyType,
            lines: invoice.lines.map {
                TaxInvoiceLine(description: $0.item.description, channelSkuCode: $0.item.channelSkuCode, hsnCode: $0.item.hsnCode,
                               tax: $0.tax)
            },
            totals: invoice.totals)
    }

    static func label(_ shipment: ShipmentRow, orderCode: String, document: ShipmentDocument) -> ShippingLabelData {
        let dimensions = document.packageDetails.flatMap { size -> String? in
            guard let length = size.length, let breadth = size.breadth, let height = size.height else { return nil }
            return "\(formatted(length)) x \(formatted(breadth)) x \(formatted(height)) cm"
        }
        return ShippingLabelData(
            transporter: shipment.transporter, awbNumber: shipment.awb_number, orderCode: orderCode,
            shipmentCode: shipment.shipment_code, invoiceNumber: shipment.invoice_code,
            shipFrom: DocumentParty(document.invoice.supplier), shipTo: DocumentParty(document.invoice.shipTo, gstin: nil),
            paymentMethod: document.paymentMethod == .cod ? "COD" : "PREPAID", codAmount: document.codAmount,
            weightGrams: document.weight, dimensions: dimensions, packedAt: Timestamp(millis: shipment.created_at),
            units: document.invoice.lines.reduce(0) { $0 + $1.tax.quantity })
    }

    /// The shipments on a manifest or handover batch.
    static func entries(batchId: Int64, kind: DocumentKind, on sql: any SQLDatabase) async throws -> [DispatchEntry] {
        let column: SQLQueryString = kind == .manifest ? "manifest_id" : "handover_id"
        let rows = try await sql.raw("SELECT \(ShipmentRow.columns) FROM shipments WHERE \(column) = \(bind: batchId) ORDER BY id")
            .all(decoding: ShipmentRow.self)
        let orderCodes = try await OrderRecords.codes(orderIds: Set(rows.map(\.order_id)), on: sql)
        var entries: [DispatchEntry] = []
        for row in rows {
            let document = try JSONCoding.decode(ShipmentDocument.self, from: row.document)
            entries.append(DispatchEntry(
                orderCode: orderCodes[row.order_id]!, shipmentCode: row.shipment_code,  // a shipment has its order
                awbNumber: row.awb_number, invoiceNumber: row.invoice_code, boxes: max(1, document.packboxDetailsList.count),
                weightGrams: document.weight, codAmount: document.codAmount))
        }
        return entries
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension DocumentParty {
    /// A location as its documents print it.
    init(_ location: Location) {
        let address = location.address
        let state = address.state.flatMap(IndianState.init(matching:))
        self.init(name: location.name, addressLines: [address.line1, address.line2, address.line3].compactMap(nonEmpty),
                  city: address.city, state: state?.name ?? address.state, stateCode: state?.gstCode, zip: address.zip,
                  gstin: location.gstin, phone: address.phone)
    }

    /// A customer's address as documents print it.
    init(_ address: Address?, gstin: String?) {
        let state = address?.state.flatMap(IndianState.init(matching:))
        self.init(name: address?.name ?? "", addressLines: [address?.line1, address?.line2, address?.line3].compactMap(nonEmpty),
                  city: address?.city, state: state?.name ?? address?.state, stateCode: state?.gstCode, zip: address?.zip,
                  gstin: gstin, phone: address?.phone)
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isBlank else { return nil }
    return text
}
