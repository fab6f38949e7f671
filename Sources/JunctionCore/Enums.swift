/// The kinds of outward order Increff's pages name; both families of spellings are accepted (§1.1).
public enum OrderType: String, Sendable, Codable, CaseIterable {
    case sales = "SALES", purchase = "PURCHASE", stockTransfer = "STOCK_TRANSFER", replacement = "REPLACEMENT"
    case returnOrder = "RETURN"

    /// Reads the newest spelling or the older one (`SO`, `STO`, `RTV`, `RPO`, `PO`, `RO`).
    public init?(wire: String) {
        switch wire.uppercased() {
        case "SALES", "SO": self = .sales
        case "PURCHASE", "PO", "OPEN_PO": self = .purchase
        case "STOCK_TRANSFER", "STO": self = .stockTransfer
        case "REPLACEMENT", "RPO": self = .replacement
        case "RETURN", "RTV", "RO", "OPEN_RO": self = .returnOrder
        default: return nil
        }
    }
}

/// How the customer pays: cash on delivery or not (`PREPAID` is read as `NCOD`).
public enum PaymentMethod: String, Sendable, Codable, CaseIterable {
    case cod = "COD", ncod = "NCOD"

    public init?(wire: String) {
        switch wire.uppercased() {
        case "COD": self = .cod
        case "NCOD", "PREPAID": self = .ncod
        default: return nil
        }
    }
}

/// The quality state of the goods to ship.
public enum QCStatus: String, Sendable, Codable, CaseIterable { case pass = "PASS", fail = "FAIL" }

/// How goods are packed.
public enum PackType: String, Sendable, Codable, CaseIterable { case piece = "PIECE", bulk = "BULK" }

/// What a location is.
public enum LocationType: String, Sendable, Codable, CaseIterable {
    case warehouse = "WAREHOUSE", store = "STORE"

    /// The spelling `/inventories/search-sku` uses (`Warehouse`, `Store`).
    public var displayName: String { self == .warehouse ? "Warehouse" : "Store" }
}

/// The kinds of partner Junction talks to.
public enum ChannelType: String, Sendable, Codable, CaseIterable {
    case marketplace = "MARKETPLACE", shopfront = "SHOPFRONT", b2b = "B2B", pos = "POS", erp = "ERP", efs = "EFS"
    case logisticsAggregator = "LOGISTICS_AGGREGATOR"

    /// Whether partners of this kind place outward orders.
    public var sellsOrders: Bool {
        switch self {
        case .marketplace, .shopfront, .b2b, .pos, .erp: return true
        case .efs, .logisticsAggregator: return false
        }
    }
}

/// Where an outward order stands.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Accepted and waiting for stock: allocated automatically when stock arrives.
    case unallocated = "UNALLOCATED"
    /// Every open unit is reserved at a location.
    case allocated = "ALLOCATED"
    /// On a picklist: the warehouse is picking it.
    case picking = "PICKING"
    /// Every unit not cancelled is in an invoiced shipment.
    case completed = "COMPLETED"
    /// Every unit is cancelled.
    case cancelled = "CANCELLED"
    /// Complete, and every shipment delivered to the customer.
    case delivered = "DELIVERED"
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "A, B or C" for error messages.
    public static var spelledOut: String {
        let names = allCases.map(\.rawValue)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
    }
}
