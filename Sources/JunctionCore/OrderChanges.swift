/// `PUT /orders/{orderCode}` (§1.5): hold/unhold, SLA times, delivery.
public struct OrderPropertiesInput: Decodable, Sendable {
    public var dispatchByTime: String?
    public var onHold: FlexBool?
    public var startProcessingTime: String?
    public var locationCode: String?
    public var orderStatus: String?
    public var deliveredAt: String?
    /// Admin calls name the order's channel when its code is not unique.
    public var channelName: String?
}

/// The validated changes of an order-properties call.
public struct OrderPropertyChanges: Sendable {
    public var dispatchByTime: Timestamp?
    public var startProcessingTime: Timestamp?
    public var onHold: Bool?
    /// When the order was delivered, for `orderStatus=DELIVERED`: every dispatched shipment is then delivered.
    public var deliveredAt: Timestamp?

    public static func validate(_ input: OrderPropertiesInput) throws -> OrderPropertyChanges {
        var errors = FieldErrors()
        let dispatchBy = parseTime(input.dispatchByTime, "dispatchByTime", required: false, into: &errors)
        let start = parseTime(input.startProcessingTime, "startProcessingTime", required: false, into: &errors)
        var delivered: Timestamp?
        if let status = input.orderStatus, !status.isEmpty {
            switch status.uppercased() {
            case "DELIVERED":
                delivered = parseTime(input.deliveredAt, "deliveredAt", required: true, into: &errors)
            case "CREATED": break
            default: errors.add("orderStatus", "must be DELIVERED or CREATED, got \(status)")
            }
        }
        try errors.throwIfAny()
        return OrderPropertyChanges(dispatchByTime: dispatchBy, startProcessingTime: start, onHold: input.onHold?.value,
                                    deliveredAt: delivered)
    }
}

/// `PUT /orders/outward/attributes/{orderCode}` (§1.6).
public struct OrderAttributesInput: Decodable, Sendable {
    public var locationCode: String?
    /// Admin calls name the order's channel when its code is not unique.
    public var channelName: String?
    public var updateOrderAttributes: CustomAttributes?
    /// Each entry names its line (`orderItemCode`, `channelSkuCode`) with the attributes given flat beside.
    public var updateOrderItemAttributes: [CustomAttributes]?

    /// Checks every key against the definitions; returns the order-level change and the per-line changes
    /// keyed by `orderItemCode` (or `channelSkuCode`).
    public func validate(orderDefinitions: [String: AttributeDefinition], itemDefinitions: [String: AttributeDefinition],
                         lines: [(orderItemCode: String, channelSkuCode: String)]) throws
        -> (order: CustomAttributes?, items: [String: CustomAttributes]) {
        var errors = FieldErrors()
        updateOrderAttributes?.check("updateOrderAttributes", against: orderDefinitions, level: .order, into: &errors)
        var items: [String: CustomAttributes] = [:]
        for (index, entry) in (updateOrderItemAttributes ?? []).enumerated() {
            let prefix = "updateOrderItemAttributes[\(index)]"
            let itemCode = entry.fields["orderItemCode"]?.stringValue
            let skuCode = entry.fields["channelSkuCode"]?.stringValue
            guard let line = lines.first(where: { itemCode != nil ? $0.orderItemCode == itemCode : $0.channelSkuCode == skuCode })
            else {
                errors.add("\(prefix).orderItemCode", "no such line in this order")
                continue
            }
            var attributes = entry
            attributes.fields.removeValue(forKey: "orderItemCode")
            attributes.fields.removeValue(forKey: "channelSkuCode")
            attributes.check(prefix, against: itemDefinitions, level: .item, into: &errors)
            items[line.orderItemCode] = attributes
        }
        try errors.throwIfAny()
        return (updateOrderAttributes, items)
    }
}
