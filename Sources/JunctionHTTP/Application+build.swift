import Foundation
import Hummingbird
import JunctionStore
import Logging
import ServiceLifecycle

/// How the HTTP server is set up.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router with every route Junction serves, over `junction`. `benchBaseline` adds `POST /bench/baseline`,
/// the floor `junction bench` measures against (never enabled by `serve`).
public func buildRouter(junction: Junction, benchBaseline: Bool = false) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthenticationMiddleware(authenticator: junction.authenticator))
    OperationsRoutes(junction: junction).register(on: router)
    MasterRoutes(junction: junction).register(on: router)
    InventoryRoutes(junction: junction).register(on: router)
    OrderRoutes(junction: junction).register(on: router)
    EventRoutes(junction: junction).register(on: router)
    FulfilmentRoutes(junction: junction).register(on: router)
    DocumentRoutes(junction: junction).register(on: router)
    DeliveryRoutes(junction: junction).register(on: router)
    if benchBaseline { BaselineRoutes().register(on: router) }
    return router
}

/// The Junction HTTP application (tests build it too), running `services` (such as the outbox
/// dispatcher) beside the server.
public func buildApplication(junction: Junction, configuration: ServerConfiguration, services: [any Service] = [],
                             logger: Logger, benchBaseline: Bool = false) -> some ApplicationProtocol {
    Application(router: buildRouter(junction: junction, benchBaseline: benchBaseline),
                configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                     serverName: "Junction"),
                services: services,
                logger: logger)
}
