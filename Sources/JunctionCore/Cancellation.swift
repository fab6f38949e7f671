/// One line of a cancellation request: the absolute cancelled quantity (§1.4, §5.5).
public struct CancelItemInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var orderItemCode: String?
    public var cancelledQuantity: Int?

    public init(channelSkuCode: String?, orderItemCode: String?, cancelledQuantity: Int?) {
        self.channelSkuCode = channelSkuCode; self.orderItemCode = orderItemCode; self.cancelledQuantity = cancelledQuantity
    }
}

/// A cancellation request as channels and EFSs send it.
public struct CancelOrderInput: Decodable, Sendable, Hashable {
    public var locationCode: String?
    public var channelName: String?
    public var orderCode: String?
    public var orderItems: [CancelItemInput]?
    /// Why (Junction's own field; shown in the order's timeline).
    public var reason: String?

    public init() {}

    /// An operator's seller cancellation must say why (it is shown in the timeline and sent to the channel).
    public func requireReason() throws {
        var errors = FieldErrors()
        errors.required(reason, "reason", maxLength: 1000)
        try errors.throwIfAny()
    }
}

/// Who cancels: the customer through the channel, or the seller (the EFS or the admin). Seller
/// cancellations are counted apart on each line and reported to the channel (§4.7).
public enum CancellationParty: String, Sendable, Codable {
    case customer = "CUSTOMER", seller = "SELLER"
}

/// What an order line holds now, as cancellation sees it.
public struct LineState: Hashable, Sendable {
    public var lineNo: Int
    public var orderItemCode: String
    public var channelSkuCode: String
    public var quantity: Int
    public var cancelled: Int
    /// Units promised per location.
    public var allocations: [LineAllocation]
    /// Units in shipments that are not cancelled (invoiced: they can no longer be cancelled), per location.
    public var shipped: [String: Int]

    public init(lineNo: Int, orderItemCode: String, channelSkuCode: String, quantity: Int, cancelled: Int,
                allocations: [LineAllocation], shipped: [String: Int] = [:]) {
        self.lineNo = lineNo; self.orderItemCode = orderItemCode; self.channelSkuCode = channelSkuCode
        self.quantity = quantity; self.cancelled = cancelled; self.allocations = allocations; self.shipped = shipped
    }

    public var open: Int { quantity - cancelled }
    public var allocated: Int { allocations.reduce(0) { $0 + $1.units } }
    /// Units in live shipments, over all locations.
    public var shippedTotal: Int { shipped.values.reduce(0, +) }
    /// Units still open and not in a shipment: what a cancellation may take.
    public var cancellable: Int { open - shippedTotal }
}

/// The effect of a cancellation: new absolute cancelled quantities and the promised units to give back.
public struct CancellationPlan: Hashable, Sendable {
    /// `lineNo` → new absolute cancelled quantity, for lines that change.
    public var cancelled: [Int: Int]
    /// Units to release, per line and location.
    public var releases: [LineAllocation]
    /// Whether every unit of the order is now cancelled.
    public var cancelsWholeOrder: Bool

    public var isEmpty: Bool { cancelled.isEmpty }
}

extension CancellationPlan {
    /// Plans a cancellation with absolute quantities. Lines are matched by `orderItemCode` when given, else
    /// by `channelSkuCode`. A quantity above the ordered one, or below what is already cancelled, is refused
    /// (400); cancelling units in invoiced shipments is refused (422). Units are released from the last
    /// allocation first, those at `releaseFirstAt` before any other.
    public static func make(_ input: CancelOrderInput, lines: [LineState], releaseFirstAt: String? = nil) throws -> CancellationPlan {
        var errors = FieldErrors()
        guard let items = input.orderItems, !items.isEmpty else {
            throw DomainError.invalid("orderItems", "at least one item is required")
        }
        var newCancelled: [Int: Int] = [:]
        for (index, item) in items.enumerated() {
            let prefix = "orderItems[\(index)]"
            guard item.orderItemCode != nil || item.channelSkuCode != nil else {
                errors.add("\(prefix).channelSkuCode", "is required")
                continue
            }
            let line = lines.first {
                if let code = item.orderItemCode, !code.isEmpty { return $0.orderItemCode == code }
                return $0.channelSkuCode == item.channelSkuCode
            }
            guard let line else {
                errors.add(item.orderItemCode != nil ? "\(prefix).orderItemCode" : "\(prefix).channelSkuCode",
                           "no such line in this order")
                continue
            }
            if let sku = item.channelSkuCode, !sku.isEmpty, sku != line.channelSkuCode {
                errors.add("\(prefix).channelSkuCode", "line \(line.orderItemCode) is for \(line.channelSkuCode), not \(sku)")
                continue
            }
            guard let quantity = item.cancelledQuantity else {
                errors.add("\(prefix).cancelledQuantity", "is required")
                continue
            }
            if newCancelled[line.lineNo] != nil {
                errors.add(prefix, "line \(line.orderItemCode) appears twice")
            } else if quantity > line.quantity {
                errors.add("\(prefix).cancelledQuantity", "cancelled quantity \(quantity) exceeds the ordered quantity \(line.quantity)")
            } else if quantity < line.cancelled {
                errors.add("\(prefix).cancelledQuantity", "\(line.cancelled) are already cancelled; quantities are absolute and cannot go down")
            } else if quantity < 0 {
                errors.add("\(prefix).cancelledQuantity", "must not be negative")
            } else {
                newCancelled[line.lineNo] = quantity
            }
        }
        try errors.throwIfAny()
        let invoiced = lines.compactMap { line -> String? in
            guard let target = newCancelled[line.lineNo], target - line.cancelled > line.cancellable else { return nil }
            return "\(line.shippedTotal) of \(line.orderItemCode) (\(line.channelSkuCode)) are invoiced and cannot be cancelled"
        }
        if !invoiced.isEmpty { throw DomainError.invalidState(invoiced.joined(separator: "; ")) }
        var releases: [LineAllocation] = []
        for line in lines {
            guard let target = newCancelled[line.lineNo], target > line.cancelled else { continue }
            let stillOpen = line.quantity - target
            var excess = line.allocated - stillOpen
            let newestFirst = Array(line.allocations.reversed())
            let order = newestFirst.filter { $0.locationCode == releaseFirstAt } + newestFirst.filter { $0.locationCode != releaseFirstAt }
            for allocation in order where excess > 0 {
                let give = min(excess, allocation.units - (line.shipped[allocation.locationCode] ?? 0))
                guard give > 0 else { continue }
                releases.append(LineAllocation(lineNo: line.lineNo, locationCode: allocation.locationCode, units: give))
                excess -= give
            }
        }
        let changed = newCancelled.filter { lineNo, quantity in lines.first { $0.lineNo == lineNo }!.cancelled != quantity }
        let whole = lines.allSatisfy { (changed[$0.lineNo] ?? $0.cancelled) == $0.quantity }
        return CancellationPlan(cancelled: changed, releases: releases, cancelsWholeOrder: whole)
    }
}
