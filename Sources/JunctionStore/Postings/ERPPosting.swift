import JunctionCore

/// An ERP sales posting: Increff's outward order event to an ERP (seed `004_90b41d64422d3b2b`), shaped
/// field for field as the seed's clean `OUTWARD_ORDER_CREATE` sample, plus the `bundledSkuDefinitions` the
/// page's newer version and parameter table add.
///
/// Every field is always written: what Junction does not know is JSON `null`, never left out. Money is
/// rupees as JSON numbers (``Paise``), times are ``Timestamp/iso8601``. As in the sample,
/// `shipmentDetails` sits at the top level, next to `shipments`.
public struct ERPPosting: Codable, Sendable, Hashable {
    /// The partner the order went to (B2B customer or vendor code).
    public var partnerCode: String?
    public var partnerLocationCode: String?
    /// The location that fulfils the order.
    public var locationCode: String?
    public var orderCode: String
    public var parentOrderCode: String?
    public var isPriority: Bool
    public var channelName: String
    public var orderTime: String
    /// `SO`, `STO`, `RTV`, `RPO` or `PO`: the posting's spelling of the order type.
    public var orderType: String
    /// Unique per posting: the receiver de-duplicates on it.
    public var messageId: Int64
    /// `COD` or `NCOD`.
    public var paymentMethod: String
    public var eventType: SalesPostingEvent
    public var eventTime: String
    public var omsOrderId: Int64
    public var turnAroundTime: String?
    public var virtualSkuDefinitions: [SkuDefinition]
    public var bundledSkuDefinitions: [SkuDefinition]
    /// `"true"` or `"false"`: the seed writes this flag as a string.
    public var isSplitRequired: String
    /// The shipping charges of the whole order.
    public var shippingCharges: Paise
    public var channelType: ChannelType
    public var orderItems: [OrderItem]
    /// The order's invoiced (or later) shipments; once in a posting, a shipment is in every later one.
    public var shipments: [Shipment]
    /// Dimensions and boxes of one posted shipment; null while none is posted.
    public var shipmentDetails: ShipmentDetails?
    public var shippingAddress: PostalAddress?
    public var billingAddress: PostalAddress?
    public var orderCustomAttributes: OrderAttributes

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(partnerCode, forKey: .partnerCode)
        try container.encode(partnerLocationCode, forKey: .partnerLocationCode)
        try container.encode(locationCode, forKey: .locationCode)
        try container.encode(orderCode, forKey: .orderCode)
        try container.encode(parentOrderCode, forKey: .parentOrderCode)
        try container.encode(isPriority, forKey: .isPriority)
        try container.encode(channelName, forKey: .channelName)
        try container.encode(orderTime, forKey: .orderTime)
        try container.encode(orderType, forKey: .orderType)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(paymentMethod, forKey: .paymentMethod)
        try container.encode(eventType, forKey: .eventType)
        try container.encode(eventTime, forKey: .eventTime)
        try container.encode(omsOrderId, forKey: .omsOrderId)
        try container.encode(turnAroundTime, forKey: .turnAroundTime)
        try container.encode(virtualSkuDefinitions, forKey: .virtualSkuDefinitions)
        try container.encode(bundledSkuDefinitions, forKey: .bundledSkuDefinitions)
        try container.encode(isSplitRequired, forKey: .isSplitRequired)
        try container.encode(shippingCharges, forKey: .shippingCharges)
        try container.encode(channelType, forKey: .channelType)
        try container.encode(orderItems, forKey: .orderItems)
        try container.encode(shipments, forKey: .shipments)
        try container.encode(shipmentDetails, forKey: .shipmentDetails)
        try container.encode(shippingAddress, forKey: .shippingAddress)
        try container.encode(billingAddress, forKey: .billingAddress)
        try container.encode(orderCustomAttributes, forKey: .orderCustomAttributes)
    }
}

extension ERPPosting {
    /// A bundle or virtual SKU the order contains and the children one unit of it is made of, written with
    /// the `virtualParent…` or `bundledParent…` key names of its kind.
    public struct SkuDefinition: Codable, Sendable, Hashable {
        /// Which list the definition belongs to; also the prefix of its key names.
        public enum Kind: String, Sendable, Hashable { case virtual, bundled }

        public var kind: Kind
        /// The parent's SKU code as the channel ordered it.
        public var parentChannelSkuId: String
        public var parentBarcode: String
        public var childSkus: [ChildSku]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NameKey.self)
            try container.encode(parentChannelSkuId, forKey: NameKey(kind.rawValue + "ParentChannelSkuId"))
            try container.encode(parentBarcode, forKey: NameKey(kind.rawValue + "ParentBarcode"))
            try container.encode(childSkus, forKey: NameKey("childSkus"))
        }
    }

    /// `qty` units of the article `channelSkuCode` in one unit of the parent.
    public struct ChildSku: Codable, Sendable, Hashable {
        /// The child article's own code (as the ERP created it in the article master).
        public var channelSkuCode: String
        public var qty: Int
        public var barcode: String
    }

    /// One order line. Amounts are per unit.
    public struct OrderItem: Codable, Sendable, Hashable {
        public var orderItemCode: String
        public var channelSkuCode: String
        public var orderedQuantity: Int
        public var cancelledQuantity: Int
        public var channelDiscount: Paise
        public var sellingPricePerUnit: Paise
        public var giftChargePerUnit: Paise
        public var sellerDiscount: Paise
        public var shippingCharge: Paise
        /// Junction keeps no id per line: `omsOrderId × 10000 + line index` (an order has at most 2,500
        /// lines), stable and unique across orders.
        public var omsItemId: Int64
        public var barcode: String?
        public var orderItemCustomAttributes: Attributes

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(orderItemCode, forKey: .orderItemCode)
            try container.encode(channelSkuCode, forKey: .channelSkuCode)
            try container.encode(orderedQuantity, forKey: .orderedQuantity)
            try container.encode(cancelledQuantity, forKey: .cancelledQuantity)
            try container.encode(channelDiscount, forKey: .channelDiscount)
            try container.encode(sellingPricePerUnit, forKey: .sellingPricePerUnit)
            try container.encode(giftChargePerUnit, forKey: .giftChargePerUnit)
            try container.encode(sellerDiscount, forKey: .sellerDiscount)
            try container.encode(shippingCharge, forKey: .shippingCharge)
            try container.encode(omsItemId, forKey: .omsItemId)
            try container.encode(barcode, forKey: .barcode)
            try container.encode(orderItemCustomAttributes, forKey: .orderItemCustomAttributes)
        }
    }

    /// `attribute1` … `attribute10` and `channelMetadata`, every key written, null when not set.
    public struct Attributes: Codable, Sendable, Hashable {
        /// The attributes set, by key (`attribute1` … `attribute10`).
        public var values: [String: String]
        /// The channel's free-form data, as sent.
        public var channelMetadata: JSONValue?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NameKey.self)
            for key in AttributeDefinition.allowedKeys { try container.encode(values[key], forKey: NameKey(key)) }
            try container.encode(channelMetadata, forKey: NameKey("channelMetadata"))
        }
    }

    /// The order's custom attributes: those of a line plus `currency`, in one flat object.
    public struct OrderAttributes: Codable, Sendable, Hashable {
        public var attributes: Attributes
        public var currency: String?

        public func encode(to encoder: any Encoder) throws {
            try attributes.encode(to: encoder)
            var container = encoder.container(keyedBy: NameKey.self)
            try container.encode(currency, forKey: NameKey("currency"))
        }
    }

    /// One invoiced (or later) shipment.
    public struct Shipment: Codable, Sendable, Hashable {
        public var shipmentCode: String
        public var locationCode: String
        /// Junction's invoice number and date.
        public var generatedInvoiceId: String
        public var generatedInvoiceDate: String
        /// A channel's own invoice; Junction issues every invoice itself, so these stay null.
        public var externalInvoiceId: String?
        public var externalInvoiceDate: String?
        public var invoiceDocumentUrl: String
        public var shippingLabelDocumentUrl: String
        public var irn: String?
        public var qrCode: String?
        public var shipmentStatus: String
        public var awbNumber: String
        public var shipmentItems: [ShipmentItem]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(shipmentCode, forKey: .shipmentCode)
            try container.encode(locationCode, forKey: .locationCode)
            try container.encode(generatedInvoiceId, forKey: .generatedInvoiceId)
            try container.encode(generatedInvoiceDate, forKey: .generatedInvoiceDate)
            try container.encode(externalInvoiceId, forKey: .externalInvoiceId)
            try container.encode(externalInvoiceDate, forKey: .externalInvoiceDate)
            try container.encode(invoiceDocumentUrl, forKey: .invoiceDocumentUrl)
            try container.encode(shippingLabelDocumentUrl, forKey: .shippingLabelDocumentUrl)
            try container.encode(irn, forKey: .irn)
            try container.encode(qrCode, forKey: .qrCode)
            try container.encode(shipmentStatus, forKey: .shipmentStatus)
            try container.encode(awbNumber, forKey: .awbNumber)
            try container.encode(shipmentItems, forKey: .shipmentItems)
        }
    }

    /// One invoice line of a shipment: prices, tax and its break-up (`taxItems`).
    public struct ShipmentItem: Codable, Sendable, Hashable {
        public var channelSkuCode: String
        public var orderItemCode: String
        public var netTaxAmountPerUnit: Paise
        public var netTaxAmountTotal: Paise
        public var baseSellingPricePerUnit: Paise
        public var baseSellingPriceTotal: Paise
        /// Tax-inclusive.
        public var sellingPricePerUnit: Paise
        public var sellingPriceTotal: Paise
        public var quantity: Int
        /// The order line's shipping charge and channel discount per unit.
        public var shippingChargePerUnit: Paise?
        public var channelDiscount: Paise?
        public var taxItems: [TaxComponent]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(channelSkuCode, forKey: .channelSkuCode)
            try container.encode(orderItemCode, forKey: .orderItemCode)
            try container.encode(netTaxAmountPerUnit, forKey: .netTaxAmountPerUnit)
            try container.encode(netTaxAmountTotal, forKey: .netTaxAmountTotal)
            try container.encode(baseSellingPricePerUnit, forKey: .baseSellingPricePerUnit)
            try container.encode(baseSellingPriceTotal, forKey: .baseSellingPriceTotal)
            try container.encode(sellingPricePerUnit, forKey: .sellingPricePerUnit)
            try container.encode(sellingPriceTotal, forKey: .sellingPriceTotal)
            try container.encode(quantity, forKey: .quantity)
            try container.encode(shippingChargePerUnit, forKey: .shippingChargePerUnit)
            try container.encode(channelDiscount, forKey: .channelDiscount)
            try container.encode(taxItems, forKey: .taxItems)
        }
    }

    /// A shipment's package as packed: centimetres and grams.
    public struct ShipmentDetails: Codable, Sendable, Hashable {
        public var length: Double?
        public var breadth: Double?
        public var height: Double?
        public var weight: Double?
        public var shipmentId: Int64
        public var totalItemQuantity: Int
        public var packboxDetailsList: [PackBox]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(length, forKey: .length)
            try container.encode(breadth, forKey: .breadth)
            try container.encode(height, forKey: .height)
            try container.encode(weight, forKey: .weight)
            try container.encode(shipmentId, forKey: .shipmentId)
            try container.encode(totalItemQuantity, forKey: .totalItemQuantity)
            try container.encode(packboxDetailsList, forKey: .packboxDetailsList)
        }
    }

    /// One box of a shipment, as the pack call described it.
    public struct PackBox: Codable, Sendable, Hashable {
        public var length: Double?
        public var breadth: Double?
        public var height: Double?
        public var weight: Double?
        public var boxId: Int64?
        /// Junction ships every box of a shipment under the shipment's AWB.
        public var awbNumber: String?
        public var packBoxRemarks: String?
        public var skuQuantityDataList: [BoxSku]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(length, forKey: .length)
            try container.encode(breadth, forKey: .breadth)
            try container.encode(height, forKey: .height)
            try container.encode(weight, forKey: .weight)
            try container.encode(boxId, forKey: .boxId)
            try container.encode(awbNumber, forKey: .awbNumber)
            try container.encode(packBoxRemarks, forKey: .packBoxRemarks)
            try container.encode(skuQuantityDataList, forKey: .skuQuantityDataList)
        }
    }

    /// `count` units of one SKU in a box.
    public struct BoxSku: Codable, Sendable, Hashable {
        /// Junction's id of the article.
        public var globalSkuId: Int64?
        public var clientSkuId: String?
        public var count: Int

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(globalSkuId, forKey: .globalSkuId)
            try container.encode(clientSkuId, forKey: .clientSkuId)
            try container.encode(count, forKey: .count)
        }
    }

    /// A postal address with all ten fields written, null where the order has none.
    public struct PostalAddress: Codable, Sendable, Hashable {
        public var address: Address

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NameKey.self)
            let fields = [("name", address.name), ("line1", address.line1), ("line2", address.line2), ("line3", address.line3),
                          ("city", address.city), ("state", address.state), ("zip", address.zip),
                          ("country", address.country), ("email", address.email), ("phone", address.phone)]
            for (key, value) in fields { try container.encode(value, forKey: NameKey(key)) }
        }
    }
}

// Decoding of the types whose keys are spelled at run time; in extensions so that the memberwise
// initializers stay.

extension ERPPosting.SkuDefinition {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NameKey.self)
        let kind: Kind = container.contains(NameKey("virtualParentChannelSkuId")) ? .virtual : .bundled
        self.init(kind: kind,
                  parentChannelSkuId: try container.decode(String.self, forKey: NameKey(kind.rawValue + "ParentChannelSkuId")),
                  parentBarcode: try container.decode(String.self, forKey: NameKey(kind.rawValue + "ParentBarcode")),
                  childSkus: try container.decode([ERPPosting.ChildSku].self, forKey: NameKey("childSkus")))
    }
}

extension ERPPosting.Attributes {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NameKey.self)
        var values: [String: String] = [:]
        for key in AttributeDefinition.allowedKeys {
            values[key] = try container.decodeIfPresent(String.self, forKey: NameKey(key))
        }
        self.init(values: values, channelMetadata: try container.decodeIfPresent(JSONValue.self, forKey: NameKey("channelMetadata")))
    }
}

extension ERPPosting.OrderAttributes {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NameKey.self)
        self.init(attributes: try ERPPosting.Attributes(from: decoder),
                  currency: try container.decodeIfPresent(String.self, forKey: NameKey("currency")))
    }
}

extension ERPPosting.PostalAddress {
    public init(from decoder: any Decoder) throws {
        self.init(address: try Address(from: decoder))
    }
}

/// A coding key spelled at run time.
private struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
}
