import ArgumentParser
import Foundation
import Hummingbird
import JunctionDelivery
import JunctionHTTP
import JunctionStore
import Logging

/// `junction serve | migrate | demo | bench`.
@main
struct JunctionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junction",
        abstract: "Junction, an open order-management hub that speaks Increff's OMS API.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Bench.self],
        defaultSubcommand: Serve.self)

    /// Every subcommand logs through ``LineLogHandler``.
    static func main() async {
        LineLogHandler.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command shares: where the database is.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"),
            help: "sqlite:///path/file.sqlite or postgres://user:pass@host:port/db (env JUNCTION_DATABASE_URL)")
    var databaseURL: String?

    var resolvedURL: String {
        databaseURL ?? ProcessInfo.processInfo.environment["JUNCTION_DATABASE_URL"] ?? "sqlite://junction.sqlite"
    }

    /// Opens the database, runs `body`, and closes the database whether `body` succeeds or not.
    func withJunction(logger: Logger, _ body: (Junction) async throws -> Void) async throws {
        let junction = try await Junction.open(url: resolvedURL, logger: logger)
        do {
            try await body(junction)
        } catch {
            await junction.shutdown()
            throw error
        }
        await junction.shutdown()
    }
}

/// Starts the HTTP server (applying migrations first).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run Junction's HTTP API.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on (env JUNCTION_HOST, default 127.0.0.1)") var host: String?
    @Option(help: "Port to listen on (env JUNCTION_PORT, default 8080)") var port: Int?
    @Option(name: .customLong("public-url"),
            help: "How partners reach this server, the start of document links (env JUNCTION_PUBLIC_URL, default http://host:port)")
    var publicURL: String?
    @Flag(help: "Seed the demo catalogue first (see `junction demo`)") var demo = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "junction")
        logger.logLevel = environment["JUNCTION_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let configuration = ServerConfiguration(
            host: host ?? environment["JUNCTION_HOST"] ?? "127.0.0.1",
            port: port ?? environment["JUNCTION_PORT"].flatMap(Int.init) ?? 8080)
        let documentBase = publicURL ?? environment["JUNCTION_PUBLIC_URL"] ?? "http://\(configuration.host):\(configuration.port)"
        try await database.withJunction(logger: logger) { opened in
            var junction = opened
            junction.documentBaseURL = String(documentBase.reversed().drop { $0 == "/" }.reversed())
            try await AdminSetup.prepare(junction, demo: demo)
            if demo { try await DemoCatalogue.seed(junction) }
            let app = buildApplication(junction: junction, configuration: configuration,
                                       services: [Dispatcher(junction: junction, logger: logger)], logger: logger)
            logger.info("Junction on http://\(configuration.host):\(configuration.port) using \(junction.database.kind.rawValue)")
            try await app.runService()
        }
    }
}

/// Applies pending migrations and exits.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withJunction(logger: Logger(label: "junction")) { _ in }
        print("migrations applied to \(database.resolvedURL)")
    }
}

/// Seeds the demo catalogue and exits.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Seed a demo catalogue (locations, articles, a bundle, channels).")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withJunction(logger: Logger(label: "junction")) { junction in
            try await AdminSetup.prepare(junction, demo: true)
            try await DemoCatalogue.seed(junction)
        }
    }
}

/// The admin password: `JUNCTION_ADMIN_PASSWORD` when set; otherwise generated on the first start and
/// printed once (the demo uses a fixed one so that the README's examples work as written).
enum AdminSetup {
    static let demoPassword = "junction-demo"

    static func prepare(_ junction: Junction, demo: Bool) async throws {
        let given = ProcessInfo.processInfo.environment["JUNCTION_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let generated = try await junction.authenticator.prepareAdmin(password: given, initial: demo ? demoPassword : nil)
        if let generated {
            print("Admin credentials (shown once): authUsername: admin  authPassword: \(generated)")
        }
    }
}
