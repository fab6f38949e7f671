/// `POST /usp/order/pack` (§5.7) as sent.
public struct PackInput: Codable, Sendable, Hashable {
    public var orderCode: String?
    /// The channel's own code for the shipment (Junction's field, optional): the idempotency key when
    /// given; otherwise an identical request for the same order returns the shipment it made.
    public var shipmentCode: String?
    public var locationCode: String?
    public var channelName: String?
    public var packageSku: String?
    /// Grams.
    public var weight: Double?
    public var fulfillmentType: String?
    public var packageDetails: PackageDimensions?
    public var shipmentItems: [PackItemInput]?
    public var packboxDetailsList: [PackBox]?

    public init() {}
}

/// Length, breadth and height in centimetres.
public struct PackageDimensions: Codable, Sendable, Hashable {
    public var length: Double?
    public var breadth: Double?
    public var height: Double?
}

/// One SKU to pack.
public struct PackItemInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var quantityToPack: Int?
    public var externalSerialCodes: [String]?

    public init(channelSkuCode: String?, quantityToPack: Int?, externalSerialCodes: [String]?) {
        self.channelSkuCode = channelSkuCode; self.quantityToPack = quantityToPack; self.externalSerialCodes = externalSerialCodes
    }
}

/// One box of a shipment and the SKUs in it.
public struct PackBox: Codable, Sendable, Hashable {
    public var boxId: Int64?
    public var length: Double?
    public var breadth: Double?
    public var height: Double?
    public var weight: Double?
    public var volWeight: Double?
    public var boxSkuId: String?
    public var skuQuantityDataList: [BoxSkuQuantity]?

    public init(boxId: Int64?, skuQuantityDataList: [BoxSkuQuantity]?) {
        self.boxId = boxId; self.skuQuantityDataList = skuQuantityDataList
    }
}

/// `count` units of a SKU in a box.
public struct BoxSkuQuantity: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var clientSkuId: String?
    public var count: Int?

    public init(channelSkuCode: String?, clientSkuId: String?, count: Int?) {
        self.channelSkuCode = channelSkuCode; self.clientSkuId = clientSkuId; self.count = count
    }
}

/// What packing knows of one order line at the packing location.
public struct PackableLine: Sendable, Hashable {
    public var lineNo: Int
    public var channelSkuCode: String
    /// Units allocated at the location and not yet in a shipment.
    public var packable: Int
    /// Open units of the line that cannot be packed here: allocated elsewhere, or not allocated yet.
    public var outstandingElsewhere: Int

    public init(lineNo: Int, channelSkuCode: String, packable: Int, outstandingElsewhere: Int = 0) {
        self.lineNo = lineNo; self.channelSkuCode = channelSkuCode; self.packable = packable
        self.outstandingElsewhere = outstandingElsewhere
    }
}

/// The effect of a pack call: units per line into the new shipment, and units the seller cancels.
public struct PackPlan: Sendable, Hashable {
    public var fulfillmentType: FulfillmentType
    /// `lineNo` → units in the shipment.
    public var packed: [Int: Int]
    /// `lineNo` → units cancelled by the seller (single-shipment partial packing only).
    public var sellerCancelled: [Int: Int]

    /// The order, location and channel a pack request names, each required.
    public static func target(of input: PackInput) throws -> (orderCode: String, locationCode: String, channelName: String) {
        var errors = FieldErrors()
        let order = errors.required(input.orderCode, "orderCode")
        let location = errors.required(input.locationCode, "locationCode")
        let channel = errors.required(input.channelName, "channelName")
        errors.optional(input.shipmentCode, "shipmentCode", maxLength: 64)
        try errors.throwIfAny()
        return (order!, location!, channel!)
    }

    /// Validates a pack request against what can be packed at the location. Without a
    /// `fulfillmentType`, packing is MULTI_SHIPMENT_PARTIAL: nothing unpacked is lost.
    public static func make(_ input: PackInput, lines: [PackableLine]) throws -> PackPlan {
        var errors = FieldErrors()
        let type = parseEnum(input.fulfillmentType, "fulfillmentType", required: false,
                             { FulfillmentType(rawValue: $0.uppercased()) }, names: FulfillmentType.spelledOut, into: &errors)
        if let weight = input.weight, weight < 0 { errors.add("weight", "must not be negative") }
        var packed: [Int: Int] = [:]
        let items = input.shipmentItems ?? []
        if items.isEmpty { errors.add("shipmentItems", "at least one item is required") }
        for (index, item) in items.enumerated() {
            let prefix = "shipmentItems[\(index)]"
            guard let code = errors.required(item.channelSkuCode, "\(prefix).channelSkuCode") else { continue }
            guard let line = lines.first(where: { $0.channelSkuCode == code }) else {
                errors.add("\(prefix).channelSkuCode", "the order has no line for \(code) at this location")
                continue
            }
            guard let quantity = item.quantityToPack, quantity >= 1 else {
                errors.add("\(prefix).quantityToPack", "must be 1 or more")
                continue
            }
            if packed[line.lineNo] != nil {
                errors.add("\(prefix).channelSkuCode", "\(code) appears twice")
            } else if quantity > line.packable {
                errors.add("\(prefix).quantityToPack", "only \(line.packable) of \(code) can be packed here")
            } else {
                packed[line.lineNo] = quantity
            }
        }
        checkBoxes(input.packboxDetailsList ?? [], lines: lines, packed: packed, into: &errors)
        try errors.throwIfAny()
        let fulfillment = type ?? .multiShipmentPartial
        if fulfillment == .blockComplete, let line = lines.first(where: { $0.outstandingElsewhere > 0 }) {
            throw DomainError.invalidState("BLOCK_COMPLETE packing needs the whole order here: \(line.outstandingElsewhere) of "
                                               + "\(line.channelSkuCode) are not allocated at this location")
        }
        var cancelled: [Int: Int] = [:]
        for line in lines {
            let rest = line.packable - (packed[line.lineNo] ?? 0)
            guard rest > 0 else { continue }
            switch fulfillment {
            case .blockComplete:
                throw DomainError.invalidState("BLOCK_COMPLETE packing must take every unit: \(rest) of \(line.channelSkuCode) left out")
            case .singleShipmentPartial: cancelled[line.lineNo] = rest
            case .multiShipmentPartial: break
            }
        }
        return PackPlan(fulfillmentType: fulfillment, packed: packed, sellerCancelled: cancelled)
    }

    /// Boxes that list SKUs must hold exactly what is packed.
    static func checkBoxes(_ boxes: [PackBox], lines: [PackableLine], packed: [Int: Int], into errors: inout FieldErrors) {
        var inBoxes: [String: Int] = [:]
        var listed = false
        for (index, box) in boxes.enumerated() {
            for (skuIndex, sku) in (box.skuQuantityDataList ?? []).enumerated() {
                listed = true
                let field = "packboxDetailsList[\(index)].skuQuantityDataList[\(skuIndex)]"
                guard let code = sku.channelSkuCode else { errors.add("\(field).channelSkuCode", "is required"); continue }
                guard let count = sku.count, count >= 1 else { errors.add("\(field).count", "must be 1 or more"); continue }
                inBoxes[code, default: 0] += count
            }
        }
        guard listed else { return }
        for line in lines where (packed[line.lineNo] ?? 0) != (inBoxes[line.channelSkuCode] ?? 0) {
            errors.add("packboxDetailsList", "boxes hold \(inBoxes[line.channelSkuCode] ?? 0) of \(line.channelSkuCode) but \(packed[line.lineNo] ?? 0) are packed")
        }
    }
}
