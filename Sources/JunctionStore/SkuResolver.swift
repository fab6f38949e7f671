import JunctionCore
import SQLKit

/// An article found for a code a partner sent.
struct ResolvedSku: Sendable {
    var articleId: Int64
    var clientSkuId: String
    var channelSerialNo: String?
    var isComposite: Bool
    var components: [Component]

    var listed: ListedSku { ListedSku(articleId: articleId, clientSkuId: clientSkuId, components: components) }
}

/// Turns channel SKU codes into articles: through the channel's listings first and, where `fallback` is
/// set, through the article's own `channelSkuCode` or barcode.
enum SkuResolver {
    static func resolve(_ codes: [String], channel: String?, fallback: Bool,
                        on sql: any SQLDatabase) async throws -> [String: ResolvedSku] {
        let unique = Array(Set(codes))
        guard !unique.isEmpty else { return [:] }
        var rows: [String: SkuRow] = [:]
        if let channel {
            for row in try await sql.raw("""
                SELECT l.channel_sku_code AS code, a.id, a.kind, a.client_sku_id, l.channel_serial_no
                FROM listings l JOIN articles a ON a.id = l.article_id
                WHERE l.channel_name = \(bind: channel) AND l.channel_sku_code IN (\(binds: unique))
                """).all(reading: SkuRow.self) { rows[row.code] = row }
        }
        let missing = unique.filter { rows[$0] == nil }
        if fallback, !missing.isEmpty {
            for row in try await sql.raw("""
                SELECT channel_sku_code AS code, id, kind, client_sku_id, NULL AS channel_serial_no
                FROM articles WHERE channel_sku_code IN (\(binds: missing))
                """).all(reading: SkuRow.self) { rows[row.code] = row }
            let stillMissing = missing.filter { rows[$0] == nil }
            if !stillMissing.isEmpty {
                for row in try await sql.raw("""
                    SELECT barcode AS code, id, kind, client_sku_id, NULL AS channel_serial_no
                    FROM articles WHERE barcode IN (\(binds: stillMissing))
                    """).all(reading: SkuRow.self) where rows[row.code] == nil { rows[row.code] = row }
            }
        }
        let compositeIds = rows.values.filter { $0.kind != "SIMPLE" }.map(\.id)
        var components: [Int64: [Component]] = [:]
        if !compositeIds.isEmpty {
            for row in try await sql.raw("""
                SELECT parent_id, child_id, quantity FROM article_components WHERE parent_id IN (\(binds: compositeIds))
                ORDER BY child_id
                """).all(decoding: ComponentRow.self) {
                components[row.parent_id, default: []].append(Component(articleId: row.child_id, quantity: row.quantity))
            }
        }
        return rows.mapValues { row in
            ResolvedSku(articleId: row.id, clientSkuId: row.client_sku_id, channelSerialNo: row.channel_serial_no,
                        isComposite: row.kind != "SIMPLE",
                        components: row.kind == "SIMPLE" ? [Component(articleId: row.id, quantity: 1)] : components[row.id] ?? [])
        }
    }
}

private struct SkuRow: SQLRowReadable {
    var code: String
    var id: Int64
    var kind: String
    var client_sku_id: String
    var channel_serial_no: String?

    init(row: any SQLRow) throws {
        code = try row.decode(column: "code", as: String.self)
        id = try row.decode(column: "id", as: Int64.self)
        kind = try row.decode(column: "kind", as: String.self)
        client_sku_id = try row.decode(column: "client_sku_id", as: String.self)
        channel_serial_no = try row.decodeOptional(column: "channel_serial_no", as: String.self)
    }
}

struct ComponentRow: Decodable { var parent_id: Int64; var child_id: Int64; var quantity: Int }
