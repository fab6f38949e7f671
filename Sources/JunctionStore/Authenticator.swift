import Foundation
import JunctionCore
import Logging
import SQLKit
import Synchronization

/// Checks `authUsername`/`authPassword` against the stored hashes. A successful check is remembered in
/// memory (keyed by a SHA-256 fingerprint of the pair) so that PBKDF2 runs once per credential, not per
/// request.
public final class Authenticator: Sendable {
    public static let adminUsername = "admin"
    private let database: any JunctionDatabase
    private let verified = Mutex<[String: Caller]>([:])
    private let checking = Mutex<[String: Task<Caller?, any Error>]>([:])

    init(database: any JunctionDatabase) { self.database = database }

    /// The caller these credentials belong to, or `nil`. Callers presenting the same credentials while they
    /// are being checked wait for that one check (64 connections opened at once cost one PBKDF2, not 64).
    public func authenticate(username: String, password: String) async throws -> Caller? {
        let key = Credentials.fingerprint(username, password)
        if let known = verified.withLock({ $0[key] }) { return known }
        let check = checking.withLock { checking in
            if let running = checking[key] { return running }
            let check = Task { try await self.check(username: username, password: password) }
            checking[key] = check
            return check
        }
        let result = await check.result
        verified.withLock { verified in
            if case .success(let caller?) = result { verified[key] = caller }
        }
        checking.withLock { if $0[key] == check { $0[key] = nil } }  // unless a newer check took its place
        return try result.get()
    }

    /// Looks the credentials up and runs PBKDF2 on them.
    private func check(username: String, password: String) async throws -> Caller? {
        if username == Self.adminUsername {
            let stored = try await database.read { sql in
                try await sql.raw("SELECT value FROM settings WHERE name = 'admin_password_hash'").first(decoding: SettingRow.self)
            }
            guard let stored, try await Credentials.verify(password, against: stored.value) else { return nil }
            return .admin
        }
        let row = try await database.read { sql in
            try await sql.raw("SELECT name, channel_type, secret_hash FROM channels WHERE auth_username = \(bind: username)")
                .first(decoding: ChannelSecretRow.self)
        }
        guard let row, try await Credentials.verify(password, against: row.secret_hash),
              let type = ChannelType(rawValue: row.channel_type) else { return nil }
        return .partner(name: row.name, type: type)
    }

    /// Sets the admin password to `password` when given. Otherwise, when none is stored yet, to `initial`
    /// or a new random one, which is returned so that it can be printed once (unless another process
    /// starting at the same moment stored its own first).
    public func prepareAdmin(password: String?, initial: String? = nil) async throws -> String? {
        let existing = try await database.read { sql in
            try await sql.raw("SELECT value FROM settings WHERE name = 'admin_password_hash'").first(decoding: SettingRow.self)
        }
        if let existing {
            guard let password, !(try await Credentials.verify(password, against: existing.value)) else { return nil }
        }
        let secret = password ?? initial ?? Credentials.newSecret()
        let hash = try await Credentials.hash(secret)
        let onConflict: SQLQueryString = password == nil ? "DO NOTHING" : "DO UPDATE SET value = excluded.value"
        let stored = try await database.write { sql in
            try await sql.raw("""
                INSERT INTO settings (name, value) VALUES ('admin_password_hash', \(bind: hash))
                ON CONFLICT (name) \(onConflict) RETURNING name
                """).first() != nil
        }
        verified.withLock { $0.removeAll() }
        return password == nil && stored ? secret : nil
    }
}

struct SettingRow: Decodable { var value: String }
private struct ChannelSecretRow: Decodable { var name: String; var channel_type: String; var secret_hash: String }
