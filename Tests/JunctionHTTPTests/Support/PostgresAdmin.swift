import Foundation
import Logging
import PostgresNIO

/// Creates throwaway databases on the test PostgreSQL server.
enum PostgresAdmin {
    static func createDatabase(_ name: String, baseURL: String) async throws {
        guard let url = URL(string: baseURL), let host = url.host, let user = url.user else {
            throw URLError(.badURL)
        }
        let configuration = PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: String(url.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1,
                                                              logger: Logger(label: "pg-admin"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Logger(label: "pg-admin"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
