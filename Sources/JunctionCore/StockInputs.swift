/// One absolute stock figure.
public struct StockEntry: Codable, Sendable, Hashable {
    public var channelSkuCode: String
    public var locationCode: String
    public var quantity: Int
    /// Junction's optional safety buffer kept back from ATP.
    public var buffer: Int?

    public init(channelSkuCode: String, locationCode: String, quantity: Int, buffer: Int? = nil) {
        self.channelSkuCode = channelSkuCode; self.locationCode = locationCode; self.quantity = quantity; self.buffer = buffer
    }
}

/// Batch limits of §0.4.
public enum Limits {
    public static let storeInventoryBatch = 200
    public static let efsInventoryBatch = 300
    public static let masterBatch = 5_000
}

/// `PUT /updateInventories` (§3.1).
public struct StoreInventoryInput: Decodable, Sendable {
    public var inventories: [StockItemInput]?

    public func validate() throws -> [StockEntry] {
        var errors = FieldErrors()
        guard let items = inventories, !items.isEmpty else { throw DomainError.invalid("inventories", "at least one entry is required") }
        guard items.count <= Limits.storeInventoryBatch else {
            throw DomainError.invalid("inventories", "at most \(Limits.storeInventoryBatch) entries per call, got \(items.count)")
        }
        let entries = items.enumerated().compactMap { index, item in
            item.validate("inventories[\(index)]", locationCode: item.locationCode, locationField: "inventories[\(index)].locationCode", into: &errors)
        }
        try errors.throwIfAny()
        return entries
    }
}

/// `PUT /usp/inventories/absolute` (§5.3): one location, many products.
public struct EFSInventoryInput: Decodable, Sendable {
    public var locationCode: String?
    public var products: [StockItemInput]?

    public func validate() throws -> [StockEntry] {
        var errors = FieldErrors()
        errors.required(locationCode, "locationCode")
        guard let items = products, !items.isEmpty else { throw DomainError.invalid("products", "at least one product is required") }
        guard items.count <= Limits.efsInventoryBatch else {
            throw DomainError.invalid("products", "at most \(Limits.efsInventoryBatch) products per call, got \(items.count)")
        }
        let entries = items.enumerated().compactMap { index, item in
            item.validate("products[\(index)]", locationCode: locationCode, locationField: "locationCode", into: &errors)
        }
        try errors.throwIfAny()
        return entries
    }
}

/// One stock figure as sent.
public struct StockItemInput: Decodable, Sendable {
    public var channelSkuCode: String?
    public var locationCode: String?
    public var quantity: Int?
    public var buffer: Int?

    func validate(_ prefix: String, locationCode: String?, locationField: String, into errors: inout FieldErrors) -> StockEntry? {
        let code = errors.required(channelSkuCode, "\(prefix).channelSkuCode")
        let location = prefix.hasPrefix("products") ? locationCode : errors.required(locationCode, locationField)
        if quantity == nil { errors.add("\(prefix).quantity", "is required") }
        if let quantity, quantity < 0 { errors.add("\(prefix).quantity", "must not be negative") }
        if let buffer, buffer < 0 { errors.add("\(prefix).buffer", "must not be negative") }
        guard let code, let location, let quantity, quantity >= 0, (buffer ?? 0) >= 0 else { return nil }
        return StockEntry(channelSkuCode: code, locationCode: location, quantity: quantity, buffer: buffer)
    }
}
