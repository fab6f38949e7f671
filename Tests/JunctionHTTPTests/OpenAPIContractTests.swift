import Foundation
import Hummingbird
import JunctionHTTP
import Testing

/// `openapi.yaml` is the published contract: every route the router serves is described in it.
@Suite struct OpenAPIContractTests {
    @Test func everyRouteIsDocumented() async throws {
        let junction = try await TestBackend.sqlite.openJunction()
        let router = buildRouter(junction: junction)
        let documented = try Self.documentedOperations()
        let served = router.routes.map { route -> String in
            let path = route.path.description.split(separator: "/").map { segment in
                segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
            }.joined(separator: "/")
            return "\(route.method.rawValue.lowercased()) /\(path)"
        }
        await junction.shutdown()
        #expect(!served.isEmpty)
        for operation in served {
            #expect(documented.contains(operation), "\(operation) is served but not in openapi.yaml")
        }
    }

    @Test(arguments: TestBackend.available)
    func theContractIsServed(_ backend: TestBackend) async throws {
        try await withAPI(backend) { api in
            let answer = try await api.get("/openapi.yaml", as: .anonymous)
            #expect(answer.status == 200 && answer.text.hasPrefix("openapi: 3.1"))
        }
    }

    /// `get /orders/outward/{orderCode}` style entries read from the `paths:` section.
    static func documentedOperations() throws -> Set<String> {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/JunctionHTTP/Resources/openapi.yaml")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var operations = Set<String>()
        var inPaths = false
        var currentPath: String?
        for line in lines {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, !first.isWhitespace, first != "#" { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path = currentPath {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "patch", "delete"].contains(String(key)) { operations.insert("\(key) \(path)") }
            }
        }
        return operations
    }
}
