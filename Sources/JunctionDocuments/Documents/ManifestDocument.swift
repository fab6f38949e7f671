import Foundation

extension ManifestData {
    /// The manifest as an A4 PDF headed "MANIFEST": its code (also as a Code 128 barcode), transporter, location code
    /// and address and date, a table of the shipments (order, shipment, AWB, invoice, boxes, weight, COD amount) that
    /// runs on to further pages, the totals of shipments, boxes, weight and cash to collect, and signature lines for
    /// "Handed over by" and "Received by (transporter)".
    public func pdf() -> Data {
        DispatchSheet(heading: "MANIFEST", codeLabel: "Manifest No.", code: manifestCode, transporter: transporter,
                      location: location, locationCode: locationCode, dateLabel: "Date", date: createdAt, details: [],
                      entries: entries).pdf()
    }
}
