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
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("junction-tests", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return "sqlite://" + directory.appendingPathComponent("\(name).sqlite").path
        case .postgres:
            let base = Self.postgresURL!
            try await PostgresAdmin.createDatabase(name, baseURL: base)
            return base.replacingLastPathComponent(with: name)
        }
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
