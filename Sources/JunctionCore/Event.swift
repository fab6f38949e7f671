/// The internal event vocabulary (api.md); every outbound message is derived from these.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case orderCreated = "ORDER_CREATED", orderAllocated = "ORDER_ALLOCATED"
    case orderUnallocatable = "ORDER_UNALLOCATABLE", orderOnHold = "ORDER_ON_HOLD", orderReleased = "ORDER_RELEASED"
    case orderPropertiesUpdated = "ORDER_PROPERTIES_UPDATED", orderAttributesUpdated = "ORDER_ATTRIBUTES_UPDATED"
    case orderCancelled = "ORDER_CANCELLED", orderPartiallyCancelled = "ORDER_PARTIALLY_CANCELLED"
    case picklistCreated = "PICKLIST_CREATED", shipmentPacked = "SHIPMENT_PACKED"
    case shipmentInvoiced = "SHIPMENT_INVOICED", shipmentLabelled = "SHIPMENT_LABELLED"
    case shipmentManifested = "SHIPMENT_MANIFESTED", shipmentDispatched = "SHIPMENT_DISPATCHED"
    case shipmentDelivered = "SHIPMENT_DELIVERED", shipmentRTO = "SHIPMENT_RTO", orderCompleted = "ORDER_COMPLETED"
    case orderDelivered = "ORDER_DELIVERED"
    case inventoryChanged = "INVENTORY_CHANGED", returnCreated = "RETURN_CREATED", returnUpdated = "RETURN_UPDATED"
    case returnReceived = "RETURN_RECEIVED", returnQCDone = "RETURN_QC_DONE", returnCancelled = "RETURN_CANCELLED"
    case inwardCreated = "INWARD_CREATED", inwardLocked = "INWARD_LOCKED", grnDone = "GRN_DONE"
}

/// An event about to be written in the same transaction as the change it reports.
public struct NewEvent: Sendable, Hashable {
    public var type: EventType
    /// `ORDER`, `INVENTORY`, …
    public var aggregateType: String
    /// The order code, `location/sku`, …
    public var aggregateCode: String
    public var channelName: String?
    public var locationCode: String?
    /// Why it happened, in words for the order's timeline.
    public var reason: String
    /// What changed, as JSON.
    public var details: [String: JSONValue]

    public init(type: EventType, aggregateType: String, aggregateCode: String, channelName: String? = nil,
                locationCode: String? = nil, reason: String, details: [String: JSONValue] = [:]) {
        self.type = type; self.aggregateType = aggregateType; self.aggregateCode = aggregateCode
        self.channelName = channelName; self.locationCode = locationCode; self.reason = reason; self.details = details
    }
}
