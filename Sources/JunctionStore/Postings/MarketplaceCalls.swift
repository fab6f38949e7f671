import JunctionCore

/// The acknowledgement a marketplace receives once an order is allocated (§4.1).
public struct AcknowledgementCall: Codable, Sendable, Hashable {
    /// One acknowledged order at one location.
    public struct Entry: Codable, Sendable, Hashable {
        public var orderCode: String
        public var locationCode: String?
    }

    /// Absent: each entry names its location.
    public var consolidationType: String?
    public var orders: [Entry]

    /// The order at each location it was allocated to.
    static func of(orderCode: String, locations: [String]) -> AcknowledgementCall {
        AcknowledgementCall(consolidationType: nil, orders: locations.map { Entry(orderCode: orderCode, locationCode: $0) })
    }
}

/// The seller cancellation a channel receives (§4.7): absolute quantities, split by who cancelled.
public struct SellerCancellationCall: Codable, Sendable, Hashable {
    /// One line's cancelled units.
    public struct Item: Codable, Sendable, Hashable {
        public var channelSkuCode: String
        public var orderItemCode: String
        public var cancelledQuantity: Int
        public var customerCancelledQty: Int
        public var sellerCancelledQty: Int
    }

    public var orderCode: String
    public var locationCode: String?
    public var orderItems: [Item]

    /// The order's cancelled lines as they stand; the location when the order is at one only.
    static func of(_ order: OrderView) -> SellerCancellationCall {
        let locations = Set(order.orderItems.flatMap { $0.allocations.map(\.locationCode) } + order.shipments.map(\.locationCode))
        return SellerCancellationCall(
            orderCode: order.orderCode, locationCode: locations.count == 1 ? locations.first : nil,
            orderItems: order.orderItems.filter { $0.cancelledQuantity > 0 }.map {
                Item(channelSkuCode: $0.channelSkuCode, orderItemCode: $0.orderItemCode, cancelledQuantity: $0.cancelledQuantity,
                     customerCancelledQty: $0.cancelledQuantity - $0.sellerCancelledQuantity,
                     sellerCancelledQty: $0.sellerCancelledQuantity)
            })
    }
}
