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
    @Null public var partnerCode: String?
    @Null public var partnerLocationCode: String?
    /// The location that fulfils the order.
    @Null public var locationCode: String?
    public var orderCode: String
    @Null public var parentOrderCode: String?
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
    @Null public var turnAroundTime: String?
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
    @Null public var shipmentDetails: ShipmentDetails?
    @Null public var shippingAddress: PostalAddress?
    @Null public var billingAddress: PostalAddress?
    public var orderCustomAttributes: OrderAttributes
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
        @Null public var barcode: String?
        public var orderItemCustomAttributes: Attributes
    }

    /// `attribute1` … `attribute10` and `channelMetadata`, every key written, null when not set.
    public struct Attributes: Codable, Sendable, Hashable {
        /// The attributes set, by key (`attribute1` … `attribute10`).
        public var values: [String: String]
        /// The channel's free-form data, as sent.
        @Null public var channelMetadata: JSONValue?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NameKey.self)
            for key in AttributeDefinition.allowedKeys { try container.encode(values[key], forKey: NameKey(key)) }
            try container.encode(channelMetadata, forKey: NameKey("channelMetadata"))
        }
    }

    /// The order's custom attributes: those of a line plus `currency`, in one flat object.
    public struct OrderAttributes: Codable, Sendable, Hashable {
        public var attributes: Attributes
        @Null public var currency: String?

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
        @Null public var externalInvoiceId: String?
        @Null public var externalInvoiceDate: String?
        public var invoiceDocumentUrl: String
        public var shippingLabelDocumentUrl: String
        @Null public var irn: String?
        @Null public var qrCode: String?
        public var shipmentStatus: String
        public var awbNumber: String
        public var shipmentItems: [ShipmentItem]
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
        @Null public var shippingChargePerUnit: Paise?
        @Null public var channelDiscount: Paise?
        public var taxItems: [TaxComponent]
    }

    /// A shipment's package as packed: centimetres and grams.
    public struct ShipmentDetails: Codable, Sendable, Hashable {
        @Null public var length: Double?
        @Null public var breadth: Double?
        @Null public var height: Double?
        @Null public var weight: Double?
        public var shipmentId: Int64
        public var totalItemQuantity: Int
        public var packboxDetailsList: [PackBox]
    }

    /// One box of a shipment, as the pack call described it.
    public struct PackBox: Codable, Sendable, Hashable {
        @Null public var length: Double?
        @Null public var breadth: Double?
        @Null public var height: Double?
        @Null public var weight: Double?
        @Null public var boxId: Int64?
        /// Junction ships every box of a shipment under the shipment's AWB.
        @Null public var awbNumber: String?
        @Null public var packBoxRemarks: String?
        public var skuQuantityDataList: [BoxSku]
    }

    /// `count` units of one SKU in a box.
    public struct BoxSku: Codable, Sendable, Hashable {
        /// Junction's id of the article.
        @Null public var globalSkuId: Int64?
        @Null public var clientSkuId: String?
        public var count: Int
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
