import Foundation
import JunctionStore
import Logging

/// A database the HTTP tests run against: SQLite always, PostgreSQL when `JUNCTION_TEST_POSTGRES_URL` is set.
enum TestBackend: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["JUNCTION_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The backends configured on this machine.
    static var available: [TestBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var description: String { rawValue }

    static let logger: Logger = {
        var logger = Logger(label: "junction-test")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh, empty database URL of this kind.
    func freshDatabaseURL() async throws -> String {
        let name = "jt_\(UInt64.random(in: 0...UInt64.max))"
        switch self {
        case .sqlite:
            return "sqlite://" + Self.sqliteDirectory.appendingPathComponent("\(name).sqlite").path
        case .postgres:
            let base = Self.postgresURL!
            try await PostgresAdmin.createDatabase(name, baseURL: base)
            return base.replacingLastPathComponent(with: name)
        }
    }

    /// Where this test process keeps its SQLite files: a folder of its own, removed when the process exits.
    /// Folders that earlier runs left behind (their process is gone) are removed when it is first used.
    static let sqliteDirectory: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("junction-tests", isDirectory: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            guard name.hasPrefix("run-"), let owner = Int32(name.dropFirst(4)), kill(owner, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
        try? FileManager.default.createDirectory(at: ownSQLiteDirectory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestBackend.ownSQLiteDirectory) }
        return ownSQLiteDirectory
    }()

    private static var ownSQLiteDirectory: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("junction-tests/run-\(getpid())", isDirectory: true)
    }

    /// Opens a fresh Junction on this backend.
    func openJunction() async throws -> Junction {
        try await Junction.open(url: try await freshDatabaseURL(), maxConnections: 6, logger: Self.logger)
    }
}

extension String {
    /// `postgres://u:p@h:1/db` → `postgres://u:p@h:1/<name>`.
    func replacingLastPathComponent(with name: String) -> String {
        guard let slash = lastIndex(of: "/") else { return self }
        let query = self[slash...].firstIndex(of: "?").map { String(self[$0...]) } ?? ""
        return String(self[...slash]) + name + query
    }
}
