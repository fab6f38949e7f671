import JunctionCore
import SQLKit

/// Articles (SKU masters, bundles, virtual SKUs), listings and vendors.
public struct CatalogueStore: Sendable {
    let database: any JunctionDatabase

    /// Creates the articles that do not exist yet; existing codes are left as they are (§3.8: a re-create
    /// never overwrites). Children of bundles must exist already or come earlier in the same call. The
    /// articles are checked first and written together (a statement per 500), so a call of thousands is a
    /// handful of statements.
    public func createArticles(_ articles: [ArticleInput]) async throws -> (created: [String], unchanged: [String]) {
        try await database.write { sql in
            let referenced = articles.flatMap { article in
                [article.channelSkuCode!] + (article.virtualSkuDefinition?.childSkus ?? []).map { $0.channelSkuCode! }
            }
            var ids = try await Self.articleIds(codes: referenced, on: sql)
            var new: [ArticleInput] = [], unchanged: [String] = [], fresh = Set<String>()
            var errors = FieldErrors()
            for (index, article) in articles.enumerated() {
                let code = article.channelSkuCode!
                if ids[code] != nil || fresh.contains(code) {
                    unchanged.append(code)
                    continue
                }
                for (childIndex, child) in (article.virtualSkuDefinition?.childSkus ?? []).enumerated()
                where ids[child.channelSkuCode!] == nil && !fresh.contains(child.channelSkuCode!) {
                    errors.add("articleMasters[\(index)].virtualSkuDefinition.childSkus[\(childIndex)].channelSkuCode",
                               "no article \(child.channelSkuCode!)")
                }
                guard errors.isEmpty else { continue }
                fresh.insert(code)
                new.append(article)
            }
            try errors.throwIfAny()
            try await Self.insert(new, into: &ids, on: sql)
            var components = SQLValueRows(width: 3)
            for article in new {
                for child in article.virtualSkuDefinition?.childSkus ?? [] {
                    components.append(ids[article.channelSkuCode!]!, ids[child.channelSkuCode!]!, Int64(child.qty!))
                }
            }
            for chunk in components.chunked(500) {
                try await sql.raw("INSERT INTO article_components (parent_id, child_id, quantity) VALUES \(chunk)").run()
            }
            return (new.map { $0.channelSkuCode! }, unchanged)
        }
    }

    /// Inserts `articles` and adds their ids to `ids`, by code.
    private static func insert(_ articles: [ArticleInput], into ids: inout [String: Int64], on sql: any SQLDatabase) async throws {
        let now = Clock.nowMillis()
        for chunk in articles.chunked(500) {
            var rows = SQLValueRows(width: 6)
            for article in chunk {
                let kind = !article.isComposite ? "SIMPLE" : (article.isBundled.or(false) ? "BUNDLE" : "VIRTUAL")
                rows.append(article.channelSkuCode!, article.clientSkuId!, article.barcode!, kind, try JSONCoding.string(article), now)
            }
            for row in try await sql.raw("""
                INSERT INTO articles (channel_sku_code, client_sku_id, barcode, kind, document, created_at) VALUES \(rows)
                RETURNING id, channel_sku_code
                """).all(decoding: ArticleIdRow.self) {
                ids[row.channel_sku_code] = row.id
            }
        }
    }

    /// The ids of the stored articles among `codes`, by code.
    private static func articleIds(codes: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for chunk in Array(Set(codes)).chunked(500) {
            for row in try await sql.raw("SELECT id, channel_sku_code FROM articles WHERE channel_sku_code IN (\(binds: Array(chunk)))")
                .all(decoding: ArticleIdRow.self) {
                ids[row.channel_sku_code] = row.id
            }
        }
        return ids
    }

    /// The stored articles among `codes`, in the order asked.
    public func searchArticles(_ codes: [String]) async throws -> [ArticleInput] {
        guard !codes.isEmpty else { return [] }
        return try await database.read { sql in
            let rows = try await sql.raw("SELECT channel_sku_code, document FROM articles WHERE channel_sku_code IN (\(binds: codes))")
                .all(decoding: ArticleDocumentRow.self)
            let byCode = Dictionary(rows.map { ($0.channel_sku_code, $0.document) }) { first, _ in first }
            return try codes.compactMap { code in try byCode[code].map { try JSONCoding.decode(ArticleInput.self, from: $0) } }
        }
    }

    /// Maps a channel's SKU codes to articles (by barcode, else client SKU code). Per-listing problems are
    /// reported in the failure list; the rest are created or updated.
    public func createListings(channel: String, _ listings: [ListingInput]) async throws -> ListingResult {
        try await database.write { sql in
            var result = ListingResult()
            var listed: Set<Int64> = []
            let references = listings.map { $0.barcode ?? $0.clientSkuCode ?? "" }
            let articles = try await Self.articles(matching: references, on: sql)
            // Applied in order: a code listed twice keeps its last listing.
            var latest: [String: (listing: ListingInput, articleId: Int64)] = [:]
            for (listing, reference) in zip(listings, references) {
                let code = listing.channelSkuCode!
                guard let articleId = articles[reference] else {
                    result.fail(code, "no article with barcode or client SKU \(reference)")
                    continue
                }
                latest[code] = (listing, articleId)
                result.successChannelSkus.append(code)
                listed.insert(articleId)
            }
            let now = Clock.nowMillis()
            var rows = SQLValueRows(width: 6)
            for (code, entry) in latest.sorted(by: { $0.key < $1.key }) {
                rows.append(channel, code, entry.articleId, entry.listing.channelSerialNo, entry.listing.toleranceDays.map(Int64.init), now)
            }
            for chunk in rows.chunked(500) {
                try await sql.raw("""
                    INSERT INTO listings (channel_name, channel_sku_code, article_id, channel_serial_no, tolerance_days, created_at)
                    VALUES \(chunk)
                    ON CONFLICT (channel_name, channel_sku_code) DO UPDATE SET article_id = excluded.article_id,
                        channel_serial_no = excluded.channel_serial_no, tolerance_days = excluded.tolerance_days
                    """).run()
            }
            try await AtpChanges.markListings(channel: channel, articles: listed, on: sql)
            return result
        }
    }

    /// For each reference, the first article (lowest id) whose barcode or client SKU code it is. One read
    /// per 500 references instead of one per listing: a first catalogue import of many SKUs read the
    /// articles table once per listing.
    private static func articles(matching references: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        var found: [String: Int64] = [:]
        for chunk in Array(Set(references)).chunked(500) {
            let codes = Array(chunk), wanted = Set(chunk)
            for row in try await sql.raw("""
                SELECT id, barcode, client_sku_id FROM articles
                WHERE barcode IN (\(binds: codes)) OR client_sku_id IN (\(binds: codes))
                """).all(decoding: ArticleReferenceRow.self) {
                for reference in [row.barcode, row.client_sku_id] where wanted.contains(reference) {
                    found[reference] = min(found[reference] ?? row.id, row.id)
                }
            }
        }
        return found
    }

    /// Changes existing listings (§3.7): tolerance days, serial number, or the channel SKU code itself.
    public func updateListings(channel: String, _ updates: [ListingUpdateInput]) async throws
        -> (success: [ListingUpdateInput], failure: [ListingUpdateInput]) {
        try await database.write { sql in
            var success: [ListingUpdateInput] = [], failure: [ListingUpdateInput] = []
            for update in updates {
                let code = update.channelSkuCode ?? ""
                let exists = try await sql.raw("""
                    SELECT channel_sku_code AS document FROM listings WHERE channel_name = \(bind: channel) AND channel_sku_code = \(bind: code)
                    """).first(decoding: DocumentRow.self)
                let target = update.modifiedChannelSkuCode.flatMap { $0.isEmpty ? nil : $0 } ?? code
                let clash = target == code ? nil : try await sql.raw("""
                    SELECT channel_sku_code AS document FROM listings WHERE channel_name = \(bind: channel) AND channel_sku_code = \(bind: target)
                    """).first(decoding: DocumentRow.self)
                guard exists != nil, clash == nil else {
                    failure.append(update)
                    continue
                }
                try await sql.raw("""
                    UPDATE listings SET channel_sku_code = \(bind: target),
                        tolerance_days = COALESCE(\(bind: update.toleranceDays), tolerance_days),
                        channel_serial_no = COALESCE(\(bind: update.modifiedChannelSerialCode), channel_serial_no)
                    WHERE channel_name = \(bind: channel) AND channel_sku_code = \(bind: code)
                    """).run()
                success.append(update)
            }
            return (success, failure)
        }
    }

    /// Stores a vendor or customer (§3.9); a repeated create changes nothing.
    public func createVendor(code: String, document: JSONValue) async throws {
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO vendors (code, document, created_at) VALUES (\(bind: code), \(bind: try JSONCoding.string(document)), \(bind: Clock.nowMillis()))
                ON CONFLICT (code) DO NOTHING
                """).run()
        }
    }

    /// Stores a vendor's location; the vendor must exist.
    public func createVendorLocation(vendor: String, location: String, document: JSONValue) async throws {
        try await database.write { sql in
            guard try await sql.raw("SELECT code AS document FROM vendors WHERE code = \(bind: vendor)")
                .first(decoding: DocumentRow.self) != nil else { throw DomainError.notFound("no vendor \(vendor)") }
            try await sql.raw("""
                INSERT INTO vendor_locations (vendor_code, location_code, document)
                VALUES (\(bind: vendor), \(bind: location), \(bind: try JSONCoding.string(document)))
                ON CONFLICT (vendor_code, location_code) DO NOTHING
                """).run()
        }
    }
}

/// The outcome of a listing call, in both of Increff's spellings of the failure list.
public struct ListingResult: Codable, Sendable {
    public var successChannelSkus: [String] = []
    public var failureSkuListingCimsData: [ListingFailure] = []
    public var failureSkuListingData: [ListingFailure] = []

    mutating func fail(_ code: String, _ message: String) {
        failureSkuListingCimsData.append(ListingFailure(channelSku: code, errorMessage: message))
        failureSkuListingData.append(ListingFailure(channelSku: code, errorMessage: message))
    }
}

/// One listing that could not be created.
public struct ListingFailure: Codable, Sendable {
    public var channelSku: String
    public var errorMessage: String
}

struct IdRow: Decodable { var id: Int64 }
private struct ArticleReferenceRow: Decodable { var id: Int64; var barcode: String; var client_sku_id: String }
private struct ArticleIdRow: Decodable { var id: Int64; var channel_sku_code: String }
private struct ArticleDocumentRow: Decodable { var channel_sku_code: String; var document: String }
