import JunctionCore
import SQLKit

/// Turns ATP marks into pushes for partners with a `locationAtp` or `consolidatedAtp` URL: the current
/// quantity of every listed SKU the marks touch (bundles and virtual SKUs through their children), in
/// messages of at most 200 SKUs.
enum AtpPushes {
    static let batchSize = 200
    /// The number series of the pushes' `messageId`s (each push is a message of its own, not an event's).
    static let messageSeries = "message:atp"

    static func messages(marks: [(location: String, article: Int64)], partners: [String: OutboundConfig],
                         on sql: any SQLDatabase) async throws -> [PlannedMessage] {
        let receivers = partners.filter { $0.value.url(for: .locationAtp) != nil || $0.value.url(for: .consolidatedAtp) != nil }
        guard !marks.isEmpty, !receivers.isEmpty else { return [] }
        var touched = Set(marks.map(\.article))
        for row in try await sql.raw("SELECT parent_id, child_id, quantity FROM article_components WHERE child_id IN (\(binds: Array(touched)))")
            .all(decoding: ComponentRow.self) { touched.insert(row.parent_id) }
        let now = Clock.nowMillis()
        var messages: [PlannedMessage] = []
        for (partner, config) in receivers.sorted(by: { $0.key < $1.key }) {
            let codes = try await sql.raw("""
                SELECT channel_sku_code AS document FROM listings WHERE channel_name = \(bind: partner) AND article_id IN (\(binds: Array(touched)))
                ORDER BY channel_sku_code
                """).all(decoding: DocumentRow.self).map(\.document)
            guard !codes.isEmpty else { continue }
            let skus = try await SkuResolver.resolve(codes, channel: partner, fallback: false, on: sql)
            let locations = try await sql.raw("SELECT location_code AS document FROM channel_locations WHERE channel_name = \(bind: partner) ORDER BY location_code")
                .all(decoding: DocumentRow.self).map(\.document)
            let atp = try await InventoryStore.atp(articles: Set(skus.values.flatMap { $0.components.map(\.articleId) }), locations: locations, on: sql)
            let units = { (code: String, location: String) in
                ATP.units(of: skus[code]?.components ?? []) { atp[location]?[$0] ?? 0 }
            }
            let due = config.firstAttempt(after: now)
            let changedLocations = Set(marks.map(\.location)).intersection(locations).sorted()
            if let url = config.url(for: .locationAtp) {
                for location in changedLocations {
                    for chunk in codes.chunked(batchSize) {
                        let call = LocationAtpCall(locationCode: location, inventories: chunk.map {
                            .init(channelSkuCode: $0, quantity: units($0, location), channelSerialNo: skus[$0]?.channelSerialNo)
                        })
                        messages.append(PlannedMessage(partner: partner, call: .locationAtp, url: url,
                                                       messageId: try await NumberSeries.next(messageSeries, on: sql), eventType: "LOCATION_ATP",
                                                       sequenceKey: "atp:\(location)", payload: try JSONCoding.string(call), dueAt: due))
                    }
                }
            }
            if let url = config.url(for: .consolidatedAtp), let trigger = changedLocations.first {
                for chunk in codes.chunked(batchSize) {
                    let call = ConsolidatedAtpCall(consolidationType: "ALL", inventories: chunk.map { code in
                        .init(consolidatedQuantity: locations.reduce(0) { $0 + units(code, $1) }, channelSkuCode: code,
                              channelSerialNo: skus[code]?.channelSerialNo, listingId: skus[code]?.articleId ?? 0,
                              quantity: units(code, trigger), locationCode: trigger, consolidationType: "ALL")
                    })
                    messages.append(PlannedMessage(partner: partner, call: .consolidatedAtp, url: url,
                                                   messageId: try await NumberSeries.next(messageSeries, on: sql), eventType: "CONSOLIDATED_ATP",
                                                   sequenceKey: "atp:consolidated", payload: try JSONCoding.string(call), dueAt: due))
                }
            }
        }
        return messages
    }
}
