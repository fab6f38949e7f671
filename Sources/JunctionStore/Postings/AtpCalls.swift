/// Location-wise ATP (§3.3): absolute quantities of up to 200 SKUs at one location.
public struct LocationAtpCall: Codable, Sendable, Hashable {
    /// One SKU's available quantity.
    public struct Item: Codable, Sendable, Hashable {
        public var channelSkuCode: String
        public var quantity: Int
        public var channelSerialNo: String?
    }

    public var locationCode: String
    public var inventories: [Item]
}

/// Consolidated ATP (§3.4): each SKU's quantity summed over the channel's locations, with the location whose
/// change triggered the push.
public struct ConsolidatedAtpCall: Codable, Sendable, Hashable {
    /// One SKU's consolidated quantity.
    public struct Item: Codable, Sendable, Hashable {
        public var consolidatedQuantity: Int
        public var channelSkuCode: String
        public var channelSerialNo: String?
        /// Junction has no listing ids; the listed article's id stands in.
        public var listingId: Int64
        public var quantity: Int
        public var locationCode: String
        public var consolidationType: String
    }

    public var consolidationType: String
    public var inventories: [Item]
}
