/// A validated outward order, ready to be stored and allocated.
public struct OrderDraft: Sendable, Hashable {
    public var orderCode: String
    public var parentOrderCode: String?
    public var locationCode: String?
    public var orderTime: Timestamp
    public var orderType: OrderType
    public var isPriority: Bool
    public var gift: Bool
    public var onHold: Bool
    public var qcStatus: QCStatus
    public var dispatchByTime: Timestamp?
    public var startProcessingTime: Timestamp?
    public var paymentMethod: PaymentMethod
    public var isSplitRequired: Bool
    public var packType: PackType?
    public var shippingAddress: Address?
    public var billingAddress: Address?
    public var customAttributes: CustomAttributes?
    public var partnerCode: String?
    public var partnerLocationCode: String?
    public var taxBreakups: [TaxBreakupInput]
    public var lines: [OrderLineDraft]

    /// The order's money, summed from its lines.
    public var totals: OrderTotals { OrderTotals(lines.map(\.amounts)) }
}

/// A validated order line.
public struct OrderLineDraft: Sendable, Hashable {
    public var orderItemCode: String
    public var channelSkuCode: String
    public var sku: ListedSku
    public var quantity: Int
    public var sellingPricePerUnit: Paise
    public var sellerDiscountPerUnit: Paise
    public var channelDiscountPerUnit: Paise
    public var shippingChargePerUnit: Paise
    public var giftChargePerUnit: Paise
    public var minExpiry: String?
    public var giftOptions: GiftOptions?
    public var customAttributes: CustomAttributes?

    /// The line's money for its ordered quantity.
    public var amounts: LineAmounts {
        LineAmounts(quantity: quantity, sellingPricePerUnit: sellingPricePerUnit,
                    discountPerUnit: sellerDiscountPerUnit + channelDiscountPerUnit,
                    shippingChargePerUnit: shippingChargePerUnit, giftChargePerUnit: giftChargePerUnit)
    }
}

/// What the database knows that an order refers to: listings, attribute definitions, locations, partners.
public struct OrderReferences: Sendable {
    /// The channel's listings by `channelSkuCode`.
    public var listings: [String: ListedSku]
    public var orderAttributes: [String: AttributeDefinition]
    public var itemAttributes: [String: AttributeDefinition]
    /// Locations the channel sells from.
    public var channelLocations: Set<String>
    /// Vendor/customer codes that exist, with their location codes (for partner-code orders).
    public var partners: [String: Set<String>]

    public init(listings: [String: ListedSku], orderAttributes: [String: AttributeDefinition],
                itemAttributes: [String: AttributeDefinition], channelLocations: Set<String>,
                partners: [String: Set<String>] = [:]) {
        self.listings = listings; self.orderAttributes = orderAttributes; self.itemAttributes = itemAttributes
        self.channelLocations = channelLocations; self.partners = partners
    }
}

extension OrderDraft {
    /// Most lines one order may carry (§0.4).
    public static let maxLines = 2_500

    /// Checks every rule of §1.1 at once and returns the validated order, or throws
    /// ``DomainError/invalid(_:)-swift.enum.case`` naming each bad field.
    public static func validate(_ input: OutwardOrderInput, references: OrderReferences,
                                requirePartner: Bool = false) throws -> OrderDraft {
        var errors = FieldErrors()
        let orderCode = errors.required(input.orderCode, "orderCode")
        let parentOrderCode = errors.optional(input.parentOrderCode, "parentOrderCode")
        let orderTime = parseTime(input.orderTime, "orderTime", required: true, into: &errors)
        let dispatchBy = parseTime(input.dispatchByTime, "dispatchByTime", required: false, into: &errors)
        let startProcessing = parseTime(input.startProcessingTime, "startProcessingTime", required: false, into: &errors)
        let orderType = parseEnum(input.orderType, "orderType", required: true, OrderType.init(wire:),
                                  names: OrderType.spelledOut + " (or SO, STO, RTV, RPO)", into: &errors)
        let payment = parseEnum(input.paymentMethod, "paymentMethod", required: true, PaymentMethod.init(wire:),
                                names: "COD or NCOD", into: &errors)
        let qcStatus = parseEnum(input.qcStatus, "qcStatus", required: false, { QCStatus(rawValue: $0.uppercased()) },
                                 names: QCStatus.spelledOut, into: &errors)
        let packType = parseEnum(input.packType, "packType", required: false, { PackType(rawValue: $0.uppercased()) },
                                 names: PackType.spelledOut, into: &errors)
        let locationCode = errors.optional(input.locationCode, "locationCode")
        if let locationCode, !references.channelLocations.contains(locationCode) {
            errors.add("locationCode", "location \(locationCode) is not one of the channel's locations")
        }
        let partnerCode = errors.optional(input.partnerCode, "partnerCode")
        let partnerLocationCode = errors.optional(input.partnerLocationCode, "partnerLocationCode")
        if requirePartner {
            checkPartner(partnerCode, partnerLocationCode, references: references, into: &errors)
        }
        input.shippingAddress?.check("shippingAddress", into: &errors)
        input.billingAddress?.check("billingAddress", into: &errors)
        if input.shippingAddress == nil && !requirePartner { errors.add("shippingAddress", "is required") }
        input.orderCustomAttributes?.check("orderCustomAttributes", against: references.orderAttributes,
                                           level: .order, into: &errors)
        let lines = validateLines(input.orderItems, references: references, into: &errors)
        try errors.throwIfAny()
        return OrderDraft(
            orderCode: orderCode!, parentOrderCode: parentOrderCode, locationCode: locationCode,
            orderTime: orderTime!, orderType: orderType!, isPriority: input.isPriority.or(false),
            gift: input.gift.or(false), onHold: input.onHold.or(false), qcStatus: qcStatus ?? .pass,
            dispatchByTime: dispatchBy, startProcessingTime: startProcessing, paymentMethod: payment!,
            isSplitRequired: input.isSplitRequired.or(false), packType: packType,
            shippingAddress: input.shippingAddress, billingAddress: input.billingAddress,
            customAttributes: input.orderCustomAttributes, partnerCode: partnerCode,
            partnerLocationCode: partnerLocationCode, taxBreakups: input.taxBreakupForms ?? [], lines: lines)
    }

    private static func validateLines(_ items: [OrderItemInput]?, references: OrderReferences,
                                      into errors: inout FieldErrors) -> [OrderLineDraft] {
        guard let items, !items.isEmpty else {
            errors.add("orderItems", "at least one order item is required")
            return []
        }
        guard items.count <= maxLines else {
            errors.add("orderItems", "at most \(maxLines) order items are allowed, got \(items.count)")
            return []
        }
        var seenSkus: [String: Int] = [:]
        var seenItemCodes: [String: Int] = [:]
        var lines: [OrderLineDraft] = []
        for (index, item) in items.enumerated() {
            let prefix = "orderItems[\(index)]"
            let sku = errors.required(item.channelSkuCode, "\(prefix).channelSkuCode")
            let itemCode = errors.required(item.orderItemCode, "\(prefix).orderItemCode")
            var listed: ListedSku?
            if let sku {
                if let first = seenSkus[sku] {
                    errors.add("\(prefix).channelSkuCode", "SKU \(sku) appears twice (also orderItems[\(first)])")
                } else {
                    seenSkus[sku] = index
                }
                listed = references.listings[sku]
                if listed == nil { errors.add("\(prefix).channelSkuCode", "no listing for channelSkuCode \(sku)") }
            }
            if let itemCode {
                if let first = seenItemCodes[itemCode] {
                    errors.add("\(prefix).orderItemCode", "orderItemCode \(itemCode) appears twice (also orderItems[\(first)])")
                } else {
                    seenItemCodes[itemCode] = index
                }
            }
            if item.quantity == nil {
                errors.add("\(prefix).quantity", "is required")
            } else if item.quantity! < 1 || item.quantity! > 1_000_000 {
                errors.add("\(prefix).quantity", "must be between 1 and 1000000")
            }
            if item.sellingPricePerUnit == nil { errors.add("\(prefix).sellingPricePerUnit", "is required") }
            let amounts: [(String, Paise?)] = [
                ("sellingPricePerUnit", item.sellingPricePerUnit), ("sellerDiscountPerUnit", item.sellerDiscountPerUnit),
                ("channelDiscountPerUnit", item.channelDiscountPerUnit),
                ("shippingChargePerUnit", item.shippingChargePerUnit),
                ("giftOptions.giftChargePerUnit", item.giftOptions?.giftChargePerUnit),
            ]
            for (name, amount) in amounts where (amount ?? .zero) < .zero {
                errors.add("\(prefix).\(name)", "must not be negative")
            }
            if let expiry = item.minExpiry, Timestamp(parsing: expiry) == nil {
                errors.add("\(prefix).minExpiry", "must be a date (yyyy-MM-dd)")
            }
            errors.optional(item.giftOptions?.giftMessage, "\(prefix).giftOptions.giftMessage")
            item.orderItemCustomAttributes?.check("\(prefix).orderItemCustomAttributes",
                                                  against: references.itemAttributes, level: .item, into: &errors)
            if let sku, let itemCode, let listed, let quantity = item.quantity, let price = item.sellingPricePerUnit {
                lines.append(OrderLineDraft(
                    orderItemCode: itemCode, channelSkuCode: sku, sku: listed, quantity: quantity,
                    sellingPricePerUnit: price, sellerDiscountPerUnit: item.sellerDiscountPerUnit ?? .zero,
                    channelDiscountPerUnit: item.channelDiscountPerUnit ?? .zero,
                    shippingChargePerUnit: item.shippingChargePerUnit ?? .zero,
                    giftChargePerUnit: item.giftOptions?.giftChargePerUnit ?? .zero, minExpiry: item.minExpiry,
                    giftOptions: item.giftOptions, customAttributes: item.orderItemCustomAttributes))
            }
        }
        return lines
    }

    private static func checkPartner(_ code: String?, _ location: String?, references: OrderReferences,
                                     into errors: inout FieldErrors) {
        guard let code else { return errors.add("partnerCode", "is required") }
        guard let locations = references.partners[code] else {
            return errors.add("partnerCode", "no vendor or customer with code \(code)")
        }
        guard let location else { return errors.add("partnerLocationCode", "is required") }
        if !locations.contains(location) {
            errors.add("partnerLocationCode", "partner \(code) has no location \(location)")
        }
    }
}

/// Reads a date field in any accepted format.
public func parseTime(_ text: String?, _ field: String, required: Bool, into errors: inout FieldErrors) -> Timestamp? {
    guard let text, !text.isEmpty else {
        if required { errors.add(field, "is required") }
        return nil
    }
    guard let time = Timestamp(parsing: text) else {
        errors.add(field, "is not a date (use ISO-8601, e.g. 2024-02-13T09:45:00.000+05:30)")
        return nil
    }
    return time
}

/// Reads an enumerated field, naming the accepted values when it is wrong.
public func parseEnum<Value>(_ text: String?, _ field: String, required: Bool, _ make: (String) -> Value?,
                             names: String, into errors: inout FieldErrors) -> Value? {
    guard let text, !text.isEmpty else {
        if required { errors.add(field, "is required") }
        return nil
    }
    guard let value = make(text) else {
        errors.add(field, "must be one of \(names), got \(text)")
        return nil
    }
    return value
}
