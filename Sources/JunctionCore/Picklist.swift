/// `POST /usp/picklist/create` and `POST /usp/picklist/add-order` (§5.6).
public struct PicklistInput: Decodable, Sendable {
    public var pickListId: Int64?
    public var pickListCode: String?
    public var channelName: String?
    public var locationCode: String?
    public var orderList: [PicklistOrderInput]?

    /// Checks the fields; `requireId` for add-order. Returns the distinct order codes in the order given, each
    /// with its first place in `orderList` (for errors that name it).
    public func validate(requireId: Bool) throws -> (channel: String, location: String, orderCodes: [(index: Int, code: String)]) {
        var errors = FieldErrors()
        if requireId && pickListId == nil { errors.add("pickListId", "is required") }
        let channel = errors.required(channelName, "channelName")
        let location = errors.required(locationCode, "locationCode")
        errors.optional(pickListCode, "pickListCode")
        var codes: [(index: Int, code: String)] = [], seen = Set<String>()
        if (orderList ?? []).isEmpty { errors.add("orderList", "at least one order is required") }
        for (index, item) in (orderList ?? []).enumerated() {
            if let code = errors.required(item.orderCode, "orderList[\(index)].orderCode"), seen.insert(code).inserted {
                codes.append((index, code))
            }
        }
        try errors.throwIfAny()
        return (channel!, location!, codes)
    }
}

/// One order named in a picklist call.
public struct PicklistOrderInput: Codable, Sendable {
    public var orderCode: String?
}

/// What picking needs to know about an order.
public struct PickableOrder: Sendable {
    public var orderCode: String
    public var channelName: String
    public var status: OrderStatus
    public var onHold: Bool
    public var startProcessingTime: Timestamp?
    /// Locations holding units of the order.
    public var allocatedLocations: Set<String>
    /// The picklist the order is already on, if any.
    public var picklistId: Int64?

    public init(orderCode: String, channelName: String, status: OrderStatus, onHold: Bool, startProcessingTime: Timestamp?,
                allocatedLocations: Set<String>, picklistId: Int64?) {
        self.orderCode = orderCode; self.channelName = channelName; self.status = status; self.onHold = onHold
        self.startProcessingTime = startProcessingTime; self.allocatedLocations = allocatedLocations; self.picklistId = picklistId
    }

    /// Why the order may not go on a picklist of `channel` at `location` now, or `nil` when it may.
    /// Held orders and orders before their `startProcessingTime` are not released to picking.
    public func refusal(channel: String, location: String, picklist: Int64?, now: Timestamp) -> String? {
        if channelName != channel { return "order \(orderCode) belongs to channel \(channelName), not \(channel)" }
        if let picklistId, picklistId != picklist { return "order \(orderCode) is already on picklist \(picklistId)" }
        if picklistId != nil { return nil }
        guard status == .allocated else { return "order \(orderCode) is \(status.rawValue); only allocated orders can be picked" }
        if !allocatedLocations.contains(location) { return "order \(orderCode) has no units allocated at \(location)" }
        if onHold { return "order \(orderCode) is on hold" }
        if let start = startProcessingTime, start > now {
            return "order \(orderCode) may not be processed before \(start.iso8601)"
        }
        return nil
    }
}
