import JunctionCore
import SQLKit

/// Outward orders: creation with validation, idempotency and allocation in one transaction.
public struct OrderStore: Sendable {
    let database: any JunctionDatabase
    /// Prefix of document links in shipment views.
    let documentBaseURL: String

    /// Which create call this is: §1.1 or the partner-code variant §1.2.
    public enum Variant: Sendable { case standard, partnerCode }

    /// Creates (or, for an identical re-send, finds) an order and returns its id; ``view(orderId:)`` reads
    /// it whole. The order, its allocation and its events commit together; a rejected request writes nothing.
    public func create(_ input: OutwardOrderInput, caller: Caller, variant: Variant = .standard) async throws -> Int64 {
        let channel = try Self.sellingChannel(caller, requested: input.channelName)
        let requestHash = try JSONCoding.fingerprint(input)
        switch database.kind {
        case .sqlite: return try await createThroughWriter(input, channel: channel, requestHash: requestHash, variant: variant)
        case .postgres: return try await createInOneStatement(input, channel: channel, requestHash: requestHash, variant: variant)
        }
    }

    /// SQLite: the order is checked and its rows encoded on a reader, so that the one writer only re-checks
    /// the code, plans on the stock as it is, reserves and inserts.
    private func createThroughWriter(_ input: OutwardOrderInput, channel: String, requestHash: String,
                                     variant: Variant) async throws -> Int64 {
        let checked = try await database.read { sql in
            try await Self.check(input, channel: channel, requestHash: requestHash, variant: variant, on: sql)
        }
        switch checked {
        case .existing(let orderId):
            return orderId
        case .new(let order):
            let orderId = try await database.write { sql in try await Self.insert(order, on: sql) }
            await database.afterCommit()
            return orderId
        }
    }

    /// PostgreSQL: the order is checked and planned on one pooled connection, then written by one statement
    /// that commits by itself (see ``OrderInsertStatement``); when stock it planned on was taken meanwhile,
    /// all of it runs again on fresh figures.
    private func createInOneStatement(_ input: OutwardOrderInput, channel: String, requestHash: String,
                                      variant: Variant) async throws -> Int64 {
        let (orderId, inserted) = try await database.autocommit { sql -> (Int64, Bool) in
            switch try await Self.check(input, channel: channel, requestHash: requestHash, variant: variant, on: sql) {
            case .existing(let orderId):
                return (orderId, false)
            case .new(let order):
                let plan = try await order.plan(on: sql)
                if let orderId = try await OrderInsertStatement.run(order, plan: plan, on: sql) { return (orderId, true) }
                return (try await Self.existing(order, on: sql), false)
            }
        }
        if inserted { await database.afterCommit() }
        return orderId
    }

    /// What a create request turned out to be before anything is written.
    enum CheckedOrder: Sendable {
        case existing(Int64)
        case new(PreparedOrder)
    }

    /// Finds an identical earlier order or validates a new one (409 for a code already used with other
    /// content) and encodes its rows.
    static func check(_ input: OutwardOrderInput, channel: String, requestHash: String, variant: Variant,
                      on sql: any SQLDatabase) async throws -> CheckedOrder {
        let existing = try await OrderRecords.fingerprint(channel: channel, code: input.orderCode ?? "", on: sql)
        if let existing, existing.requestHash == requestHash { return .existing(existing.id) }
        let channelLocations = try await Allocator.candidateLocations(channel: channel, pinned: nil, on: sql)
        let references = try await references(for: input, channel: channel, channelLocations: channelLocations,
                                              variant: variant, on: sql)
        let draft = try OrderDraft.validate(input, references: references, requirePartner: variant == .partnerCode)
        if existing != nil { throw conflict(draft.orderCode, channel: channel) }
        let candidates = draft.locationCode.map { pinned in channelLocations.filter { $0.code == pinned } } ?? channelLocations
        return .new(try PreparedOrder(draft, channel: channel, requestHash: requestHash, candidates: candidates))
    }

    /// Writes a checked order: allocated at once when stock allows, else waiting. A race with an identical
    /// order created meanwhile returns that one.
    static func insert(_ order: PreparedOrder, on sql: any SQLDatabase) async throws -> Int64 {
        let plan = try await order.plan(on: sql)
        guard let orderId = try await OrderRecords.insert(order, status: plan == nil ? .unallocated : .allocated, on: sql) else {
            return try await existing(order, on: sql)
        }
        if let plan { try await Allocator.reserve(plan, orderId: orderId, demands: order.demands, on: sql) }
        try await EventLog.append(order.events(allocated: plan), orderId: orderId, on: sql)
        return orderId
    }

    /// The order that took this one's code first: the same order when its content is identical, else 409.
    static func existing(_ order: PreparedOrder, on sql: any SQLDatabase) async throws -> Int64 {
        let existing = try await OrderRecords.fingerprint(channel: order.channel, code: order.draft.orderCode, on: sql)
        guard let existing, existing.requestHash == order.requestHash else {
            throw conflict(order.draft.orderCode, channel: order.channel)
        }
        return existing.id
    }

    private static func conflict(_ code: String, channel: String) -> DomainError {
        .conflict("order \(code) of \(channel) exists with different content")
    }

    /// Loads what an order refers to: the channel's listings for its SKUs, attribute definitions and (for
    /// partner-code orders) the partners; the channel's locations are given.
    static func references(for input: OutwardOrderInput, channel: String, channelLocations: [CandidateLocation],
                           variant: Variant, on sql: any SQLDatabase) async throws -> OrderReferences {
        let codes = (input.orderItems ?? []).compactMap(\.channelSkuCode)
        let listings = try await SkuResolver.resolve(codes, channel: channel, fallback: false, on: sql).mapValues(\.listed)
        let definitions = try await MasterStore.attributeDefinitions(on: sql)
        var partners: [String: Set<String>] = [:]
        if variant == .partnerCode, let code = input.partnerCode {
            let vendor = try await sql.raw("SELECT code AS document FROM vendors WHERE code = \(bind: code)").first(decoding: DocumentRow.self)
            if vendor != nil {
                partners[code] = Set(try await sql.raw("SELECT location_code AS document FROM vendor_locations WHERE vendor_code = \(bind: code)")
                    .all(decoding: DocumentRow.self).map(\.document))
            }
        }
        return OrderReferences(listings: listings, orderAttributes: definitions[.order] ?? [:],
                               itemAttributes: definitions[.item] ?? [:], channelLocations: Set(channelLocations.map(\.code)),
                               partners: partners)
    }

    /// The channel an order call acts for; only selling partners (and the admin naming one) place orders.
    static func sellingChannel(_ caller: Caller, requested: String?) throws -> String {
        if case .partner(let name, let type) = caller, !type.sellsOrders {
            throw DomainError.forbidden("\(name) is an \(type.rawValue) partner and cannot place outward orders")
        }
        return try caller.channel(named: requested)
    }
}
