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
        guard let source = try await load(orderIds: [orderId], documentBaseURL: documentBaseURL, on: sql)[orderId] else {
            throw DomainError.notFound("no order with id \(orderId)")
        }
        return source
    }

    /// Reads the orders `orderIds` together, in a few statements whatever their number (the delivery planner
    /// reads a pass's orders so); an unknown id has no entry.
    public static func load(orderIds: [Int64], documentBaseURL: String, on sql: any SQLDatabase) async throws -> [Int64: ERPPostingSource] {
        guard !orderIds.isEmpty else { return [:] }
        let found = try await OrderRecords.withLines(ids: orderIds, on: sql)
        let views = try await OrderStore.views(of: found, documentBaseURL: documentBaseURL, on: sql)
        let channelTypes = try await channelTypes(of: Set(found.map(\.order.channel_name)), on: sql)
        let documents = try found.map { try $0.lines.map { try JSONCoding.decode(LineDocument.self, from: $0.document) } }
        let articles = try await ArticleRow.read(ids: Set(found.flatMap { $0.lines.map(\.article_id) }
                                                        + documents.joined().flatMap { $0.components.map(\.articleId) }), on: sql)
        var sources: [Int64: ERPPostingSource] = [:]
        for ((rows, view), lineDocuments) in zip(zip(found, views), documents) {
            guard let type = channelTypes[rows.order.channel_name] else {
                throw DomainError.notFound("no channel \(rows.order.channel_name)")
            }
            sources[rows.order.id] = ERPPostingSource(order: view, channelType: type,
                                                      articles: lineArticles(of: rows.lines, documents: lineDocuments, articles: articles))
        }
        return sources
    }

    private static func channelTypes(of channels: Set<String>, on sql: any SQLDatabase) async throws -> [String: ChannelType] {
        guard !channels.isEmpty else { return [:] }
        var types: [String: ChannelType] = [:]
        for row in try await sql.raw("SELECT name, channel_type AS document FROM channels WHERE name IN (\(binds: Array(channels)))")
            .all(decoding: NamedDocumentRow.self) {
            types[row.name] = ChannelType(rawValue: row.document)
        }
        return types
    }

    /// Each line's article; for a bundle or virtual SKU with the children the line was ordered with.
    private static func lineArticles(of lines: [LineRow], documents: [LineDocument],
                                     articles byId: [Int64: ArticleRow]) -> [String: ERPLineArticle] {
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

    /// The articles with these ids, by id.
    static func read(ids: Set<Int64>, on sql: any SQLDatabase) async throws -> [Int64: ArticleRow] {
        var byId: [Int64: ArticleRow] = [:]
        for chunk in Array(ids).chunked(500) {
            for row in try await sql.raw("SELECT id, channel_sku_code, barcode, kind FROM articles WHERE id IN (\(binds: Array(chunk)))")
                .all(decoding: ArticleRow.self) {
                byId[row.id] = row
            }
        }
        return byId
    }

    /// The list a composite article is posted in; nil for a plain one.
    var compositeKind: ERPPosting.SkuDefinition.Kind? {
        switch kind {
        case "BUNDLE": return .bundled
        case "VIRTUAL": return .virtual
        default: return nil
        }
    }
}
