import JunctionCore
import SQLKit

/// What an ERP sales posting of one order is built from (see ``ERPPostingBuilder``).
public struct ERPPostingSource: Sendable {
    /// The order with its shipments; its timeline is not read, a posting does not carry it.
    public var order: OrderView
    /// The type of the channel the order came from.
    public var channelType: ChannelType
    /// The article of each line, by `orderItemCode`.
    public var articles: [String: ERPLineArticle]

    /// Reads order `orderId`. `documentBaseURL` starts the invoice and label links, as
    /// ``Junction/documentBaseURL`` does for the API.
    public static func load(orderId: Int64, documentBaseURL: String, on sql: any SQLDatabase) async throws -> ERPPostingSource {
        guard let order = try await OrderStore.loadView(orderId: orderId, documentBaseURL: documentBaseURL, timeline: false, on: sql) else {
            throw DomainError.notFound("no order with id \(orderId)")
        }
        return ERPPostingSource(order: order, channelType: try await channelType(of: order.channelName, on: sql),
                                articles: try await articles(of: try await OrderRecords.lines(orderId: orderId, on: sql), on: sql))
    }

    private static func channelType(of channel: String, on sql: any SQLDatabase) async throws -> ChannelType {
        let row = try await sql.raw("SELECT channel_type AS document FROM channels WHERE name = \(bind: channel)")
            .first(decoding: DocumentRow.self)
        guard let type = row.flatMap({ ChannelType(rawValue: $0.document) }) else {
            throw DomainError.notFound("no channel \(channel)")
        }
        return type
    }

    /// Each line's article; for a bundle or virtual SKU with the children the line was ordered with.
    private static func articles(of lines: [LineRow], on sql: any SQLDatabase) async throws -> [String: ERPLineArticle] {
        let documents = try lines.map { try JSONCoding.decode(LineDocument.self, from: $0.document) }
        let ids = Set(lines.map(\.article_id) + documents.flatMap { $0.components.map(\.articleId) })
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw("SELECT id, channel_sku_code, barcode, kind FROM articles WHERE id IN (\(binds: Array(ids)))")
            .all(decoding: ArticleRow.self)
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        var result: [String: ERPLineArticle] = [:]
        for (line, document) in zip(lines, documents) {
            guard let article = byId[line.article_id] else { continue }
            let definition = article.compositeKind.map { kind in
                ERPPosting.SkuDefinition(kind: kind, parentChannelSkuId: line.channel_sku_code, parentBarcode: article.barcode,
                                         childSkus: document.components.compactMap { component in
                                             byId[component.articleId].map {
                                                 ERPPosting.ChildSku(channelSkuCode: $0.channel_sku_code, qty: component.quantity,
                                                                     barcode: $0.barcode)
                                             }
                                         })
            }
            result[line.order_item_code] = ERPLineArticle(articleId: article.id, barcode: article.barcode, definition: definition)
        }
        return result
    }
}

private struct ArticleRow: Decodable {
    var id: Int64
    var channel_sku_code: String
    var barcode: String
    var kind: String

    /// The list a composite article is posted in; nil for a plain one.
    var compositeKind: ERPPosting.SkuDefinition.Kind? {
        switch kind {
        case "BUNDLE": return .bundled
        case "VIRTUAL": return .virtual
        default: return nil
        }
    }
}
