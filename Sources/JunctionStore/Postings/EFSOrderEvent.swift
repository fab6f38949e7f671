import JunctionCore

/// An outward order event to an external fulfilment system (§5.4): the suborder, the part of an order at one
/// location, as the EFS fulfilling that location receives it.
///
/// Every field is always written: what Junction does not know is JSON `null`, never left out. Money is
/// rupees as JSON numbers (``Paise``), times are ``Timestamp/iso8601``. §5.4 lists no event time;
/// `eventTime` is Junction's addition, as in its ERP postings.
public struct EFSOrderEvent: Codable, Sendable, Hashable {
    /// Unique per event: the receiver de-duplicates on it.
    public var messageId: Int64
    public var eventType: EFSOrderEventType
    public var eventTime: String
    public var orderCode: String
    @Null public var parentOrderCode: String?
    /// The location of the suborder.
    public var locationCode: String
    public var channelName: String
    public var orderTime: String
    /// Processing is allowed only after this time; null when the order sets none.
    @Null public var startProcessingTime: String?
    /// The order's `dispatchByTime`; null when the order sets none.
    @Null public var requiredBy: String?
    /// `COD` or `PREPAID`.
    public var paymentMethod: String
    public var isPriority: Bool
    public var onHold: Bool
    /// The suborder's lines, one per SKU.
    public var orderItems: [OrderItem]
    @Null public var shippingAddress: ERPPosting.PostalAddress?
    @Null public var billingAddress: ERPPosting.PostalAddress?
    public var orderCustomAttributes: ERPPosting.OrderAttributes
    public var virtualSkuDefinitions: [ERPPosting.SkuDefinition]
    public var bundledSkuDefinitions: [BundledSkuDefinition]
}

extension EFSOrderEvent {
    /// The suborder's units of one SKU: every order line of that SKU folded into one. Amounts are per unit.
    public struct OrderItem: Codable, Sendable, Hashable {
        /// The channel's codes of the folded lines.
        public var orderItemCodes: [String]
        public var clientSkuId: String
        public var channelSkuCode: String
        /// The article's barcode; null when the article is not known.
        @Null public var barcode: String?
        public var orderedQuantity: Int
        /// Absolute: all cancelled units, by the customer and by the seller.
        public var cancelledQuantity: Int
        public var customerCancelledQty: Int
        public var sellerCancelledQty: Int
        /// Junction has no seller rejection: always 0.
        public var sellerRejectQty: Int
        /// Units moved to another location; Junction does not move allocated units: always 0.
        public var hoppedQuantity: Int
        public var sellingPricePerUnit: Paise
        public var giftChargePerUnit: Paise
        public var channelDiscount: Paise
        public var sellerDiscount: Paise
        public var shippingCharge: Paise
        public var isVirtual: Bool
        /// Junction keeps no external item codes: always empty.
        public var externalItemCodes: [String]
        public var orderItemCustomAttributes: ERPPosting.Attributes
    }

    /// A bundle of the suborder: the ERP posting's bundle definition plus the client SKU codes §5.4 adds,
    /// `bundledParentClientSkuCode` and each child's `clientSkuCode`. A child's client SKU code is null:
    /// ``ERPPostingSource`` does not read it.
    public struct BundledSkuDefinition: Codable, Sendable, Hashable {
        /// The parent, its barcode and its children.
        public var definition: ERPPosting.SkuDefinition
        /// The `clientSkuId` of the bundle's order line.
        public var parentClientSkuCode: String

        public init(definition: ERPPosting.SkuDefinition, parentClientSkuCode: String) {
            self.definition = definition
            self.parentClientSkuCode = parentClientSkuCode
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: BundleKey.self)
            self.init(definition: try ERPPosting.SkuDefinition(from: decoder),
                      parentClientSkuCode: try container.decode(String.self, forKey: .bundledParentClientSkuCode))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: BundleKey.self)
            try container.encode(definition.parentChannelSkuId, forKey: .bundledParentChannelSkuId)
            try container.encode(definition.parentBarcode, forKey: .bundledParentBarcode)
            try container.encode(parentClientSkuCode, forKey: .bundledParentClientSkuCode)
            try container.encode(definition.childSkus.map(BundleChild.init), forKey: .childSkus)
        }
    }
}

/// The keys of a §5.4 bundle definition and of its children.
private enum BundleKey: String, CodingKey {
    case bundledParentChannelSkuId, bundledParentBarcode, bundledParentClientSkuCode, childSkus, clientSkuCode
}

/// A bundle's child as §5.4 writes it: the ERP posting's child plus a null `clientSkuCode`.
private struct BundleChild: Encodable {
    var child: ERPPosting.ChildSku

    func encode(to encoder: any Encoder) throws {
        try child.encode(to: encoder)
        var container = encoder.container(keyedBy: BundleKey.self)
        try container.encodeNil(forKey: .clientSkuCode)
    }
}
