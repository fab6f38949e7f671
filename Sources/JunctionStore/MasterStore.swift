import JunctionCore
import SQLKit

/// Locations, partners and custom attribute definitions.
public struct MasterStore: Sendable {
    let database: any JunctionDatabase

    /// Creates or updates locations by code.
    public func upsertLocations(_ locations: [Location]) async throws -> [Location] {
        let now = Clock.nowMillis()
        try await database.write { sql in
            for location in locations {
                try await sql.raw("""
                    INSERT INTO locations (code, name, location_type, state, gstin, priority, efs_channel, document, created_at, updated_at)
                    VALUES (\(bind: location.locationCode), \(bind: location.name), \(bind: location.locationType.rawValue),
                            \(bind: location.address.state), \(bind: location.gstin), \(bind: location.priority),
                            \(bind: location.efsChannelName), \(bind: try JSONCoding.string(location)), \(bind: now), \(bind: now))
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, location_type = excluded.location_type,
                        state = excluded.state, gstin = excluded.gstin, priority = excluded.priority,
                        efs_channel = excluded.efs_channel, document = excluded.document, updated_at = excluded.updated_at
                    """).run()
            }
        }
        return locations
    }

    public func locations() async throws -> [Location] {
        try await database.read { sql in
            try await sql.raw("SELECT document FROM locations ORDER BY code").all(decoding: DocumentRow.self)
                .map { try JSONCoding.decode(Location.self, from: $0.document) }
        }
    }

    static func location(code: String, on sql: any SQLDatabase) async throws -> Location {
        guard let row = try await sql.raw("SELECT document FROM locations WHERE code = \(bind: code)").first(decoding: DocumentRow.self) else {
            throw DomainError.invalid("locationCode", "no location \(code)")
        }
        return try JSONCoding.decode(Location.self, from: row.document)
    }

    /// Registers a partner and issues its credentials (the secret is returned once and stored hashed).
    /// `secret` fixes the password instead of generating one (used by the demo catalogue only).
    public func createChannel(name: String, type: ChannelType, locationCodes: [String],
                              outbound: JSONValue, secret fixedSecret: String? = nil) async throws -> IssuedChannel {
        let secret = fixedSecret ?? Credentials.newSecret()
        let hash = try await Credentials.hash(secret)
        try await database.write { sql in
            let known = Set(try await sql.raw("SELECT code AS document FROM locations").all(decoding: DocumentRow.self).map(\.document))
            var errors = FieldErrors()
            for (index, code) in locationCodes.enumerated() where !known.contains(code) {
                errors.add("locationCodes[\(index)]", "no location \(code)")
            }
            try errors.throwIfAny()
            let clash = try await sql.raw("SELECT name AS document FROM channels WHERE name = \(bind: name) OR auth_username = \(bind: name)")
                .first(decoding: DocumentRow.self)
            if clash != nil { throw DomainError.conflict("a channel named \(name) exists") }
            try await sql.raw("""
                INSERT INTO channels (name, channel_type, auth_username, secret_hash, outbound, created_at)
                VALUES (\(bind: name), \(bind: type.rawValue), \(bind: name), \(bind: hash), \(bind: try JSONCoding.string(outbound)), \(bind: Clock.nowMillis()))
                """).run()
            for code in locationCodes {
                try await sql.raw("INSERT INTO channel_locations (channel_name, location_code) VALUES (\(bind: name), \(bind: code))").run()
            }
        }
        return IssuedChannel(channelName: name, channelType: type, locationCodes: locationCodes, outbound: Self.withoutSecrets(outbound),
                             authUsername: name, authPassword: secret)
    }

    /// Replaces how Junction reaches a partner (its `outbound`); messages already planned keep their URL.
    public func replaceOutbound(of name: String, with outbound: JSONValue) async throws -> ChannelView {
        guard case .object = outbound else { throw DomainError.invalid("outbound", "must be an object") }
        _ = try OutboundConfig.validate(outbound)
        let updated = try await database.write { sql in
            try await sql.raw("UPDATE channels SET outbound = \(bind: try JSONCoding.string(outbound)) WHERE name = \(bind: name) RETURNING name AS document")
                .first(decoding: DocumentRow.self) != nil
        }
        guard updated else { throw DomainError.notFound("no channel \(name)") }
        return try await channel(named: name)
    }

    public func channel(named name: String) async throws -> ChannelView {
        guard let channel = try await channels(named: name).first else { throw DomainError.notFound("no channel \(name)") }
        return channel
    }

    /// Every channel, or the one named.
    public func channels(named name: String? = nil) async throws -> [ChannelView] {
        try await database.read { sql in
            let filter: SQLQueryString = name.map { "WHERE name = \(bind: $0)" } ?? ""
            let rows = try await sql.raw("SELECT name, channel_type, outbound FROM channels \(filter) ORDER BY name")
                .all(decoding: ChannelRow.self)
            let links = try await sql.raw("SELECT channel_name, location_code FROM channel_locations ORDER BY location_code")
                .all(decoding: ChannelLocationRow.self)
            return try rows.map { row in
                ChannelView(channelName: row.name, channelType: ChannelType(rawValue: row.channel_type) ?? .marketplace,
                            locationCodes: links.filter { $0.channel_name == row.name }.map(\.location_code),
                            outbound: Self.withoutSecrets(try JSONValue.parse(row.outbound)),
                            authUsername: row.name)
            }
        }
    }

    /// The outbound configuration as shown: the webhook signing secret is never returned.
    static func withoutSecrets(_ outbound: JSONValue) -> JSONValue {
        guard case .object(var fields) = outbound else { return outbound }
        fields.removeValue(forKey: "signingSecret")
        return .object(fields)
    }

    /// Replaces the definitions of each level given.
    public func putAttributeDefinitions(_ definitions: [AttributeLevel: [AttributeDefinition]]) async throws {
        try await database.write { sql in
            for (level, list) in definitions {
                try await sql.raw("DELETE FROM attribute_definitions WHERE level = \(bind: level.rawValue)").run()
                for definition in list {
                    try await sql.raw("""
                        INSERT INTO attribute_definitions (level, attr_key, document)
                        VALUES (\(bind: level.rawValue), \(bind: definition.key), \(bind: try JSONCoding.string(definition)))
                        """).run()
                }
            }
        }
    }

    public func attributeDefinitions() async throws -> [AttributeLevel: [String: AttributeDefinition]] {
        try await database.read { sql in try await Self.attributeDefinitions(on: sql) }
    }

    static func attributeDefinitions(on sql: any SQLDatabase) async throws -> [AttributeLevel: [String: AttributeDefinition]] {
        let rows = try await sql.raw("SELECT level, document FROM attribute_definitions").all(decoding: DefinitionRow.self)
        var result: [AttributeLevel: [String: AttributeDefinition]] = [.order: [:], .item: [:]]
        for row in rows {
            guard let level = AttributeLevel(rawValue: row.level) else { continue }
            let definition = try JSONCoding.decode(AttributeDefinition.self, from: row.document)
            result[level, default: [:]][definition.key] = definition
        }
        return result
    }
}

/// A partner as Junction shows it (never with its secret).
public struct ChannelView: Codable, Sendable, Hashable {
    public var channelName: String
    public var channelType: ChannelType
    public var locationCodes: [String]
    public var outbound: JSONValue
    public var authUsername: String
}

/// A newly registered partner with the credentials issued to it, shown once.
public struct IssuedChannel: Codable, Sendable {
    public var channelName: String
    public var channelType: ChannelType
    public var locationCodes: [String]
    public var outbound: JSONValue
    public var authUsername: String
    public var authPassword: String
}

struct DocumentRow: Decodable { var document: String }
/// A text column read as `document` with the id it belongs to.
struct KeyedRow: Decodable { var id: Int64; var document: String }
/// A text column read as `document` with the name it belongs to.
struct NamedDocumentRow: Decodable { var name: String; var document: String }
private struct ChannelRow: Decodable { var name: String; var channel_type: String; var outbound: String }
private struct ChannelLocationRow: Decodable { var channel_name: String; var location_code: String }
private struct DefinitionRow: Decodable { var level: String; var document: String }
