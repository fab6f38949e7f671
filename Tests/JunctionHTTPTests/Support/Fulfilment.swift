import Foundation
import JunctionCore
import Testing

/// A §5.7 pack body: `(channelSkuCode, quantityToPack)` per item.
func packJSON(_ order: String, at location: String, _ items: [(String, Int)], type: String? = nil, extra: String = "") -> String {
    let lines = items.map { #"{"channelSkuCode": "\#($0.0)", "quantityToPack": \#($0.1)}"# }.joined(separator: ",")
    let typeField = type.map { #""fulfillmentType": "\#($0)","# } ?? ""
    return """
        {"orderCode": "\(order)", "locationCode": "\(location)", "channelName": "MP", \(typeField) \(extra)
         "weight": 750, "packageDetails": {"length": 30, "breadth": 20, "height": 10},
         "shipmentItems": [\(lines)]}
        """
}

/// A dispatch body (§5.8, §5.9) for the self-ship transporter.
func dispatchJSON(_ orders: [String], at location: String, extra: String = "") -> String {
    let codes = orders.map { "\"\($0)\"" }.joined(separator: ",")
    return #"{"locationCode": "\#(location)", "channelName": "MP", "transporter": "SELF_SHIP", \#(extra) "orderCodes": [\#(codes)]}"#
}

/// The invoice number a location's series gives its `sequence`th invoice this financial year.
func invoiceNumber(_ prefix: String, _ sequence: Int) -> String {
    let year = FinancialYear(containing: Timestamp(millis: Int64(Date().timeIntervalSince1970 * 1000)))
    return "\(prefix)-\(year.shortCode)-" + String(format: "%06d", sequence)
}

/// Fetches a document link from an answer and returns its text, checking it is a PDF poppler reads.
func documentText(_ api: TestAPI, _ url: String?) async throws -> String {
    let link = try #require(url)
    let path = String(link[try #require(link.range(of: "/documents/")).lowerBound...])
    let document = try await api.download(path)
    #expect(document.status == 200 && document.contentType == "application/pdf")
    #expect(document.data.starts(with: Data("%PDF-".utf8)))
    return try pdfText(document.data)
}

/// The paise of a JSON money figure (rupees with up to two decimals).
func paise(_ value: JSONValue) -> Int64? {
    guard case .number(let rupees) = value else { return nil }
    return Int64((rupees * 100).rounded())
}
