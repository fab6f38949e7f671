import JunctionCore
import SQLKit

/// Issues the GST invoice of a shipment inside the packing transaction: the next number of the location's
/// series for the financial year, the lines taxed by the rule book (or the channel's break-up), and the
/// IRN when the location has e-invoicing on.
enum InvoiceIssuer {
    static func issue(order: OrderRow, document: OrderDocument, lines: [LineRow], packed: [Int: Int], at location: Location,
                      on sql: any SQLDatabase) async throws -> IssuedInvoice {
        let now = Timestamp(millis: Clock.nowMillis())
        let supplierState = try ShipmentInvoice.state(location.address.state, field: "location \(location.locationCode)'s state")
        let destination = document.shippingAddress?.state ?? document.billingAddress?.state
        let placeOfSupply = try ShipmentInvoice.state(destination, field: "order \(order.order_code)'s shipping address state")
        let articles = try await articleDocuments(ids: Set(lines.map(\.article_id)), on: sql)
        let inputs = try lines.compactMap { line -> InvoiceLineInput? in
            guard let quantity = packed[line.line_no] else { return nil }
            let extra = try JSONCoding.decode(LineDocument.self, from: line.document)
            let article = articles[line.article_id]
            let item = InvoiceItem(lineNo: line.line_no, orderItemCode: line.order_item_code, channelSkuCode: line.channel_sku_code,
                                   clientSkuId: extra.clientSkuId, description: article?.name ?? line.channel_sku_code,
                                   hsnCode: article?.hsn)
            return InvoiceLineInput(
                item: item, unitPrice: Paise(line.selling_price), quantity: quantity,
                taxRule: article?.taxRule ?? ArticleInput.defaultTaxRule,
                channelBreakup: document.taxBreakups.first { ($0.channelSkuCode ?? $0.channelSkuId) == line.channel_sku_code })
        }
        let invoice = try ShipmentInvoice.compute(inputs, supplier: supplierState, placeOfSupply: placeOfSupply,
                                                  book: try await TaxRuleStore.book(on: sql), on: now)
        let year = FinancialYear(containing: now)
        let numbering = try InvoiceNumbering(prefix: location.invoiceSeriesPrefix, financialYear: year)
        let sequence = try await NumberSeries.next("invoice:\(numbering.prefix):\(year.shortCode)", on: sql)
        let code = try numbering.invoiceNumber(sequence: Int(sequence))
        return IssuedInvoice(invoiceCode: code, invoiceDate: now.millis,
                             irn: irn(for: code, year: year, location: location), supplier: location,
                             billTo: document.billingAddress ?? document.shippingAddress,
                             shipTo: document.shippingAddress ?? document.billingAddress,
                             placeOfSupply: placeOfSupply.gstCode, supplyType: invoice.supplyType,
                             lines: invoice.lines, totals: invoice.totals)
    }

    /// The e-invoice reference number: SHA-256 in hex over the portal's input, when e-invoicing is on.
    static func irn(for code: String, year: FinancialYear, location: Location) -> String? {
        guard location.eInvoicingOn, let gstin = location.gstin else { return nil }
        let input = IRN.hashInput(supplierGSTIN: gstin, financialYear: year, documentType: .invoice, documentNumber: code)
        return sha256Hex(input)
    }

    private static func articleDocuments(ids: Set<Int64>, on sql: any SQLDatabase) async throws -> [Int64: ArticleInput] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLQueryString(ids.map(String.init).joined(separator: ", "))
        var result: [Int64: ArticleInput] = [:]
        for row in try await sql.raw("SELECT id, document FROM articles WHERE id IN (\(list))").all(decoding: ArticleRow.self) {
            result[row.id] = try JSONCoding.decode(ArticleInput.self, from: row.document)
        }
        return result
    }
}

private struct ArticleRow: Decodable { var id: Int64; var document: String }
