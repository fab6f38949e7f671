import JunctionCore
import SQLKit

/// Remembers which (location, article) pairs may have changed ATP since the last push. Marking is an
/// upsert, so a burst of changes to one SKU leaves one mark, and the next push sends its latest quantity.
enum AtpChanges {
    /// The event types that move on-hand or reserved stock.
    static let types: Set<EventType> = [.inventoryChanged, .orderAllocated, .orderCancelled, .orderPartiallyCancelled]

    /// Marks what a planning pass's events may have changed: a stock update's SKU at its location, an
    /// allocated order's articles where they were reserved, or a cancelled order's articles at every location
    /// of its channel (which covers wherever stock was released). The pass's articles, lines and channel
    /// locations are read together, a statement each.
    static func mark(_ events: [PlannedEventRow], on sql: any SQLDatabase) async throws {
        let moving = events.compactMap { event -> (event: PlannedEventRow, type: EventType, details: JSONValue)? in
            guard let type = EventType(rawValue: event.event_type), types.contains(type) else { return nil }
            return (event, type, event.parsedDetails)
        }
        guard !moving.isEmpty else { return }
        let orderEvents = moving.filter { $0.type != .inventoryChanged && $0.event.order_id != nil && $0.event.channel_name != nil }
        let articleIds = try await articleIds(codes: moving.filter { $0.type == .inventoryChanged }
                                                .compactMap { $0.details.field("channelSkuCode")?.text }, on: sql)
        let orderArticles = try await articles(ofOrders: orderEvents.compactMap(\.event.order_id), on: sql)
        let channelLocations = try await locations(ofChannels: orderEvents.filter { $0.type != .orderAllocated }
                                                     .compactMap(\.event.channel_name), on: sql)
        var pairs: [(String, Int64)] = []
        for (event, type, details) in moving {
            if type == .inventoryChanged {
                guard let location = event.location_code, let code = details.field("channelSkuCode")?.text,
                      let article = articleIds[code] else { continue }
                pairs.append((location, article))
            } else if let orderId = event.order_id, let channel = event.channel_name {
                let locations = type == .orderAllocated ? OrderEvents.allocatedLocations(in: details) : channelLocations[channel] ?? []
                let articles = Set(orderArticles[orderId] ?? [])
                pairs += locations.flatMap { location in articles.map { (location, $0) } }
            }
        }
        try await insert(pairs, on: sql)
    }

    private static func articleIds(codes: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for chunk in Array(Set(codes)).chunked(500) {
            for row in try await sql.raw("SELECT id, channel_sku_code AS document FROM articles WHERE channel_sku_code IN (\(binds: Array(chunk)))")
                .all(decoding: KeyedRow.self) { ids[row.document] = row.id }
        }
        return ids
    }

    /// The articles each order's lines take stock of (a bundle's or virtual SKU's children).
    private static func articles(ofOrders orderIds: [Int64], on sql: any SQLDatabase) async throws -> [Int64: [Int64]] {
        var articles: [Int64: [Int64]] = [:]
        for chunk in Array(Set(orderIds)).chunked(500) {
            for row in try await sql.raw("SELECT order_id AS id, document FROM order_lines WHERE order_id IN (\(binds: Array(chunk)))")
                .all(decoding: KeyedRow.self) {
                articles[row.id, default: []] += try JSONCoding.decode(LineDocument.self, from: row.document).components.map(\.articleId)
            }
        }
        return articles
    }

    private static func locations(ofChannels channels: [String], on sql: any SQLDatabase) async throws -> [String: [String]] {
        guard !channels.isEmpty else { return [:] }
        var locations: [String: [String]] = [:]
        for row in try await sql.raw("""
            SELECT channel_name AS name, location_code AS document FROM channel_locations WHERE channel_name IN (\(binds: Array(Set(channels))))
            """).all(decoding: NamedDocumentRow.self) {
            locations[row.name, default: []].append(row.document)
        }
        return locations
    }

    /// A partner that receives ATP gets its newly listed SKUs' quantities at each of its locations: the first
    /// snapshot of what it can sell.
    static func markListings(channel: String, articles: Set<Int64>, on sql: any SQLDatabase) async throws {
        guard !articles.isEmpty,
              let row = try await sql.raw("SELECT name, channel_type, outbound FROM channels WHERE name = \(bind: channel)")
                .first(decoding: PartnerRow.self),
              let config = try? OutboundConfig.validate(try JSONValue.parse(row.outbound)),
              config.url(for: .locationAtp) != nil || config.url(for: .consolidatedAtp) != nil else { return }
        let locations = try await sql.raw("SELECT location_code AS document FROM channel_locations WHERE channel_name = \(bind: channel)")
            .all(decoding: DocumentRow.self).map(\.document)
        try await insert(locations.flatMap { location in articles.map { (location, $0) } }, on: sql)
    }

    private static func insert(_ pairs: [(String, Int64)], on sql: any SQLDatabase) async throws {
        for chunk in stride(from: 0, to: pairs.count, by: 500) {
            let values = pairs[chunk..<min(chunk + 500, pairs.count)].map { "(\(bind: $0.0), \(bind: $0.1))" as SQLQueryString }
            try await sql.raw("""
                INSERT INTO atp_dirty (location_code, article_id) VALUES \(values.joined(separator: ", "))
                ON CONFLICT (location_code, article_id) DO NOTHING
                """).run()
        }
    }

    /// Takes (and clears) up to `limit` marks.
    static func take(limit: Int, on sql: any SQLDatabase) async throws -> [(location: String, article: Int64)] {
        let rows = try await sql.raw("SELECT location_code, article_id FROM atp_dirty ORDER BY location_code, article_id LIMIT \(literal: limit)")
            .all(decoding: DirtyRow.self)
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let pairs = rows[chunk..<min(chunk + 500, rows.count)]
                .map { "(location_code = \(bind: $0.location_code) AND article_id = \(bind: $0.article_id))" as SQLQueryString }
            try await sql.raw("DELETE FROM atp_dirty WHERE \(pairs.joined(separator: " OR "))").run()
        }
        return rows.map { ($0.location_code, $0.article_id) }
    }
}

private struct DirtyRow: Decodable { var location_code: String; var article_id: Int64 }
