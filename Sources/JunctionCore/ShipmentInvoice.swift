/// What an invoice line says it is: which order line, which SKU, its description and HSN code.
public struct InvoiceItem: Codable, Sendable, Hashable {
    public var lineNo: Int
    public var orderItemCode: String
    public var channelSkuCode: String
    public var clientSkuId: String
    public var description: String
    public var hsnCode: String?

    public init(lineNo: Int, orderItemCode: String, channelSkuCode: String, clientSkuId: String, description: String,
                hsnCode: String?) {
        self.lineNo = lineNo; self.orderItemCode = orderItemCode; self.channelSkuCode = channelSkuCode
        self.clientSkuId = clientSkuId; self.description = description; self.hsnCode = hsnCode
    }
}

/// What invoicing needs to know of one order line packed into a shipment.
public struct InvoiceLineInput: Sendable, Hashable {
    public var item: InvoiceItem
    /// Tax-inclusive selling price of one unit.
    public var unitPrice: Paise
    public var quantity: Int
    /// The article's tax rule code (`GST_12`, `GST_APPAREL`).
    public var taxRule: String
    /// The channel's own break-up for this SKU, which wins over the rule when present.
    public var channelBreakup: TaxBreakupInput?

    public init(item: InvoiceItem, unitPrice: Paise, quantity: Int, taxRule: String, channelBreakup: TaxBreakupInput?) {
        self.item = item; self.unitPrice = unitPrice; self.quantity = quantity; self.taxRule = taxRule
        self.channelBreakup = channelBreakup
    }
}

/// One line of an issued invoice: what it is and its tax figures.
public struct InvoiceLine: Codable, Sendable, Hashable {
    public var item: InvoiceItem
    public var tax: LineTax
}

/// The GST of a shipment's invoice: the supply type from the two states, each line taxed by its rule in
/// force on the invoice date (or by the channel's break-up), and totals that are the exact sums of the lines.
public struct ShipmentInvoice: Sendable, Hashable {
    public var supplyType: SupplyType
    public var lines: [InvoiceLine]
    public var totals: InvoiceTaxTotals

    /// Taxes `inputs` for a supply from `supplier` to `placeOfSupply` on `date`. Throws
    /// ``DomainError/invalidState(_:)`` for a tax rule the book does not know, and the calculator's field
    /// errors for a channel break-up that does not add up.
    public static func compute(_ inputs: [InvoiceLineInput], supplier: IndianState, placeOfSupply: IndianState,
                               book: TaxRuleBook, on date: Timestamp) throws -> ShipmentInvoice {
        let supply = SupplyType(supplier: supplier, placeOfSupply: placeOfSupply)
        var lines: [InvoiceLine] = []
        for input in inputs {
            let source: LineTaxSource
            if let breakup = input.channelBreakup {
                source = .channel(breakup, field: "taxBreakupForms[\(input.item.channelSkuCode)]")
            } else {
                do {
                    source = .rate(try book.rate(for: input.taxRule, unitPrice: input.unitPrice, at: date), supply)
                } catch {
                    throw DomainError.invalidState("\(input.item.channelSkuCode) has tax rule \(input.taxRule), which has no rate "
                                                       + "on \(date.iso8601): define it with PUT /master/tax-rules")
                }
            }
            let tax = try TaxCalculator.line(unitPrice: input.unitPrice, quantity: input.quantity, source: source,
                                             field: "orderItems[\(input.item.lineNo)]")
            lines.append(InvoiceLine(item: input.item, tax: tax))
        }
        return ShipmentInvoice(supplyType: supply, lines: lines, totals: InvoiceTaxTotals(lines.map(\.tax)))
    }

    /// The state a text names, or a 422 saying which field names no Indian state.
    public static func state(_ text: String?, field: String) throws -> IndianState {
        guard let text, let state = IndianState(matching: text) else {
            throw DomainError.invalidState("\(field) \"\(text ?? "")\" is not an Indian state or union territory")
        }
        return state
    }
}
