import JunctionCore

/// Builds EFS outward order events (§5.4) from what an ERP posting is built from (``ERPPostingSource``),
/// without reading anything else.
///
/// The suborder at a location: Junction records where open units are allocated, not where cancelled units
/// had been, so
/// - when every allocation of the order is at the location (or the order has none left, as after a full
///   cancellation), the suborder is the whole order: every line with its ordered, cancelled and
///   seller-cancelled quantities;
/// - otherwise (a split order) it is the lines with units allocated at the location, each with those units
///   as its ordered quantity and nothing cancelled.
///
/// Lines are then folded per `channelSkuCode`, in order of first appearance: quantities are summed,
/// `orderItemCodes` lists every line's code, and amounts, custom attributes and the SKU definition are the
/// first line's. Mappings: `requiredBy` is the order's `dispatchByTime`; `paymentMethod` `NCOD` is written
/// `PREPAID`; `customerCancelledQty` is the cancelled units the seller did not cancel; `shippingCharge` is per
/// unit; `sellerRejectQty` and `hoppedQuantity` are 0 and `externalItemCodes` empty; `currency` is `INR`
/// unless the order's attributes name another.
public enum EFSOrderEventBuilder {
    /// The `event` of the suborder at `location`.
    public static func build(source: ERPPostingSource, location: String, event: EFSOrderEventType, messageId: Int64,
                             eventTime: Timestamp) -> EFSOrderEvent {
        let order = source.order
        let wholeOrder = order.orderItems.allSatisfy { $0.allocations.allSatisfy { $0.locationCode == location } }
        let items = folded(order.orderItems.compactMap { line in
            item(line, at: location, wholeOrder: wholeOrder, article: source.articles[line.orderItemCode])
        })
        var virtual: [ERPPosting.SkuDefinition] = []
        var bundled: [EFSOrderEvent.BundledSkuDefinition] = []
        for item in items {
            guard let definition = source.articles[item.orderItemCodes[0]]?.definition else { continue }
            switch definition.kind {
            case .virtual: virtual.append(definition)
            case .bundled: bundled.append(.init(definition: definition, parentClientSkuCode: item.clientSkuId))
            }
        }
        return EFSOrderEvent(
            messageId: messageId, eventType: event, eventTime: eventTime.iso8601, orderCode: order.orderCode,
            parentOrderCode: order.parentOrderCode, locationCode: location, channelName: order.channelName,
            orderTime: order.orderTime, startProcessingTime: order.startProcessingTime, requiredBy: order.dispatchByTime,
            paymentMethod: PaymentMethod(rawValue: order.paymentMethod) == .ncod ? "PREPAID" : order.paymentMethod,
            isPriority: order.isPriority, onHold: order.onHold, orderItems: items,
            shippingAddress: order.shippingAddress.map(ERPPosting.PostalAddress.init),
            billingAddress: order.billingAddress.map(ERPPosting.PostalAddress.init),
            orderCustomAttributes: ERPPosting.OrderAttributes(order.orderCustomAttributes),
            virtualSkuDefinitions: virtual, bundledSkuDefinitions: bundled)
    }

    /// The line's share of the suborder; nil when it has none.
    private static func item(_ line: OrderItemView, at location: String, wholeOrder: Bool,
                             article: ERPLineArticle?) -> EFSOrderEvent.OrderItem? {
        let here = line.allocations.first { $0.locationCode == location }?.quantity ?? 0
        guard wholeOrder || here > 0 else { return nil }
        let cancelled = wholeOrder ? line.cancelledQuantity : 0
        let sellerCancelled = wholeOrder ? line.sellerCancelledQuantity : 0
        return EFSOrderEvent.OrderItem(
            orderItemCodes: [line.orderItemCode], clientSkuId: line.clientSkuId, channelSkuCode: line.channelSkuCode,
            barcode: article?.barcode, orderedQuantity: wholeOrder ? line.orderedQuantity : here,
            cancelledQuantity: cancelled, customerCancelledQty: cancelled - sellerCancelled,
            sellerCancelledQty: sellerCancelled, sellerRejectQty: 0, hoppedQuantity: 0,
            sellingPricePerUnit: line.sellingPricePerUnit, giftChargePerUnit: line.giftChargePerUnit,
            channelDiscount: line.channelDiscountPerUnit, sellerDiscount: line.sellerDiscountPerUnit,
            shippingCharge: line.shippingChargePerUnit, isVirtual: article?.definition?.kind == .virtual,
            externalItemCodes: [], orderItemCustomAttributes: ERPPosting.Attributes(line.orderItemCustomAttributes))
    }

    /// One item per `channelSkuCode`: later lines of a SKU add their codes and quantities to the first.
    private static func folded(_ items: [EFSOrderEvent.OrderItem]) -> [EFSOrderEvent.OrderItem] {
        var result: [EFSOrderEvent.OrderItem] = []
        var positions: [String: Int] = [:]
        for item in items {
            guard let position = positions[item.channelSkuCode] else {
                positions[item.channelSkuCode] = result.count
                result.append(item)
                continue
            }
            result[position].orderItemCodes += item.orderItemCodes
            result[position].orderedQuantity += item.orderedQuantity
            result[position].cancelledQuantity += item.cancelledQuantity
            result[position].customerCancelledQty += item.customerCancelledQty
            result[position].sellerCancelledQty += item.sellerCancelledQty
        }
        return result
    }
}
