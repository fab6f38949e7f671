import JunctionCore
import SQLKit

/// One pack call inside its transaction: checks the order can be packed here, plans the shipment, issues
/// invoice and label, seller-cancels what single-shipment packing leaves out, and moves the order on.
struct Packing {
    let order: OrderRow
    let input: PackInput
    let locationCode: String
    let requestKey: String
    let labels: any LabelProvider

    func run(on sql: any SQLDatabase) async throws -> Int64 {
        let document = try JSONCoding.decode(OrderDocument.self, from: order.document)
        try checkPackable(document)
        let (lines, allocations) = try await OrderRecords.linesAndAllocations(orderId: order.id, on: sql)
        let shipments = try await ShipmentRecords.forOrder(order.id, on: sql)
        let items = try await ShipmentRecords.items(orderId: order.id, on: sql)
        let shipped = ShipmentRecords.shipped(shipments, items: items)
        let plan = try PackPlan.make(input, lines: packableLines(lines, allocations: allocations, shipped: shipped))
        let code = try shipmentCode(taken: Set(shipments.map(\.shipment_code)))
        let location = try await MasterStore.location(code: locationCode, on: sql)
        let invoice = try await InvoiceIssuer.issue(order: order, document: document, lines: lines, packed: plan.packed,
                                                    at: location, on: sql)
        let codAmount = document.paymentMethod == .cod ? try Self.amountToCollect(lines: lines, packed: plan.packed) : nil
        let label = try await labels.label(for: LabelRequest(orderCode: order.order_code, shipmentCode: code,
                                                             locationCode: locationCode, channelName: order.channel_name,
                                                             paymentMethod: document.paymentMethod,
                                                             codAmount: codAmount ?? .zero, weightGrams: input.weight), on: sql)
        let shipmentDocument = ShipmentDocument(
            packageSku: input.packageSku, weight: input.weight, packageDetails: input.packageDetails,
            packboxDetailsList: input.packboxDetailsList ?? [], externalSerialCodes: serialCodes(),
            paymentMethod: document.paymentMethod, codAmount: codAmount, invoice: invoice,
            invoiceToken: DocumentLinks.newToken(), labelToken: DocumentLinks.newToken())
        let shipment = try await insert(code: code, plan: plan, invoice: invoice, label: label, document: shipmentDocument, on: sql)
        let subject = ShipmentEvents.Subject(orderCode: order.order_code, shipmentCode: code, channelName: order.channel_name,
                                             locationCode: locationCode)
        let units = Dictionary(uniqueKeysWithValues: plan.packed.map { lineNo, quantity in
            (lines.first { $0.line_no == lineNo }!.order_item_code, quantity)
        })
        var events = [
            ShipmentEvents.packed(subject, fulfillment: plan.fulfillmentType, units: units),
            ShipmentEvents.invoiced(subject, invoiceCode: invoice.invoiceCode, total: invoice.totals.actualSellingPriceTotal,
                                    irn: invoice.irn),
            ShipmentEvents.labelled(subject, transporter: label.transporter, awb: label.awbNumber),
        ]
        if plan.sellerCancelled.isEmpty {
            // The order and its lines are as read above; the shipments and items are those plus the new one.
            let packedItems = plan.packed.map { ShipmentItemRow(shipment_id: shipment.id, line_no: $0.key, quantity: $0.value) }
            events += try await ShipmentRecords.advanceOrder(order, lines: lines, shipments: shipments + [shipment],
                                                             items: items + packedItems, on: sql)
        } else {
            events += try await OrderStore.applyCancellation(sellerCancellation(plan, lines: lines), to: order, by: .seller,
                                                             reason: "not packed in single shipment \(code); cancelled by the seller",
                                                             releaseFirstAt: locationCode, on: sql)
            if let current = try await OrderRecords.find(channel: order.channel_name, code: order.order_code, on: sql).first {
                events += try await ShipmentRecords.advanceOrder(current, on: sql)
            }
        }
        try await EventLog.append(events, orderId: order.id, on: sql)
        return shipment.id
    }

    /// What the customer pays for the packed units: price, shipping and gift charges (as the order's total).
    static func amountToCollect(lines: [LineRow], packed: [Int: Int]) throws -> Paise {
        var total = Paise.zero
        for line in lines {
            guard let quantity = packed[line.line_no] else { continue }
            let extra = try JSONCoding.decode(LineDocument.self, from: line.document)
            total = total + extra.amounts(quantity: quantity, sellingPrice: Paise(line.selling_price)).grandTotal
        }
        return total
    }

    private func checkPackable(_ document: OrderDocument) throws {
        guard [.allocated, .picking].contains(order.orderStatus) else {
            throw DomainError.invalidState("order \(order.order_code) is \(order.status) and cannot be packed")
        }
        if order.on_hold != 0 { throw DomainError.invalidState("order \(order.order_code) is on hold") }
        if let start = document.startProcessingTime, start > Clock.nowMillis() {
            throw DomainError.invalidState("order \(order.order_code) may not be processed before \(Timestamp(millis: start).iso8601)")
        }
    }

    private func packableLines(_ lines: [LineRow], allocations: [AllocationRow], shipped: [Int: [String: Int]]) -> [PackableLine] {
        lines.map { line in
            let here = allocations.filter { $0.line_no == line.line_no && $0.location_code == locationCode }.reduce(0) { $0 + $1.units }
            let shippedHere = shipped[line.line_no]?[locationCode] ?? 0
            let shippedAll = shipped[line.line_no]?.values.reduce(0, +) ?? 0
            let packable = here - shippedHere
            return PackableLine(lineNo: line.line_no, channelSkuCode: line.channel_sku_code, packable: packable,
                                outstandingElsewhere: line.quantity - line.cancelled - shippedAll - packable)
        }
    }

    /// The channel's code, or the order code and the shipment's number (`ORD1-2`), skipping codes in use.
    private func shipmentCode(taken: Set<String>) throws -> String {
        if let wanted = input.shipmentCode {
            guard !taken.contains(wanted) else {
                throw DomainError.conflict("shipment \(wanted) of order \(order.order_code) exists with different content")
            }
            return wanted
        }
        var number = taken.count + 1
        while taken.contains("\(order.order_code)-\(number)") { number += 1 }
        return "\(order.order_code)-\(number)"
    }

    private func serialCodes() -> [String: [String]] {
        var codes: [String: [String]] = [:]
        for item in input.shipmentItems ?? [] {
            if let sku = item.channelSkuCode, let serials = item.externalSerialCodes, !serials.isEmpty { codes[sku] = serials }
        }
        return codes
    }

    private func sellerCancellation(_ plan: PackPlan, lines: [LineRow]) -> CancelOrderInput {
        var cancellation = CancelOrderInput()
        cancellation.orderItems = plan.sellerCancelled.keys.sorted().map { lineNo in
            let line = lines.first { $0.line_no == lineNo }!
            return CancelItemInput(channelSkuCode: line.channel_sku_code, orderItemCode: line.order_item_code,
                                   cancelledQuantity: line.cancelled + plan.sellerCancelled[lineNo]!)
        }
        return cancellation
    }

    private func insert(code: String, plan: PackPlan, invoice: IssuedInvoice, label: ShippingLabel, document: ShipmentDocument,
                        on sql: any SQLDatabase) async throws -> ShipmentRow {
        let now = Clock.nowMillis()
        let shipment = try await sql.raw("""
            INSERT INTO shipments (shipment_code, order_id, channel_name, location_code, status, fulfillment_type, request_key,
                document, invoice_code, invoice_date, transporter, awb_number, created_at, updated_at)
            VALUES (\(bind: code), \(bind: order.id), \(bind: order.channel_name), \(bind: locationCode),
                \(bind: ShipmentStatus.invoiced.rawValue), \(bind: plan.fulfillmentType.rawValue), \(bind: requestKey),
                \(bind: try JSONCoding.string(document)), \(bind: invoice.invoiceCode), \(bind: invoice.invoiceDate),
                \(bind: label.transporter), \(bind: label.awbNumber), \(bind: now), \(bind: now))
            RETURNING \(ShipmentRow.columns)
            """).first(decoding: ShipmentRow.self)!
        var items = SQLValueRows(width: 3)
        for (lineNo, quantity) in plan.packed.sorted(by: { $0.key < $1.key }) { items.append(shipment.id, lineNo, quantity) }
        for chunk in items.chunked(500) {
            try await sql.raw("INSERT INTO shipment_items (shipment_id, line_no, quantity) VALUES \(chunk)").run()
        }
        try await DocumentLinks.record([(document.invoiceToken, .invoice), (document.labelToken, .label)], subject: shipment.id,
                                       on: sql)
        return shipment
    }
}
