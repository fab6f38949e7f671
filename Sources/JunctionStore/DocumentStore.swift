import Foundation
import JunctionCore
import JunctionDocuments
import SQLKit

/// Serves the PDFs behind `/documents/{token}`, drawn from what was frozen when they were issued: the
/// invoice and label from the shipment, the manifest and handover sheet from their batch.
public struct DocumentStore: Sendable {
    let database: any JunctionDatabase

    /// The document a token links to, with a file name; 404 for a token never issued.
    public func pdf(token: String) async throws -> (fileName: String, data: Data) {
        try await database.read { sql in
            guard let link = try await sql.raw("SELECT kind, subject_id FROM documents WHERE token = \(bind: token)")
                .first(decoding: LinkRow.self), let kind = DocumentKind(rawValue: link.kind) else {
                throw DomainError.notFound("no document \(token)")
            }
            switch kind {
            case .invoice, .label:
                let shipment = try await ShipmentRecords.find(id: link.subject_id, on: sql)!
                let orderCode = try await OrderRecords.code(orderId: shipment.order_id, on: sql)
                let document = try JSONCoding.decode(ShipmentDocument.self, from: shipment.document)
                if kind == .invoice {
                    return ("invoice-\(shipment.invoice_code).pdf",
                            DocumentSources.invoice(shipment, orderCode: orderCode, document: document).pdf())
                }
                return ("label-\(shipment.awb_number).pdf", DocumentSources.label(shipment, orderCode: orderCode, document: document).pdf())
            case .manifest, .handover:
                let batch = try await sql.raw("""
                    SELECT id, kind, code, location_code, channel_name, transporter, document, created_at
                    FROM dispatch_batches WHERE id = \(bind: link.subject_id)
                    """).first(decoding: BatchRow.self)!
                let entries = try await DocumentSources.entries(batchId: batch.id, kind: kind, on: sql)
                let location = try await MasterStore.location(code: batch.location_code, on: sql)
                let extra = try JSONCoding.decode(BatchDocument.self, from: batch.document)
                let party = DocumentParty(location)
                let time = Timestamp(millis: batch.created_at)
                if kind == .manifest {
                    return ("manifest-\(batch.code).pdf",
                            ManifestData(manifestCode: batch.code, transporter: batch.transporter, location: party,
                                         locationCode: batch.location_code, createdAt: time, entries: entries).pdf())
                }
                return ("handover-\(batch.code).pdf",
                        HandoverData(handoverCode: batch.code, transporter: batch.transporter, location: party,
                                     locationCode: batch.location_code, handedOverAt: time, vehicleNumber: extra.vehicleNumber,
                                     lrNumber: extra.lrNumber, ewayBillNumber: extra.ewayBillDocument, remarks: extra.remarks,
                                     entries: entries).pdf())
            }
        }
    }
}

private struct LinkRow: Decodable { var kind: String; var subject_id: Int64 }

struct BatchRow: Decodable {
    var id: Int64
    var kind: String
    var code: String
    var location_code: String
    var channel_name: String
    var transporter: String
    var document: String
    var created_at: Int64
}
