import Hummingbird
import JunctionStore

/// The per-request context: Hummingbird's core storage plus the authenticated caller.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` for every route that needs credentials.
    public var caller: Caller?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bulk order lists and 5,000-SKU masters are larger than Hummingbird's 2 MB default.
    public var maxUploadSize: Int { 32 * 1024 * 1024 }

    /// The authenticated caller (routes behind the middleware always have one).
    func requireCaller() throws -> Caller {
        guard let caller else { throw APIError.unauthorized }
        return caller
    }
}
