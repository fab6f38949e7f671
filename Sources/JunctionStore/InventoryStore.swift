import JunctionCore
import SQLKit

/// Stock per (location, article): absolute updates from warehouses and stores, and ATP reads.
public struct InventoryStore: Sendable {
    let database: any JunctionDatabase

    /// Sets absolute on-hand quantities. Each entry succeeds or fails on its own; successful ones commit
    /// with their INVENTORY_CHANGED events, and waiting orders that the new stock can fulfil are allocated
    /// in the same transaction.
    public func setAbsolute(_ entries: [StockEntry], caller: Caller) async throws -> StockUpdateResult {
        let result = try await database.write { sql in
            var result = StockUpdateResult()
            let scope = try await Self.writableLocations(caller, on: sql)
            let skus = try await SkuResolver.resolve(entries.map(\.channelSkuCode), channel: caller.partnerName,
                                                     fallback: true, on: sql)
            var accepted: [(entry: StockEntry, sku: ResolvedSku, pair: StockKey)] = []
            for entry in entries {
                guard scope.allowed(entry.locationCode) else {
                    result.fail(entry, scope.known.contains(entry.locationCode)
                                ? "location \(entry.locationCode) is not one of the caller's locations"
                                : "no location \(entry.locationCode)")
                    continue
                }
                guard let sku = skus[entry.channelSkuCode] else {
                    result.fail(entry, "no article or listing for \(entry.channelSkuCode)")
                    continue
                }
                guard !sku.isComposite else {
                    result.fail(entry, "\(entry.channelSkuCode) is a bundle or virtual SKU; its stock comes from its children")
                    continue
                }
                accepted.append((entry, sku, StockKey(locationCode: entry.locationCode, articleId: sku.articleId)))
            }
            // Entries apply in order: a pair named twice ends at its last entry, with an event per change.
            var levels = try await StockRows.read(Set(accepted.map(\.pair)), on: sql).mapValues(\.level)
            var written = Set<StockKey>()
            var changedArticles = Set<Int64>()
            var events: [NewEvent] = []
            for (entry, sku, pair) in accepted {
                let previous = levels[pair]
                let level = StockLevel(onHand: entry.quantity, reserved: previous?.reserved ?? 0,
                                       buffer: entry.buffer ?? previous?.buffer ?? 0)
                levels[pair] = level
                written.insert(pair)
                result.succeed(entry)
                guard previous?.onHand != level.onHand || previous?.buffer != level.buffer else { continue }
                changedArticles.insert(sku.articleId)
                events.append(NewEvent(
                    type: .inventoryChanged, aggregateType: "INVENTORY",
                    aggregateCode: "\(entry.locationCode)/\(entry.channelSkuCode)", channelName: caller.partnerName,
                    locationCode: entry.locationCode, reason: "absolute stock update",
                    details: ["channelSkuCode": .string(entry.channelSkuCode), "clientSkuId": .string(sku.clientSkuId),
                              "onHand": .number(Double(level.onHand)),
                              "previousOnHand": .number(Double(previous?.onHand ?? 0)),
                              "reserved": .number(Double(level.reserved)), "buffer": .number(Double(level.buffer)),
                              "atp": .number(Double(level.atp))]))
            }
            // In one order, so that two updates of the same pairs take their rows' locks alike.
            let sortedPairs = written.sorted { ($0.locationCode, $0.articleId) < ($1.locationCode, $1.articleId) }
            try await StockRows.setOnHand(sortedPairs.map { pair in (pair, levels[pair]!) }, now: Clock.nowMillis(), on: sql)
            try await EventLog.append(events, orderId: nil, on: sql)
            try await Allocator.allocateWaiting(articles: changedArticles, on: sql)
            return result
        }
        await database.afterCommit()
        return result
    }

    /// ATP per location and in total for each code, over the caller channel's locations (all locations for
    /// the admin). Bundles and virtual SKUs are derived from their children.
    public func search(_ codes: [String], caller: Caller) async throws -> StockSearchResult {
        try await database.read { sql in
            let skus = try await SkuResolver.resolve(codes, channel: caller.partnerName, fallback: true, on: sql)
            let articles = Set(skus.values.flatMap { $0.components.map(\.articleId) })
            let (locations, atp) = try await Self.locationsWithStock(of: articles, for: caller, on: sql)
            var result = StockSearchResult()
            var seen = Set<String>()
            for code in codes where seen.insert(code).inserted {
                guard let sku = skus[code] else {
                    result.failureList.append(code)
                    continue
                }
                let perLocation = locations.map { location in
                    LocationQuantity(quantity: ATP.units(of: sku.components) { atp[location.code]?[$0] ?? 0 },
                                     locationCode: location.code,
                                     locationType: (LocationType(rawValue: location.location_type) ?? .warehouse).displayName)
                }
                result.add(SkuQuantity(channelSkuCode: code, channelSerialNo: sku.channelSerialNo,
                                       totalQuantity: perLocation.reduce(0) { $0 + $1.quantity }, inventories: perLocation))
            }
            return result
        }
    }

    /// The caller's locations in code order (see ``Caller/reaches(_:)``) with the ATP of `articles` at each
    /// (absent: none), in one read.
    private static func locationsWithStock(of articles: Set<Int64>, for caller: Caller, on sql: any SQLDatabase) async throws
        -> (locations: [LocationTypeRow], atp: [String: [Int64: Int]]) {
        let stocked: SQLQueryString = articles.isEmpty ? "FALSE" : "i.article_id IN (\(binds: Array(articles)))"
        let rows = try await sql.raw("""
            SELECT l.code, l.location_type, \(LocationTieRow.columns(for: caller)), i.article_id, i.on_hand, i.reserved, i.buffer
            FROM locations l \(LocationTieRow.join(for: caller))
            LEFT JOIN inventory i ON i.location_code = l.code AND \(stocked)
            ORDER BY l.code
            """).all(reading: LocationStockRow.self)
        var locations: [LocationTypeRow] = [], atp: [String: [Int64: Int]] = [:]
        for row in rows where caller.reaches(row.ties) {
            if locations.last?.code != row.location.code { locations.append(row.location) }
            if let article = row.article { atp[row.location.code, default: [:]][article] = row.level.atp }
        }
        return (locations, atp)
    }

    /// ATP per location and article (absent: none).
    static func atp(articles: Set<Int64>, locations: [String], on sql: any SQLDatabase) async throws -> [String: [Int64: Int]] {
        guard !articles.isEmpty, !locations.isEmpty else { return [:] }
        var atp: [String: [Int64: Int]] = [:]
        for row in try await sql.raw("""
            SELECT location_code, article_id, on_hand, reserved, buffer FROM inventory
            WHERE article_id IN (\(binds: Array(articles))) AND location_code IN (\(binds: locations))
            """).all(reading: InventoryRow.self) {
            atp[row.location_code, default: [:]][row.article_id] = row.level.atp
        }
        return atp
    }

    /// The locations a caller may set stock at (see ``Caller/reaches(_:)``), among those that exist.
    static func writableLocations(_ caller: Caller, on sql: any SQLDatabase) async throws -> LocationScope {
        let all = try await sql.raw("""
            SELECT l.code, \(LocationTieRow.columns(for: caller)) FROM locations l \(LocationTieRow.join(for: caller))
            """).all(reading: LocationTieRow.self)
        return LocationScope(known: Set(all.map(\.code)), writable: Set(all.filter { caller.reaches($0.ties) }.map(\.code)))
    }
}

/// Which locations exist and which of them a caller may write.
struct LocationScope {
    var known: Set<String>
    var writable: Set<String>

    func allowed(_ code: String) -> Bool { writable.contains(code) }
}

/// Per-entry outcome of an absolute update.
public struct StockUpdateResult: Codable, Sendable {
    public var successList: [StockOutcome] = []
    public var failureList: [StockOutcome] = []

    mutating func succeed(_ entry: StockEntry) {
        successList.append(StockOutcome(channelSkuCode: entry.channelSkuCode, locationCode: entry.locationCode,
                                        quantity: entry.quantity, errorMessage: nil))
    }

    mutating func fail(_ entry: StockEntry, _ message: String) {
        failureList.append(StockOutcome(channelSkuCode: entry.channelSkuCode, locationCode: entry.locationCode,
                                        quantity: entry.quantity, errorMessage: message))
    }
}

/// One entry's outcome.
public struct StockOutcome: Codable, Sendable, Hashable {
    public var channelSkuCode: String
    public var locationCode: String
    public var quantity: Int
    public var errorMessage: String?
}

/// The §3.2 answer, in both spellings of the success list.
public struct StockSearchResult: Codable, Sendable {
    public var sucessList: [SkuQuantity] = []
    public var successList: [SkuQuantity] = []
    public var failureList: [String] = []

    mutating func add(_ quantity: SkuQuantity) {
        sucessList.append(quantity)
        successList.append(quantity)
    }
}

/// ATP of one SKU.
public struct SkuQuantity: Codable, Sendable, Hashable {
    public var channelSkuCode: String
    public var channelSerialNo: String?
    public var totalQuantity: Int
    public var inventories: [LocationQuantity]
}

/// ATP of one SKU at one location.
public struct LocationQuantity: Codable, Sendable, Hashable {
    public var quantity: Int
    public var locationCode: String
    public var locationType: String
}

private struct LocationTypeRow: SQLRowReadable {
    var code: String
    var location_type: String

    init(row: any SQLRow) throws {
        code = try row.decode(column: "code", as: String.self)
        location_type = try row.decode(column: "location_type", as: String.self)
    }
}

/// A location and, when it holds one of the articles asked for, that article's stock there.
private struct LocationStockRow: SQLRowReadable {
    var location: LocationTypeRow
    var ties: LocationTies
    var article: Int64?
    var level: StockLevel

    init(row: any SQLRow) throws {
        location = try LocationTypeRow(row: row)
        ties = try LocationTieRow.ties(in: row)
        article = try row.decodeOptional(column: "article_id", as: Int64.self)
        level = article == nil ? StockLevel(onHand: 0, reserved: 0, buffer: 0)
            : StockLevel(onHand: try row.decode(column: "on_hand", as: Int.self), reserved: try row.decode(column: "reserved", as: Int.self),
                         buffer: try row.decode(column: "buffer", as: Int.self))
    }
}

/// A location's code and its ties to the caller, read from `locations l` with ``join(for:)``.
private struct LocationTieRow: SQLRowReadable {
    var code: String
    var ties: LocationTies

    init(row: any SQLRow) throws {
        code = try row.decode(column: "code", as: String.self)
        ties = try Self.ties(in: row)
    }

    static func ties(in row: any SQLRow) throws -> LocationTies {
        LocationTies(listedByChannel: try row.decodeOptional(column: "listed_by", as: String.self) != nil,
                     efsChannel: try row.decodeOptional(column: "efs_channel", as: String.self))
    }

    /// The columns of the ties: `listed_by` names the caller's channel where it lists the location.
    static func columns(for caller: Caller) -> SQLQueryString {
        caller.partnerName == nil ? "l.efs_channel, NULL AS listed_by" : "l.efs_channel, cl.channel_name AS listed_by"
    }

    /// The caller's channel's listing of each location (at most one row: the link is the table's key).
    static func join(for caller: Caller) -> SQLQueryString {
        guard let channel = caller.partnerName else { return "" }
        return "LEFT JOIN channel_locations cl ON cl.location_code = l.code AND cl.channel_name = \(bind: channel)"
    }
}
