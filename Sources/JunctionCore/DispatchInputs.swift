/// `POST /usp/manifest` (§5.8), `POST /usp/handover` and the combined call (§5.9) as sent.
public struct DispatchInput: Codable, Sendable, Hashable {
    public var locationCode: String?
    public var channelName: String?
    public var transporter: String?
    public var orderCodes: [String]?
    /// The channel's own manifest code, echoed back as `externalManifestCode`.
    public var externalManifestCode: String?
    public var ewayBillDocument: String?
    public var lrNumber: String?
    public var remarks: String?
    public var vehicleNumber: String?

    /// A dispatch call after its required fields are checked.
    public struct Checked: Sendable, Hashable {
        public var locationCode: String
        public var channelName: String
        public var transporter: String
        public var orderCodes: [String]
    }

    /// Checks the fields every dispatch call needs, naming each one missing; order codes may not repeat.
    public func validate() throws -> Checked {
        var errors = FieldErrors()
        let location = errors.required(locationCode, "locationCode")
        let channel = errors.required(channelName, "channelName")
        let transporter = errors.required(transporter, "transporter")
        for (key, value) in [("ewayBillDocument", ewayBillDocument), ("lrNumber", lrNumber), ("remarks", remarks),
                             ("vehicleNumber", vehicleNumber), ("externalManifestCode", externalManifestCode)] {
            errors.optional(value, key, maxLength: key == "remarks" ? 1000 : 255)
        }
        let codes = orderCodes ?? []
        if codes.isEmpty { errors.add("orderCodes", "at least one order code is required") }
        var seen: Set<String> = []
        for (index, code) in codes.enumerated() {
            guard let code = errors.required(code, "orderCodes[\(index)]") else { continue }
            if !seen.insert(code).inserted { errors.add("orderCodes[\(index)]", "\(code) appears twice") }
        }
        try errors.throwIfAny()
        return Checked(locationCode: location!, channelName: channel!, transporter: transporter!, orderCodes: codes)
    }
}

/// `PUT /orders/{orderCode}/delivered` (§4.8) as sent.
public struct DeliveredInput: Codable, Sendable, Hashable {
    public var locationCode: String?
    public var channelName: String?
    public var channelOrderStatus: String?
    public var channelShipmentDeliveredData: [ShipmentDeliveredInput]?

    /// Shipment code → when it was delivered (nil: now). Each shipment at most once.
    public func validate() throws -> [(shipmentCode: String, deliveredAt: Timestamp?)] {
        var errors = FieldErrors()
        let items = channelShipmentDeliveredData ?? []
        if items.isEmpty { errors.add("channelShipmentDeliveredData", "at least one shipment is required") }
        var result: [(String, Timestamp?)] = []
        for (index, item) in items.enumerated() {
            let prefix = "channelShipmentDeliveredData[\(index)]"
            let code = errors.required(item.shipmentCode, "\(prefix).shipmentCode")
            let time = parseTime(item.deliveredAt, "\(prefix).deliveredAt", required: false, into: &errors)
            guard let code else { continue }
            if result.contains(where: { $0.0 == code }) {
                errors.add("\(prefix).shipmentCode", "\(code) appears twice")
            } else {
                result.append((code, time))
            }
        }
        try errors.throwIfAny()
        return result
    }
}

/// One delivered shipment of a proof-of-delivery notification.
public struct ShipmentDeliveredInput: Codable, Sendable, Hashable {
    public var shipmentCode: String?
    public var deliveredAt: String?
}
