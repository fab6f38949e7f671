import HTTPTypes
import Hummingbird
import JunctionStore

/// Requires `authUsername` + `authPassword` headers (Increff's scheme) on every route except the open
/// ones (health, the contract, and documents, whose unguessable link is their key), and puts the caller
/// in the context. `authDomainName` is accepted and not needed.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let authenticator: Authenticator
    static let openPaths: Set<String> = ["/health", "/openapi.yaml"]
    static let documentsPrefix = "/documents/"
    static let usernameHeader = HTTPField.Name("authUsername")!
    static let passwordHeader = HTTPField.Name("authPassword")!

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        if Self.openPaths.contains(request.uri.path) || request.uri.path.hasPrefix(Self.documentsPrefix) {
            return try await next(request, context)
        }
        guard let username = request.headers[Self.usernameHeader], let password = request.headers[Self.passwordHeader],
              let caller = try await authenticator.authenticate(username: username, password: password)
        else { throw APIError.unauthorized }
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}
