/// Where one order line's units stand in fulfilment.
public struct LineProgress: Sendable, Hashable {
    public var quantity: Int
    public var cancelled: Int
    /// Units in invoiced shipments that are not cancelled.
    public var invoiced: Int
    /// Units in delivered shipments.
    public var delivered: Int

    public init(quantity: Int, cancelled: Int, invoiced: Int, delivered: Int) {
        self.quantity = quantity; self.cancelled = cancelled; self.invoiced = invoiced; self.delivered = delivered
    }
}

/// The order status fulfilment decides.
public enum OrderProgress {
    /// COMPLETED once every unit not cancelled is in an invoiced shipment (and there is at least one),
    /// DELIVERED once moreover every such unit is delivered; nil while units remain to be packed.
    public static func status(_ lines: [LineProgress]) -> OrderStatus? {
        let invoiced = lines.reduce(0) { $0 + $1.invoiced }
        guard invoiced > 0, lines.allSatisfy({ $0.quantity - $0.cancelled == $0.invoiced }) else { return nil }
        return lines.allSatisfy { $0.delivered == $0.invoiced } ? .delivered : .completed
    }
}
