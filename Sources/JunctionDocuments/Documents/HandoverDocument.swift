import Foundation

extension HandoverData {
    /// The handover sheet as an A4 PDF headed "HANDOVER SHEET": the same layout and shipment table as a manifest, with
    /// the vehicle number, LR number, e-way bill number and remarks among the header fields when they are known.
    public func pdf() -> Data {
        let details = [
            (label: "Vehicle No.", value: vehicleNumber), (label: "LR No.", value: lrNumber),
            (label: "E-way bill No.", value: ewayBillNumber), (label: "Remarks", value: remarks),
        ]
        return DispatchSheet(heading: "HANDOVER SHEET", codeLabel: "Handover No.", code: handoverCode,
                             transporter: transporter, location: location, locationCode: locationCode,
                             dateLabel: "Handed over on", date: handedOverAt, details: details, entries: entries).pdf()
    }
}
