import JunctionCore
import SQLKit

/// What a label provider needs to know about a packed shipment.
public struct LabelRequest: Sendable {
    public var orderCode: String
    public var shipmentCode: String
    public var locationCode: String
    public var channelName: String
    public var paymentMethod: PaymentMethod
    public var codAmount: Paise
    public var weightGrams: Double?
}

/// A shipping label: who carries the parcel and under which air waybill number.
public struct ShippingLabel: Codable, Sendable, Hashable {
    public var transporter: String
    public var awbNumber: String
}

/// The seam through which packed shipments get their AWB and label: Junction's own self-ship series here;
/// marketplace-supplied and aggregator-supplied labels plug in behind the same protocol.
public protocol LabelProvider: Sendable {
    /// Assigns a label inside the packing transaction.
    func label(for request: LabelRequest, on sql: any SQLDatabase) async throws -> ShippingLabel
}

/// Self-ship: AWBs from Junction's own gap-free series per transporter (`JNC` + 10 digits).
public struct SelfShipLabelProvider: LabelProvider {
    public var transporter: String

    public init(transporter: String = "SELF_SHIP") { self.transporter = transporter }

    public func label(for request: LabelRequest, on sql: any SQLDatabase) async throws -> ShippingLabel {
        let number = try await NumberSeries.next("awb:\(transporter)", on: sql)
        let digits = String(number)
        return ShippingLabel(transporter: transporter,
                             awbNumber: "JNC" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits)
    }
}
