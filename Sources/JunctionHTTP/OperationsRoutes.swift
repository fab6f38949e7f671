import Foundation
import Hummingbird
import JunctionStore
import NIOCore

/// `/health`, `/openapi.yaml` and `/metrics` (Prometheus text; admin credentials).
struct OperationsRoutes {
    let junction: Junction

    /// The published contract, read once from the module's resources.
    static let openAPIDocument: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url) else { return ByteBuffer(string: "openapi: 3.1.0\n") }
        return ByteBuffer(bytes: data)
    }()

    func register(on router: Router<AppContext>) {
        router.get("/health") { _, _ in
            try JSONBody.response(["status": "ok", "database": junction.database.kind.rawValue])
        }
        router.get("/metrics") { _, context in
            try context.requireCaller().requireAdmin()
            let text = PrometheusText.render(try await junction.deliveries.metrics())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: Self.openAPIDocument))
        }
    }
}
