import Logging

/// Junction's storage and domain services over one database.
public struct Junction: Sendable {
    public let database: any JunctionDatabase
    public let authenticator: Authenticator
    private let orderBatcher: OrderBatcher
    /// Where this Junction is reached from outside (`http://host:port`): document links start with it.
    public var documentBaseURL = ""
    /// How packed shipments get their AWB and label.
    public var labelProvider: any LabelProvider = SelfShipLabelProvider()
    public var masters: MasterStore { MasterStore(database: database) }
    public var catalogue: CatalogueStore { CatalogueStore(database: database) }
    public var inventory: InventoryStore { InventoryStore(database: database) }
    public var orders: OrderStore { OrderStore(database: database, batcher: orderBatcher, documentBaseURL: documentBaseURL) }
    public var shipments: ShipmentStore {
        ShipmentStore(database: database, documentBaseURL: documentBaseURL, labels: labelProvider)
    }
    public var taxRules: TaxRuleStore { TaxRuleStore(database: database) }
    public var documents: DocumentStore { DocumentStore(database: database) }
    public var deliveries: DeliveryStore { DeliveryStore(database: database, documentBaseURL: documentBaseURL) }
    public var events: EventStore { EventStore(database: database) }
    public var picklists: PicklistStore { PicklistStore(database: database) }

    /// Opens the database at `url` and applies pending migrations. `maxConnections` bounds the
    /// PostgreSQL pool of this process.
    public static func open(url: String, maxConnections: Int = 16, logger: Logger) async throws -> Junction {
        let database: any JunctionDatabase
        switch try DatabaseLocation(url: url) {
        case .sqlite(let path):
            database = try SQLiteJunctionDatabase.open(path: path, logger: logger)
        case .postgres(let host, let port, let username, let password, let name):
            database = try await PostgresJunctionDatabase.connect(host: host, port: port, username: username,
                                                                  password: password, database: name,
                                                                  maxConnections: maxConnections, logger: logger)
        }
        do {
            try await Schema.migrate(database)
        } catch {
            await database.shutdown()
            throw error
        }
        return Junction(database: database, authenticator: Authenticator(database: database),
                        orderBatcher: OrderBatcher(database: database))
    }

    public func shutdown() async { await database.shutdown() }
}
