import SQLKit

/// Which SQL engine a ``JunctionDatabase`` runs on; queries branch on it only where the engines differ.
public enum DatabaseKind: String, Sendable {
    case sqlite, postgres
}

/// Junction's storage: transactions over SQLKit, on SQLite (one process, one writer) or PostgreSQL
/// (many processes).
///
/// `write` runs its body in one transaction and commits it, or rolls it back when the body throws; on
/// SQLite write transactions are serialized, on PostgreSQL a deadlock or serialization failure makes the
/// whole body run again. `read` runs its body on a connection without write intent.
public protocol JunctionDatabase: Sendable {
    var kind: DatabaseKind { get }
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Gives the sequencer a chance to number committed events (see ``EventLog``), without waiting for it.
    func afterCommit() async
    /// Numbers every committed event before returning; readers of the log call it first, so that an
    /// event whose own process could not number it (another process held the sequencer) is not left behind.
    func sequenceEvents() async throws
    /// Brings the query planner's statistics up to date after a bulk load, as the engine's own background
    /// work would do later; until then a planner without statistics may pick slow plans.
    func refreshStatistics() async throws
    func shutdown() async
}

/// Where the database is: parsed from `JUNCTION_DATABASE_URL`.
public enum DatabaseLocation: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(host: String, port: Int, username: String, password: String?, database: String)

    /// Reads `sqlite:///abs/path.sqlite`, `sqlite://relative.sqlite`, a bare path, or
    /// `postgres://user:pass@host:port/db` (also `postgresql://`).
    public init(url: String) throws {
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw DatabaseLocationError(url: url) }
            self = .sqlite(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            let rest = url[url.range(of: "://")!.upperBound...]
            guard let at = rest.lastIndex(of: "@") else { throw DatabaseLocationError(url: url) }
            let credentials = rest[..<at].split(separator: ":", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            let hostPart = rest[rest.index(after: at)...]
            let pathStart = hostPart.firstIndex(of: "/")
            let authority = pathStart.map { hostPart[..<$0] } ?? hostPart
            var database = pathStart.map { String(hostPart[hostPart.index(after: $0)...]) } ?? ""
            if let query = database.firstIndex(of: "?") { database = String(database[..<query]) }
            let hostAndPort = authority.split(separator: ":", maxSplits: 1)
            guard let user = credentials.first, !user.isEmpty, let host = hostAndPort.first else {
                throw DatabaseLocationError(url: url)
            }
            let port = hostAndPort.count > 1 ? Int(hostAndPort[1]) : 5432
            guard let port else { throw DatabaseLocationError(url: url) }
            self = .postgres(host: String(host), port: port, username: user,
                             password: credentials.count > 1 ? credentials[1] : nil,
                             database: database.isEmpty ? user : database)
        } else if !url.contains("://") {
            self = .sqlite(path: url)
        } else {
            throw DatabaseLocationError(url: url)
        }
    }
}

/// A database URL Junction cannot read.
public struct DatabaseLocationError: Error, CustomStringConvertible {
    public var url: String
    public var description: String {
        "cannot read database URL \(url): use sqlite:///path/file.sqlite or postgres://user:pass@host:port/db"
    }
}
