/// Which changes of an order an ERP hears about, as the sales posting's `eventType` names them.
public enum SalesPostingEvent: String, Sendable, Codable, CaseIterable {
    case create = "OUTWARD_ORDER_CREATE"
    case cancel = "OUTWARD_ORDER_CANCEL"
    case partialCancel = "OUTWARD_ORDER_PARTIAL_CANCEL"
    case complete = "OUTWARD_ORDER_COMPLETE"
    case shipmentDispatch = "OUTWARD_ORDER_SHIPMENT_DISPATCH"
    case shipmentDeliver = "OUTWARD_ORDER_SHIPMENT_DELIVER"

    /// The posting an event of Junction's log gives rise to, if any.
    public init?(_ event: EventType) {
        switch event {
        case .orderCreated: self = .create
        case .orderCancelled: self = .cancel
        case .orderPartiallyCancelled: self = .partialCancel
        case .orderCompleted: self = .complete
        case .shipmentDispatched: self = .shipmentDispatch
        case .shipmentDelivered: self = .shipmentDeliver
        default: return nil
        }
    }
}

/// The kinds of outward order event an external fulfilment system receives (§5.4, current version).
public enum EFSOrderEventType: String, Codable, Sendable, CaseIterable {
    case create = "SUBORDER_CREATE"
    case partialCancel = "SUBORDER_PARTIAL_CANCEL"
    case cancel = "SUBORDER_CANCEL"
    case complete = "SUBORDER_COMPLETE"
    case propertiesUpdate = "SUBORDER_PROPERTIES_UPDATE"
    case packed = "PACKED"

    /// The suborder event an event of Junction's log is to the EFS of the location concerned, if any.
    public init?(_ event: EventType) {
        switch event {
        case .orderAllocated: self = .create
        case .orderPartiallyCancelled: self = .partialCancel
        case .orderCancelled: self = .cancel
        case .orderCompleted: self = .complete
        case .orderPropertiesUpdated, .orderOnHold, .orderReleased: self = .propertiesUpdate
        case .shipmentPacked: self = .packed
        default: return nil
        }
    }
}

/// The calls an order's own channel gets (§4.1, §4.7): the acknowledgement once it is allocated, and a
/// seller cancellation for units the seller (not the customer) cancelled.
public enum ChannelNotice {
    public static func call(for event: EventType, cancelledBy party: CancellationParty?) -> OutboundCall? {
        switch event {
        case .orderAllocated: return .acknowledgement
        case .orderCancelled, .orderPartiallyCancelled: return party == .seller ? .sellerCancellation : nil
        default: return nil
        }
    }
}
