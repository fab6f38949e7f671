import JunctionCore

/// A shipment as the API shows it; also the answer to a pack call (§5.7), whose fields it carries at the
/// top level: shipment id and code, invoice code, date, URL and details, and the shipping label.
public struct ShipmentView: Codable, Sendable, Hashable {
    public var shipmentId: Int64
    public var shipmentCode: String
    public var orderCode: String
    public var locationCode: String
    public var channelName: String
    /// §5.7 names the channel `channelId`.
    public var channelId: String
    public var shipmentStatus: String
    public var fulfillmentType: String
    public var invoiceCode: String
    public var invoiceDate: String
    public var invoiceUrl: String
    public var irn: String?
    /// The signed e-invoice QR payload; Junction does not talk to the e-invoice portal, so it stays null.
    public var qrCode: String?
    public var invoiceTotal: Paise
    public var shippingLabel: ShippingLabelView
    public var transporter: String
    public var awbNumber: String
    public var codAmount: Paise?
    public var weight: Double?
    public var packageDetails: PackageDimensions?
    public var packboxDetailsList: [PackBox]
    public var shipmentItems: [ShipmentItemView]
    public var invoiceDetails: [InvoiceDetailView]
    public var manifestCode: String?
    public var handoverCode: String?
    public var deliveredAt: String?
    public var createdAt: String
}

/// A shipping label as §5.7 answers it.
public struct ShippingLabelView: Codable, Sendable, Hashable {
    public var transporter: String
    public var awbNumber: String
    public var shippingLabelUrl: String
}

/// Units of an order line in a shipment.
public struct ShipmentItemView: Codable, Sendable, Hashable {
    public var orderItemCode: String
    public var channelSkuCode: String
    public var quantity: Int
}

/// One line of `invoiceDetails` (§5.7, §4.3).
public struct InvoiceDetailView: Codable, Sendable, Hashable {
    public var channelSkuCode: String
    public var clientSkuId: String
    public var orderItemCode: String
    public var hsnCode: String?
    public var quantity: Int
    public var baseSellingPricePerUnit: Paise
    public var baseSellingPriceTotal: Paise
    public var actualSellingPricePerUnit: Paise
    public var actualSellingPriceTotal: Paise
    public var netTaxAmountPerUnit: Paise
    public var netTaxAmountTotal: Paise
    public var taxItems: [TaxComponent]

    init(_ line: InvoiceLine) {
        channelSkuCode = line.item.channelSkuCode; clientSkuId = line.item.clientSkuId; orderItemCode = line.item.orderItemCode
        hsnCode = line.item.hsnCode; quantity = line.tax.quantity
        baseSellingPricePerUnit = line.tax.baseSellingPricePerUnit; baseSellingPriceTotal = line.tax.baseSellingPriceTotal
        actualSellingPricePerUnit = line.tax.actualSellingPricePerUnit
        actualSellingPriceTotal = line.tax.actualSellingPriceTotal
        netTaxAmountPerUnit = line.tax.netTaxAmountPerUnit; netTaxAmountTotal = line.tax.netTaxAmountTotal
        taxItems = line.tax.taxItems
    }
}

extension ShipmentView {
    init(_ row: ShipmentRow, orderCode: String, lines: [LineRow], items: [ShipmentItemRow], batchCodes: [Int64: String],
         documentBaseURL: String) throws {
        let document = try JSONCoding.decode(ShipmentDocument.self, from: row.document)
        let url = { (token: String) in DocumentLinks.url(base: documentBaseURL, token: token) }
        self.init(
            shipmentId: row.id, shipmentCode: row.shipment_code, orderCode: orderCode, locationCode: row.location_code,
            channelName: row.channel_name, channelId: row.channel_name, shipmentStatus: row.status,
            fulfillmentType: row.fulfillment_type, invoiceCode: row.invoice_code,
            invoiceDate: Timestamp(millis: row.invoice_date).iso8601, invoiceUrl: url(document.invoiceToken),
            irn: document.invoice.irn, qrCode: nil, invoiceTotal: document.invoice.totals.actualSellingPriceTotal,
            shippingLabel: ShippingLabelView(transporter: row.transporter, awbNumber: row.awb_number,
                                             shippingLabelUrl: url(document.labelToken)),
            transporter: row.transporter, awbNumber: row.awb_number, codAmount: document.codAmount,
            weight: document.weight, packageDetails: document.packageDetails, packboxDetailsList: document.packboxDetailsList,
            shipmentItems: items.filter { $0.shipment_id == row.id }.map { item in
                let line = lines.first { $0.line_no == item.line_no }
                return ShipmentItemView(orderItemCode: line?.order_item_code ?? "", channelSkuCode: line?.channel_sku_code ?? "",
                                        quantity: item.quantity)
            },
            invoiceDetails: document.invoice.lines.map(InvoiceDetailView.init),
            manifestCode: row.manifest_id.flatMap { batchCodes[$0] }, handoverCode: row.handover_id.flatMap { batchCodes[$0] },
            deliveredAt: row.delivered_at.map { Timestamp(millis: $0).iso8601 },
            createdAt: Timestamp(millis: row.created_at).iso8601)
    }
}
