/// An outward order as a channel sends it (§1.1, §1.2): every field optional here so that validation can
/// name each missing or bad one instead of failing on the first.
public struct OutwardOrderInput: Codable, Sendable, Hashable {
    public var orderCode: String?
    public var parentOrderCode: String?
    public var locationCode: String?
    public var orderTime: String?
    public var orderType: String?
    public var isPriority: FlexBool?
    public var gift: FlexBool?
    public var onHold: FlexBool?
    public var qcStatus: String?
    public var dispatchByTime: String?
    public var startProcessingTime: String?
    public var paymentMethod: String?
    public var isSplitRequired: FlexBool?
    public var taxBreakupForms: [TaxBreakupInput]?
    public var packType: String?
    public var shippingAddress: Address?
    public var billingAddress: Address?
    public var orderItems: [OrderItemInput]?
    public var orderCustomAttributes: CustomAttributes?
    public var partnerCode: String?
    public var partnerLocationCode: String?
    /// Admin calls name the channel the order belongs to; partners' calls take it from the credentials.
    public var channelName: String?

    public init() {}
}

/// One line of an outward order as sent.
public struct OrderItemInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var orderItemCode: String?
    public var quantity: Int?
    public var sellingPricePerUnit: Paise?
    public var sellerDiscountPerUnit: Paise?
    public var channelDiscountPerUnit: Paise?
    public var shippingChargePerUnit: Paise?
    public var minExpiry: String?
    public var giftOptions: GiftOptions?
    public var orderItemCustomAttributes: CustomAttributes?

    public init() {}
}

/// Gift wrapping asked for on a line.
public struct GiftOptions: Codable, Sendable, Hashable {
    public var giftwrapRequired: FlexBool?
    public var giftMessage: String?
    public var giftChargePerUnit: Paise?
    public var giftDocument: String?
    public var giftDocumentFormat: String?
}

/// A channel-supplied tax break-up for one SKU (kept for invoicing).
public struct TaxBreakupInput: Codable, Sendable, Hashable {
    public var channelSkuId: String?
    public var channelSkuCode: String?
    public var baseSellingPricePerUnit: Paise?
    public var taxItemForms: [TaxItemInput]?

    public init(channelSkuId: String?, channelSkuCode: String?, baseSellingPricePerUnit: Paise?, taxItemForms: [TaxItemInput]?) {
        self.channelSkuId = channelSkuId; self.channelSkuCode = channelSkuCode
        self.baseSellingPricePerUnit = baseSellingPricePerUnit; self.taxItemForms = taxItemForms
    }
}

/// One tax component of a break-up.
public struct TaxItemInput: Codable, Sendable, Hashable {
    public var type: String?
    public var rate: Double?
    public var taxPerUnit: Paise?

    public init(type: String?, rate: Double?, taxPerUnit: Paise?) {
        self.type = type; self.rate = rate; self.taxPerUnit = taxPerUnit
    }
}
