/// Where a shipment stands (the seed's statuses).
public enum ShipmentStatus: String, Sendable, Codable, CaseIterable {
    case open = "OPEN", closed = "CLOSED", invoiced = "INVOICED", manifested = "MANIFESTED"
    case dispatched = "DISPATCHED", delivered = "DELIVERED", cancelled = "CANCELLED"

    /// The statuses a shipment may move to from this one.
    public var next: Set<ShipmentStatus> {
        switch self {
        case .open: return [.closed, .cancelled]
        case .closed: return [.invoiced, .cancelled]
        case .invoiced: return [.manifested]
        case .manifested: return [.dispatched]
        case .dispatched: return [.delivered]
        case .delivered, .cancelled: return []
        }
    }

    /// Refuses a move the life of a shipment does not allow.
    public func check(moveTo target: ShipmentStatus, shipment: String) throws {
        guard next.contains(target) else {
            throw DomainError.invalidState("shipment \(shipment) is \(rawValue) and cannot become \(target.rawValue)")
        }
    }
}

/// How an order may be split into shipments when packed (§5.7).
public enum FulfillmentType: String, Sendable, Codable, CaseIterable {
    /// The whole order in one shipment, or nothing.
    case blockComplete = "BLOCK_COMPLETE"
    /// One shipment; whatever is not packed is cancelled by the seller and released.
    case singleShipmentPartial = "SINGLE_SHIPMENT_PARTIAL"
    /// Several shipments over time; what is not packed stays allocated.
    case multiShipmentPartial = "MULTI_SHIPMENT_PARTIAL"
}
