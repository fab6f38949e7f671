import JunctionCore

/// The article behind one order line, as a posting names it.
public struct ERPLineArticle: Sendable, Hashable {
    /// Junction's id of the article: the posting's `globalSkuId`.
    public var articleId: Int64
    public var barcode: String
    /// The line's bundle or virtual SKU and its children; nil for a plain article.
    public var definition: ERPPosting.SkuDefinition?
}

/// Builds ERP sales postings from Junction's order read model, without reading anything else.
///
/// Mappings where Junction has no field of the same name: `turnAroundTime` is the order's
/// `dispatchByTime`; `locationCode` the first posted shipment's location, else the first allocation's, else
/// the requested one; `orderType` the posting's short spelling; `omsItemId` is derived (see
/// ``ERPPosting/OrderItem/omsItemId``); `generatedInvoiceId`/`Date` are Junction's invoice number and date
/// and `externalInvoiceId`/`Date` are null; `shipmentDetails` describes the latest posted shipment; a box's
/// `awbNumber` is its shipment's; `currency` is `INR` unless the order's attributes name another.
/// `packBoxRemarks` and `qrCode` are null: Junction keeps neither.
public enum ERPPostingBuilder {
    /// The statuses of shipments a posting carries: invoiced or later.
    static let postedStatuses: Set<String> = Set([ShipmentStatus.invoiced, .manifested, .dispatched, .delivered].map(\.rawValue))

    /// The posting of `event` for `order`; `articles` holds the article of each line by `orderItemCode`.
    public static func build(order: OrderView, event: SalesPostingEvent, messageId: Int64, eventTime: Timestamp,
                             channelType: ChannelType, articles: [String: ERPLineArticle]) -> ERPPosting {
        let posted = order.shipments.filter { postedStatuses.contains($0.shipmentStatus) }
        let definitions = order.orderItems.compactMap { articles[$0.orderItemCode]?.definition }
        let allocated = order.orderItems.lazy.flatMap(\.allocations).first?.locationCode
        return ERPPosting(
            partnerCode: order.partnerCode, partnerLocationCode: order.partnerLocationCode,
            locationCode: posted.first?.locationCode ?? allocated ?? order.locationCode,
            orderCode: order.orderCode, parentOrderCode: order.parentOrderCode, isPriority: order.isPriority,
            channelName: order.channelName, orderTime: order.orderTime, orderType: postingOrderType(order.orderType),
            messageId: messageId, paymentMethod: order.paymentMethod, eventType: event, eventTime: eventTime.iso8601,
            omsOrderId: order.omsOrderId, turnAroundTime: order.dispatchByTime,
            virtualSkuDefinitions: definitions.filter { $0.kind == .virtual },
            bundledSkuDefinitions: definitions.filter { $0.kind == .bundled },
            isSplitRequired: String(order.isSplitRequired), shippingCharges: order.totals.shippingTotal,
            channelType: channelType,
            orderItems: order.orderItems.enumerated().map { index, item in
                orderItem(item, omsItemId: order.omsOrderId * 10_000 + Int64(index), barcode: articles[item.orderItemCode]?.barcode)
            },
            shipments: posted.map { shipment($0, items: order.orderItems) },
            shipmentDetails: posted.last.map { details($0, items: order.orderItems, articles: articles) },
            shippingAddress: order.shippingAddress.map(ERPPosting.PostalAddress.init),
            billingAddress: order.billingAddress.map(ERPPosting.PostalAddress.init),
            orderCustomAttributes: ERPPosting.OrderAttributes(order.orderCustomAttributes))
    }

    /// `SALES` → `SO` and so on: the spelling the posting's table lists.
    static func postingOrderType(_ type: String) -> String {
        switch OrderType(rawValue: type) {
        case .sales: return "SO"
        case .stockTransfer: return "STO"
        case .returnOrder: return "RTV"
        case .replacement: return "RPO"
        case .purchase: return "PO"
        case nil: return type
        }
    }

    private static func orderItem(_ item: OrderItemView, omsItemId: Int64, barcode: String?) -> ERPPosting.OrderItem {
        ERPPosting.OrderItem(
            orderItemCode: item.orderItemCode, channelSkuCode: item.channelSkuCode, orderedQuantity: item.orderedQuantity,
            cancelledQuantity: item.cancelledQuantity, channelDiscount: item.channelDiscountPerUnit,
            sellingPricePerUnit: item.sellingPricePerUnit, giftChargePerUnit: item.giftChargePerUnit,
            sellerDiscount: item.sellerDiscountPerUnit, shippingCharge: item.shippingChargePerUnit, omsItemId: omsItemId,
            barcode: barcode, orderItemCustomAttributes: ERPPosting.Attributes(item.orderItemCustomAttributes))
    }

    private static func shipment(_ shipment: ShipmentView, items: [OrderItemView]) -> ERPPosting.Shipment {
        ERPPosting.Shipment(
            shipmentCode: shipment.shipmentCode, locationCode: shipment.locationCode,
            generatedInvoiceId: shipment.invoiceCode, generatedInvoiceDate: shipment.invoiceDate,
            externalInvoiceId: nil, externalInvoiceDate: nil, invoiceDocumentUrl: shipment.invoiceUrl,
            shippingLabelDocumentUrl: shipment.shippingLabel.shippingLabelUrl, irn: shipment.irn, qrCode: shipment.qrCode,
            shipmentStatus: shipment.shipmentStatus, awbNumber: shipment.awbNumber,
            shipmentItems: shipment.invoiceDetails.map { line in
                let item = items.first { $0.orderItemCode == line.orderItemCode }
                return ERPPosting.ShipmentItem(
                    channelSkuCode: line.channelSkuCode, orderItemCode: line.orderItemCode,
                    netTaxAmountPerUnit: line.netTaxAmountPerUnit, netTaxAmountTotal: line.netTaxAmountTotal,
                    baseSellingPricePerUnit: line.baseSellingPricePerUnit, baseSellingPriceTotal: line.baseSellingPriceTotal,
                    sellingPricePerUnit: line.actualSellingPricePerUnit, sellingPriceTotal: line.actualSellingPriceTotal,
                    quantity: line.quantity, shippingChargePerUnit: item?.shippingChargePerUnit,
                    channelDiscount: item?.channelDiscountPerUnit, taxItems: line.taxItems)
            })
    }

    private static func details(_ shipment: ShipmentView, items: [OrderItemView],
                                articles: [String: ERPLineArticle]) -> ERPPosting.ShipmentDetails {
        ERPPosting.ShipmentDetails(
            length: shipment.packageDetails?.length, breadth: shipment.packageDetails?.breadth,
            height: shipment.packageDetails?.height, weight: shipment.weight, shipmentId: shipment.shipmentId,
            totalItemQuantity: shipment.shipmentItems.reduce(0) { $0 + $1.quantity },
            packboxDetailsList: shipment.packboxDetailsList.map { box in
                ERPPosting.PackBox(
                    length: box.length, breadth: box.breadth, height: box.height, weight: box.weight, boxId: box.boxId,
                    awbNumber: shipment.awbNumber, packBoxRemarks: nil,
                    skuQuantityDataList: (box.skuQuantityDataList ?? []).map { sku in
                        let item = items.first { $0.channelSkuCode == sku.channelSkuCode }
                        return ERPPosting.BoxSku(globalSkuId: item.flatMap { articles[$0.orderItemCode]?.articleId },
                                                 clientSkuId: sku.clientSkuId ?? item?.clientSkuId, count: sku.count ?? 0)
                    })
            })
    }
}

extension ERPPosting.Attributes {
    /// The `attributeN` values set (as text) and the channel metadata of a custom attribute map.
    init(_ attributes: CustomAttributes?) {
        let fields = attributes?.fields ?? [:]
        self.init(values: AttributeDefinition.allowedKeys.reduce(into: [:]) { $0[$1] = fields[$1]?.stringValue },
                  channelMetadata: fields["channelMetadata"])
    }
}

extension ERPPosting.OrderAttributes {
    /// The attributes of an order's custom attribute map, with its `currency` or else `INR`.
    init(_ attributes: CustomAttributes?) {
        self.init(attributes: ERPPosting.Attributes(attributes),
                  currency: attributes?.fields["currency"]?.stringValue ?? "INR")
    }
}
