import JunctionCore
import SQLKit

/// Remembers which (location, article) pairs may have changed ATP since the last push. Marking is an
/// upsert, so a burst of changes to one SKU leaves one mark, and the next push sends its latest quantity.
enum AtpChanges {
    /// The event types that move on-hand or reserved stock.
    static let types: Set<EventType> = [.inventoryChanged, .orderAllocated, .orderCancelled, .orderPartiallyCancelled]

    /// Marks what `event` may have changed: a stock update's SKU at its location, an allocated order's articles
    /// where they were reserved, or a cancelled order's articles at every location of its channel (which
    /// covers wherever stock was released).
    static func mark(_ event: PlannedEventRow, on sql: any SQLDatabase) async throws {
        guard let type = EventType(rawValue: event.event_type), types.contains(type) else { return }
        var pairs: [(String, Int64)] = []
        if type == .inventoryChanged {
            guard let location = event.location_code,
                  let code = (try? JSONValue.parse(event.details))?.field("channelSkuCode")?.text,
                  let article = try await CatalogueStore.articleId(code: code, on: sql) else { return }
            pairs = [(location, article)]
        } else if let orderId = event.order_id, let channel = event.channel_name {
            let articles = try await OrderRecords.lines(orderId: orderId, on: sql).flatMap {
                try JSONCoding.decode(LineDocument.self, from: $0.document).components.map(\.articleId)
            }
            let reservedAt = (try? JSONValue.parse(event.details))?.field("allocations")?.items.compactMap { $0.field("locationCode")?.text }
            let locations = type == .orderAllocated ? Array(Set(reservedAt ?? [])) : try await sql.raw("""
                SELECT location_code AS document FROM channel_locations WHERE channel_name = \(bind: channel)
                """).all(decoding: DocumentRow.self).map(\.document)
            pairs = locations.flatMap { location in Set(articles).map { (location, $0) } }
        }
        for (location, article) in pairs {
            try await sql.raw("""
                INSERT INTO atp_dirty (location_code, article_id) VALUES (\(bind: location), \(bind: article))
                ON CONFLICT (location_code, article_id) DO NOTHING
                """).run()
        }
    }

    /// Takes (and clears) up to `limit` marks.
    static func take(limit: Int, on sql: any SQLDatabase) async throws -> [(location: String, article: Int64)] {
        let rows = try await sql.raw("SELECT location_code, article_id FROM atp_dirty ORDER BY location_code, article_id LIMIT \(literal: limit)")
            .all(decoding: DirtyRow.self)
        for row in rows {
            try await sql.raw("DELETE FROM atp_dirty WHERE location_code = \(bind: row.location_code) AND article_id = \(bind: row.article_id)").run()
        }
        return rows.map { ($0.location_code, $0.article_id) }
    }
}

private struct DirtyRow: Decodable { var location_code: String; var article_id: Int64 }
