import Hummingbird
import JunctionStore
import NIOCore

/// `GET /documents/{token}`: invoices, labels, manifests and handover sheets as PDF. Open without
/// credentials: the 128-bit token in the link is the key, so a courier or a printer can fetch it.
struct DocumentRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.get("/documents/:token") { _, context in
            let document = try await junction.documents.pdf(token: try context.parameters.require("token"))
            return Response(status: .ok,
                            headers: [.contentType: "application/pdf",
                                      .contentDisposition: "inline; filename=\"\(document.fileName)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: document.data)))
        }
    }
}
