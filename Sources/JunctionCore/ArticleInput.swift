/// An article (SKU master) as sent to `POST /master/articles` (§3.8).
public struct ArticleInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var clientSkuId: String?
    public var channelSerialNo: String?
    public var barcode: String?
    public var name: String?
    public var brand: String?
    public var styleCode: String?
    public var mrp: Paise?
    public var hsn: String?
    public var taxRule: String?
    public var category: String?
    public var size: String?
    public var color: String?
    public var imageUrl: String?
    public var isPerishable: FlexBool?
    public var channelToleranceDays: Int?
    public var grnToleranceDays: Int?
    public var returnToleranceDays: Int?
    public var isSerialCodeRequired: FlexBool?
    public var skuDimension: JSONValue?
    public var skuAttributes: JSONValue?
    public var isVirtual: FlexBool?
    public var isBundled: FlexBool?
    public var virtualSkuDefinition: VirtualSkuDefinition?

    public init() {}

    /// Tax rule used when the ERP sends none.
    public static let defaultTaxRule = "GST_APPAREL"

    /// Whether the article is made of other articles (bundle or virtual combo).
    public var isComposite: Bool { !(virtualSkuDefinition?.childSkus ?? []).isEmpty }

    /// Checks one article; returns a normalized copy (defaults filled in).
    public func validated(_ prefix: String, into errors: inout FieldErrors) -> ArticleInput? {
        var copy = self
        let code = errors.required(channelSkuCode, "\(prefix).channelSkuCode")
        let client = errors.required(clientSkuId, "\(prefix).clientSkuId")
        errors.required(name, "\(prefix).name")
        errors.required(hsn, "\(prefix).hsn", maxLength: 8)
        if mrp == nil { errors.add("\(prefix).mrp", "is required") }
        if let mrp, mrp < .zero { errors.add("\(prefix).mrp", "must not be negative") }
        for (key, value) in [("channelSerialNo", channelSerialNo), ("barcode", barcode), ("brand", brand),
                             ("styleCode", styleCode), ("taxRule", taxRule), ("category", category), ("size", size),
                             ("color", color)] {
            errors.optional(value, "\(prefix).\(key)")
        }
        errors.optional(imageUrl, "\(prefix).imageUrl", maxLength: 2000)
        for (index, child) in (virtualSkuDefinition?.childSkus ?? []).enumerated() {
            let childPrefix = "\(prefix).virtualSkuDefinition.childSkus[\(index)]"
            if let childCode = errors.required(child.channelSkuCode, "\(childPrefix).channelSkuCode"), childCode == code {
                errors.add("\(childPrefix).channelSkuCode", "an article cannot contain itself")
            }
            if (child.qty ?? 0) < 1 { errors.add("\(childPrefix).qty", "must be 1 or more") }
        }
        guard code != nil, let client else { return nil }
        copy.barcode = barcode?.isEmpty == false ? barcode : client
        copy.taxRule = taxRule?.isEmpty == false ? taxRule : Self.defaultTaxRule
        return copy
    }
}

/// The children a bundle or virtual SKU is made of.
public struct VirtualSkuDefinition: Codable, Sendable, Hashable {
    public var virtualParentChannelSkuId: String?
    public var virtualParentBarcode: String?
    public var childSkus: [ChildSku]?

    public init(virtualParentChannelSkuId: String? = nil, virtualParentBarcode: String? = nil, childSkus: [ChildSku]) {
        self.virtualParentChannelSkuId = virtualParentChannelSkuId
        self.virtualParentBarcode = virtualParentBarcode
        self.childSkus = childSkus
    }
}

/// `qty` units of the child article `channelSkuCode` in one parent unit.
public struct ChildSku: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var barcode: String?
    public var qty: Int?

    public init(channelSkuCode: String, barcode: String? = nil, qty: Int) {
        self.channelSkuCode = channelSkuCode; self.barcode = barcode; self.qty = qty
    }
}

/// A listing as sent by `/master/sku-listings`, `/master/sku-listings/channel` and `/usp/listing/create`.
public struct ListingInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var channelSerialNo: String?
    public var barcode: String?
    public var clientSkuCode: String?
    public var toleranceDays: Int?

    public init(channelSkuCode: String?, channelSerialNo: String? = nil, barcode: String?, clientSkuCode: String? = nil,
                toleranceDays: Int? = nil) {
        self.channelSkuCode = channelSkuCode; self.channelSerialNo = channelSerialNo; self.barcode = barcode
        self.clientSkuCode = clientSkuCode; self.toleranceDays = toleranceDays
    }
}

/// One change of `PATCH /push/skuListing` (§3.7; Increff spells the list `updateLisiting`).
public struct ListingUpdateInput: Codable, Sendable, Hashable {
    public var channelSkuCode: String?
    public var toleranceDays: Int?
    public var modifiedChannelSkuCode: String?
    public var modifiedChannelSerialCode: String?
}
