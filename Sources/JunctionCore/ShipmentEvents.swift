/// The events a shipment emits on its way, with the reasons its order's timeline shows.
public enum ShipmentEvents {
    /// A shipment of an order, as events name it.
    public struct Subject: Sendable, Hashable {
        public var orderCode: String
        public var shipmentCode: String
        public var channelName: String
        public var locationCode: String

        public init(orderCode: String, shipmentCode: String, channelName: String, locationCode: String) {
            self.orderCode = orderCode; self.shipmentCode = shipmentCode; self.channelName = channelName
            self.locationCode = locationCode
        }
    }

    static func event(_ type: EventType, _ subject: Subject, reason: String, details: [String: JSONValue]) -> NewEvent {
        var details = details
        details["orderCode"] = .string(subject.orderCode)
        return NewEvent(type: type, aggregateType: "SHIPMENT", aggregateCode: subject.shipmentCode,
                        channelName: subject.channelName, locationCode: subject.locationCode, reason: reason, details: details)
    }

    public static func packed(_ subject: Subject, fulfillment: FulfillmentType, units: [String: Int]) -> NewEvent {
        event(.shipmentPacked, subject, reason: "packed at \(subject.locationCode) as \(subject.shipmentCode) (\(fulfillment.rawValue))",
              details: ["fulfillmentType": .string(fulfillment.rawValue),
                        "items": .object(units.mapValues { .number(Double($0)) })])
    }

    public static func invoiced(_ subject: Subject, invoiceCode: String, total: Paise, irn: String?) -> NewEvent {
        var details: [String: JSONValue] = ["invoiceCode": .string(invoiceCode), "invoiceTotal": .string(total.description)]
        if let irn { details["irn"] = .string(irn) }
        return event(.shipmentInvoiced, subject, reason: "invoice \(invoiceCode) issued for \(total)", details: details)
    }

    public static func labelled(_ subject: Subject, transporter: String, awb: String) -> NewEvent {
        event(.shipmentLabelled, subject, reason: "labelled for \(transporter), AWB \(awb)",
              details: ["transporter": .string(transporter), "awbNumber": .string(awb)])
    }

    public static func manifested(_ subject: Subject, manifestCode: String, transporter: String) -> NewEvent {
        event(.shipmentManifested, subject, reason: "on manifest \(manifestCode) for \(transporter)",
              details: ["manifestCode": .string(manifestCode), "transporter": .string(transporter)])
    }

    public static func dispatched(_ subject: Subject, handoverCode: String, transporter: String) -> NewEvent {
        event(.shipmentDispatched, subject, reason: "handed over to \(transporter) on \(handoverCode)",
              details: ["handoverCode": .string(handoverCode), "transporter": .string(transporter)])
    }

    public static func delivered(_ subject: Subject, at time: Timestamp) -> NewEvent {
        event(.shipmentDelivered, subject, reason: "delivered at \(time.iso8601)", details: ["deliveredAt": .string(time.iso8601)])
    }

    /// The order reached COMPLETED or DELIVERED through its shipments.
    public static func orderProgressed(code: String, channel: String, to status: OrderStatus) -> NewEvent {
        let completed = status == .completed
        return NewEvent(type: completed ? .orderCompleted : .orderDelivered, aggregateType: "ORDER", aggregateCode: code,
                        channelName: channel,
                        reason: completed ? "every unit not cancelled is invoiced" : "every shipment is delivered")
    }
}
