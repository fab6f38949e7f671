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
