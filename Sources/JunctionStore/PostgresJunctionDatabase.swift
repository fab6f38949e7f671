import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// PostgreSQL storage: a connection pool shared by the process; many Junction processes may share one
/// database. Deadlocks and serialization failures re-run the transaction.
public final class PostgresJunctionDatabase: JunctionDatabase {
    public let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger
    private let sequencing = Mutex(SequencerState.idle)

    /// Connects a pool of at most `maxConnections` connections, returning once the pool's `run()` is under
    /// way (a lease before that works, but PostgresNIO warns of it).
    public init(host: String, port: Int, username: String, password: String?, database: String,
                maxConnections: Int = 16, logger: Logger) async {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username,
                                                         password: password, database: database, tls: .disable)
        configuration.options.maximumConnections = maxConnections
        configuration.options.additionalStartupParameters = Self.sessionSettings
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        let (running, started) = AsyncStream<Void>.makeStream()
        self.runTask = Task {
            started.finish()
            await client.run()
        }
        for await _ in running {}
    }

    /// Planner settings for Junction's own sessions. `random_page_cost` 1.1 (PostgreSQL's default is 4, for
    /// spinning disks) says what holds for an OMS's working set, cached or on SSD: an index probe costs
    /// about what a page read in sequence does. With the default, a batch of creates looked up its 90 SKU
    /// codes by scanning all of `listings` and `articles` (5 ms for 10,000 SKUs) instead of probing their
    /// primary keys (1 ms).
    static let sessionSettings = [("random_page_cost", "1.1")]

    /// Checks that the server is reachable and the credentials work (failing fast with PostgreSQL's own
    /// error instead of retrying forever), then opens the pool.
    public static func connect(host: String, port: Int, username: String, password: String?, database: String,
                               maxConnections: Int = 16, logger: Logger) async throws -> PostgresJunctionDatabase {
        do {
            let probe = try await PostgresConnection.connect(
                configuration: .init(host: host, port: port, username: username, password: password, database: database,
                                     tls: .disable),
                id: 0, logger: logger)
            try await probe.close()
        } catch {
            throw DatabaseUnavailable(
                description: "cannot connect to PostgreSQL at \(host):\(port)/\(database) as \(username): \(Self.reason(error))")
        }
        return await PostgresJunctionDatabase(host: host, port: port, username: username, password: password,
                                              database: database, maxConnections: maxConnections, logger: logger)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await transaction(body)
            } catch let error where attempt < Self.attempts(after: error) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * min(attempt, 8)))))
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let named = NamedStatementOutcome()
            let result: Result<T, any Error>
            do { result = .success(try await body(PostgresConnectionSQL(connection: connection, named: named))) }
            catch { result = .failure(error) }
            if named.failed { try? await connection.close() }
            return try result.get()
        }
    }

    /// Has committed events numbered soon, without making the caller wait: one background pass at a time
    /// numbers everything committed so far, and a commit during a pass asks for one more.
    public func afterCommit() async {
        let start = sequencing.withLock { state -> Bool in
            defer { state = state == .idle ? .running : .again }
            return state == .idle
        }
        if start { Task { await self.sequenceWhileAsked() } }
    }

    private func sequenceWhileAsked() async {
        repeat {
            sequencing.withLock { $0 = .running }
            await sequenceUnlessBusy()
        } while sequencing.withLock { state in
            defer { if state == .running { state = .idle } }
            return state == .again
        }
    }

    /// Numbers committed events when no other process is doing so at this moment.
    private func sequenceUnlessBusy() async {
        do {
            try await transaction { sql in
                if try await EventLog.lockCounter(skipIfBusy: true, on: sql) { try await EventLog.sequence(sql) }
            }
        } catch {
            logger.debug("event sequencing deferred: \(error)")
        }
    }

    /// Numbers every committed event, waiting for any other sequencer to finish first.
    public func sequenceEvents() async throws {
        try await transaction { sql in
            _ = try await EventLog.lockCounter(skipIfBusy: false, on: sql)
            try await EventLog.sequence(sql)
        }
    }

    /// One transaction on one pooled connection; the body's own error is rethrown as it is.
    private func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let sql = PostgresConnectionSQL(connection: connection)
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// `ANALYZE` of the whole database; autovacuum would run it within a minute or so of a bulk load.
    public func refreshStatistics() async throws {
        try await read { sql in try await sql.raw("ANALYZE").run() }
    }

    public func shutdown() async {
        runTask.cancel()
    }

    /// PostgreSQL's own words for a failure (the server's message, or the connection error).
    static func reason(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return "\(error)" }
        if let message = psql.serverInfo?[.message] { return message }
        return psql.underlying.map { "\($0)" } ?? "\(psql.code)"
    }

    /// How many times a transaction may run in all when it failed with `error`: deadlocks and serialization
    /// failures 8 times; a lost reservation race 32 times, since every lost race means another transaction
    /// took the stock (so the contention ends when the stock does); anything else once.
    static func attempts(after error: any Error) -> Int {
        if error is ReservationRace { return 32 }
        guard let psql = error as? PSQLError, let code = psql.serverInfo?[.sqlState] else { return 1 }
        return code == "40P01" || code == "40001" ? 8 : 1
    }
}

/// The database could not be reached at start-up.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public var description: String
}

/// Whether a background numbering pass runs, and whether another was asked for meanwhile.
private enum SequencerState { case idle, running, again }
