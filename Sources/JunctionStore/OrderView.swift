import JunctionCore

/// An outward order as the API shows it: header, lines with their quantities and allocations, money,
/// and the timeline of what happened to it.
public struct OrderView: Codable, Sendable, Hashable {
    public var omsOrderId: Int64
    public var orderCode: String
    public var channelName: String
    public var status: String
    public var orderType: String
    public var orderTime: String
    public var isPriority: Bool
    public var gift: Bool
    public var onHold: Bool
    public var qcStatus: String
    public var paymentMethod: String
    public var isSplitRequired: Bool
    public var locationCode: String?
    public var parentOrderCode: String?
    public var partnerCode: String?
    public var partnerLocationCode: String?
    public var dispatchByTime: String?
    public var startProcessingTime: String?
    public var packType: String?
    public var shippingAddress: Address?
    public var billingAddress: Address?
    public var orderCustomAttributes: CustomAttributes?
    public var totals: TotalsView
    public var orderItems: [OrderItemView]
    public var shipments: [ShipmentView]
    public var timeline: [TimelineEntry]
    public var createdAt: String
    public var updatedAt: String
}

/// An order's money in rupees, exact to the paisa.
public struct TotalsView: Codable, Sendable, Hashable {
    public var itemTotal: Paise
    public var discountTotal: Paise
    public var shippingTotal: Paise
    public var giftTotal: Paise
    public var grandTotal: Paise

    init(_ totals: OrderTotals) {
        itemTotal = totals.itemTotal; discountTotal = totals.discountTotal; shippingTotal = totals.shippingTotal
        giftTotal = totals.giftTotal; grandTotal = totals.grandTotal
    }
}

/// One order line as the API shows it.
public struct OrderItemView: Codable, Sendable, Hashable {
    public var orderItemCode: String
    public var channelSkuCode: String
    public var clientSkuId: String
    public var orderedQuantity: Int
    public var cancelledQuantity: Int
    /// Of the cancelled units, those the seller cancelled.
    public var sellerCancelledQuantity: Int
    public var allocatedQuantity: Int
    /// Units in shipments that are not cancelled; packing invoices at once, so these are also invoiced.
    public var packedQuantity: Int
    public var invoicedQuantity: Int
    /// Units handed over to a transporter (dispatched or delivered).
    public var shippedQuantity: Int
    public var deliveredQuantity: Int
    public var sellingPricePerUnit: Paise
    public var sellerDiscountPerUnit: Paise
    public var channelDiscountPerUnit: Paise
    public var shippingChargePerUnit: Paise
    public var giftChargePerUnit: Paise
    public var lineTotal: Paise
    public var allocations: [AllocationView]
    public var orderItemCustomAttributes: CustomAttributes?
    public var minExpiry: String?
    public var giftOptions: GiftOptions?
}

/// Units of a line promised at a location.
public struct AllocationView: Codable, Sendable, Hashable {
    public var locationCode: String
    public var quantity: Int
}

/// One entry of an order's timeline: an event and why it happened.
public struct TimelineEntry: Codable, Sendable, Hashable {
    public var messageId: Int64?
    public var eventType: String
    public var reason: String
    public var eventTime: String
    public var details: [String: JSONValue]
}

extension OrderView {
    init(order: OrderRow, lines: [LineRow], allocations: [AllocationRow], shipments: [ShipmentView],
         events: [StoredEvent]) throws {
        let document = try JSONCoding.decode(OrderDocument.self, from: order.document)
        var items: [OrderItemView] = []
        var amounts: [LineAmounts] = []
        for line in lines {
            let extra = try JSONCoding.decode(LineDocument.self, from: line.document)
            let promised = allocations.filter { $0.line_no == line.line_no }
                .map { AllocationView(locationCode: $0.location_code, quantity: $0.units) }
            let lineAmounts = extra.amounts(quantity: line.quantity, sellingPrice: Paise(line.selling_price))
            amounts.append(lineAmounts)
            let inShipments = { (statuses: Set<ShipmentStatus>) in
                shipments.filter { statuses.contains(ShipmentStatus(rawValue: $0.shipmentStatus) ?? .cancelled) }
                    .flatMap(\.shipmentItems).filter { $0.orderItemCode == line.order_item_code }.reduce(0) { $0 + $1.quantity }
            }
            let packed = inShipments(Set(ShipmentStatus.allCases).subtracting([.cancelled]))
            items.append(OrderItemView(
                orderItemCode: line.order_item_code, channelSkuCode: line.channel_sku_code, clientSkuId: extra.clientSkuId,
                orderedQuantity: line.quantity, cancelledQuantity: line.cancelled,
                sellerCancelledQuantity: line.seller_cancelled, allocatedQuantity: promised.reduce(0) { $0 + $1.quantity },
                packedQuantity: packed, invoicedQuantity: packed, shippedQuantity: inShipments([.dispatched, .delivered]),
                deliveredQuantity: inShipments([.delivered]), sellingPricePerUnit: Paise(line.selling_price),
                sellerDiscountPerUnit: extra.sellerDiscountPerUnit, channelDiscountPerUnit: extra.channelDiscountPerUnit,
                shippingChargePerUnit: extra.shippingChargePerUnit, giftChargePerUnit: extra.giftChargePerUnit,
                lineTotal: lineAmounts.grandTotal, allocations: promised, orderItemCustomAttributes: extra.customAttributes,
                minExpiry: extra.minExpiry, giftOptions: extra.giftOptions))
        }
        self.init(
            omsOrderId: order.id, orderCode: order.order_code, channelName: order.channel_name, status: order.status,
            orderType: document.orderType.rawValue, orderTime: Timestamp(millis: order.order_time).iso8601,
            isPriority: order.is_priority != 0, gift: document.gift, onHold: order.on_hold != 0,
            qcStatus: document.qcStatus.rawValue, paymentMethod: document.paymentMethod.rawValue,
            isSplitRequired: order.is_split_required != 0, locationCode: order.requested_location,
            parentOrderCode: document.parentOrderCode, partnerCode: document.partnerCode,
            partnerLocationCode: document.partnerLocationCode,
            dispatchByTime: document.dispatchByTime.map { Timestamp(millis: $0).iso8601 },
            startProcessingTime: document.startProcessingTime.map { Timestamp(millis: $0).iso8601 },
            packType: document.packType?.rawValue, shippingAddress: document.shippingAddress,
            billingAddress: document.billingAddress, orderCustomAttributes: document.customAttributes,
            totals: TotalsView(OrderTotals(amounts)), orderItems: items, shipments: shipments,
            timeline: events.map {
                TimelineEntry(messageId: $0.messageId, eventType: $0.eventType, reason: $0.reason, eventTime: $0.eventTime,
                              details: $0.details)
            },
            createdAt: Timestamp(millis: order.created_at).iso8601, updatedAt: Timestamp(millis: order.updated_at).iso8601)
    }
}
