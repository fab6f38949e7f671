/// A sellable SKU as a channel names it, resolved to Junction's article and the stock units it consumes.
public struct ListedSku: Hashable, Sendable {
    /// The article the listing points at.
    public var articleId: Int64
    public var clientSkuId: String
    /// Stock units one sold unit consumes: itself once for a plain article, its children for a bundle
    /// or virtual SKU.
    public var components: [Component]

    public init(articleId: Int64, clientSkuId: String, components: [Component]) {
        self.articleId = articleId
        self.clientSkuId = clientSkuId
        self.components = components
    }
}

/// `quantity` units of stock article `articleId`.
public struct Component: Hashable, Sendable, Codable {
    public var articleId: Int64
    public var quantity: Int

    public init(articleId: Int64, quantity: Int) {
        self.articleId = articleId
        self.quantity = quantity
    }
}

/// What a location holds of one article.
public struct StockLevel: Hashable, Sendable {
    public var onHand: Int
    public var reserved: Int
    public var buffer: Int

    public init(onHand: Int, reserved: Int, buffer: Int) {
        self.onHand = onHand; self.reserved = reserved; self.buffer = buffer
    }

    /// Available to promise: on hand − reserved − safety buffer, never below zero.
    public var atp: Int { max(0, onHand - reserved - buffer) }
}

/// Available-to-promise arithmetic.
public enum ATP {
    /// Sellable units of a SKU made of `components`, given each component's ATP: for a bundle or virtual
    /// SKU, the number of complete sets its children allow.
    public static func units(of components: [Component], atp: (Int64) -> Int) -> Int {
        guard !components.isEmpty else { return 0 }
        return components.map { atp($0.articleId) / max(1, $0.quantity) }.min() ?? 0
    }
}
