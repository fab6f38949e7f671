import JunctionCore
import SQLKit

/// The header fields of an order that have no column of their own.
struct OrderDocument: Codable, Sendable {
    var parentOrderCode: String?
    var orderType: OrderType
    var gift: Bool
    var qcStatus: QCStatus
    var paymentMethod: PaymentMethod
    var packType: PackType?
    var dispatchByTime: Int64?
    var startProcessingTime: Int64?
    var shippingAddress: Address?
    var billingAddress: Address?
    var customAttributes: CustomAttributes?
    var partnerCode: String?
    var partnerLocationCode: String?
    var taxBreakups: [TaxBreakupInput]

    init(_ draft: OrderDraft) {
        parentOrderCode = draft.parentOrderCode; orderType = draft.orderType; gift = draft.gift
        qcStatus = draft.qcStatus; paymentMethod = draft.paymentMethod; packType = draft.packType
        dispatchByTime = draft.dispatchByTime?.millis; startProcessingTime = draft.startProcessingTime?.millis
        shippingAddress = draft.shippingAddress; billingAddress = draft.billingAddress
        customAttributes = draft.customAttributes; partnerCode = draft.partnerCode
        partnerLocationCode = draft.partnerLocationCode; taxBreakups = draft.taxBreakups
    }
}

/// The fields of an order line that have no column of their own.
struct LineDocument: Codable, Sendable {
    var clientSkuId: String
    var components: [Component]
    var sellerDiscountPerUnit: Paise
    var channelDiscountPerUnit: Paise
    var shippingChargePerUnit: Paise
    var giftChargePerUnit: Paise
    var minExpiry: String?
    var giftOptions: GiftOptions?
    var customAttributes: CustomAttributes?

    init(_ line: OrderLineDraft) {
        clientSkuId = line.sku.clientSkuId; components = line.sku.components
        sellerDiscountPerUnit = line.sellerDiscountPerUnit; channelDiscountPerUnit = line.channelDiscountPerUnit
        shippingChargePerUnit = line.shippingChargePerUnit; giftChargePerUnit = line.giftChargePerUnit
        minExpiry = line.minExpiry; giftOptions = line.giftOptions; customAttributes = line.customAttributes
    }
}

extension LineDocument {
    /// The money of `quantity` units of the line sold at `sellingPrice`.
    func amounts(quantity: Int, sellingPrice: Paise) -> LineAmounts {
        LineAmounts(quantity: quantity, sellingPricePerUnit: sellingPrice,
                    discountPerUnit: sellerDiscountPerUnit + channelDiscountPerUnit,
                    shippingChargePerUnit: shippingChargePerUnit, giftChargePerUnit: giftChargePerUnit)
    }
}

struct OrderRow: SQLRowReadable, Sendable {
    var id: Int64
    var channel_name: String
    var order_code: String
    var status: String
    var order_type: String
    var is_priority: Int
    var on_hold: Int
    var order_time: Int64
    var requested_location: String?
    var is_split_required: Int
    var request_hash: String
    var document: String
    var grand_total: Int64
    var created_at: Int64
    var updated_at: Int64

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        channel_name = try row.decode(column: "channel_name", as: String.self)
        order_code = try row.decode(column: "order_code", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        order_type = try row.decode(column: "order_type", as: String.self)
        is_priority = try row.decode(column: "is_priority", as: Int.self)
        on_hold = try row.decode(column: "on_hold", as: Int.self)
        order_time = try row.decode(column: "order_time", as: Int64.self)
        requested_location = try row.decodeOptional(column: "requested_location", as: String.self)
        is_split_required = try row.decode(column: "is_split_required", as: Int.self)
        request_hash = try row.decode(column: "request_hash", as: String.self)
        document = try row.decode(column: "document", as: String.self)
        grand_total = try row.decode(column: "grand_total", as: Int64.self)
        created_at = try row.decode(column: "created_at", as: Int64.self)
        updated_at = try row.decode(column: "updated_at", as: Int64.self)
    }

    private static let columnNames = [
        "id", "channel_name", "order_code", "status", "order_type", "is_priority", "on_hold", "order_time",
        "requested_location", "is_split_required", "request_hash", "document", "grand_total", "created_at", "updated_at",
    ]

    /// The columns ``init(row:)`` reads.
    static let columns = SQLQueryString(columnNames.joined(separator: ", "))

    /// The same columns of `orders` named `o`.
    static let qualifiedColumns = SQLQueryString(columnNames.map { "o.\($0)" }.joined(separator: ", "))

    var orderStatus: OrderStatus { OrderStatus(rawValue: status) ?? .unallocated }
}

struct LineRow: SQLRowReadable, Sendable {
    var order_id: Int64
    var line_no: Int
    var order_item_code: String
    var channel_sku_code: String
    var article_id: Int64
    var quantity: Int
    var cancelled: Int
    var seller_cancelled: Int
    var selling_price: Int64
    var document: String

    init(row: any SQLRow) throws {
        try self.init(row: row, documentColumn: "document")
    }

    /// A line from a row that names its document `documentColumn`.
    init(row: any SQLRow, documentColumn: String) throws {
        order_id = try row.decode(column: "order_id", as: Int64.self)
        line_no = try row.decode(column: "line_no", as: Int.self)
        order_item_code = try row.decode(column: "order_item_code", as: String.self)
        channel_sku_code = try row.decode(column: "channel_sku_code", as: String.self)
        article_id = try row.decode(column: "article_id", as: Int64.self)
        quantity = try row.decode(column: "quantity", as: Int.self)
        cancelled = try row.decode(column: "cancelled", as: Int.self)
        seller_cancelled = try row.decode(column: "seller_cancelled", as: Int.self)
        selling_price = try row.decode(column: "selling_price", as: Int64.self)
        document = try row.decode(column: documentColumn, as: String.self)
    }

    private static let columnNames = [
        "order_id", "line_no", "order_item_code", "channel_sku_code", "article_id", "quantity", "cancelled",
        "seller_cancelled", "selling_price",
    ]

    /// The columns ``init(row:)`` reads, of `order_lines` named `l`.
    static let columns = SQLQueryString((columnNames + ["document"]).map { "l.\($0)" }.joined(separator: ", "))

    /// The same columns with the line's document as `line_document` (an order's row has a `document` too),
    /// for the reads that join each line to its allocations (see ``LinesAndAllocations``).
    static let joinedColumns = SQLQueryString(columnNames.map { "l.\($0)" }.joined(separator: ", ") + ", l.document AS line_document")
}

/// An order's lines and their allocations, gathered from rows that join each line (``LineRow/joinedColumns``)
/// to its allocations (`a.location_code, a.units`), ordered by line.
struct LinesAndAllocations: Sendable {
    var lines: [LineRow] = []
    var allocations: [AllocationRow] = []

    /// Takes one joined row; a row without a line (an order that has none) adds nothing.
    mutating func add(_ row: any SQLRow) throws {
        guard !(try row.decodeNil(column: "line_no")) else { return }
        let line = try LineRow(row: row, documentColumn: "line_document")
        if lines.last?.line_no != line.line_no { lines.append(line) }
        if !(try row.decodeNil(column: "location_code")) { allocations.append(try AllocationRow(row: row)) }
    }
}

/// An order's row with its lines and their allocations.
struct OrderWithLines: Sendable {
    var order: OrderRow
    var content = LinesAndAllocations()

    var lines: [LineRow] { content.lines }
    var allocations: [AllocationRow] { content.allocations }
}

struct AllocationRow: SQLRowReadable, Sendable {
    var order_id: Int64
    var line_no: Int
    var location_code: String
    var units: Int

    init(row: any SQLRow) throws {
        order_id = try row.decode(column: "order_id", as: Int64.self)
        line_no = try row.decode(column: "line_no", as: Int.self)
        location_code = try row.decode(column: "location_code", as: String.self)
        units = try row.decode(column: "units", as: Int.self)
    }
}
