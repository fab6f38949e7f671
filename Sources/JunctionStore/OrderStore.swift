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
        let orderId = try await database.write { sql in
            try await Self.create(input, channel: channel, requestHash: requestHash, variant: variant, on: sql)
        }
        await database.afterCommit()
        return orderId
    }

    static func create(_ input: OutwardOrderInput, channel: String, requestHash: String, variant: Variant,
                       on sql: any SQLDatabase) async throws -> Int64 {
        let existing = try await OrderRecords.find(channel: channel, code: input.orderCode ?? "", on: sql).first
        if let existing, existing.request_hash == requestHash { return existing.id }
        let references = try await references(for: input, channel: channel, variant: variant, on: sql)
        let draft = try OrderDraft.validate(input, references: references, requirePartner: variant == .partnerCode)
        if existing != nil {
            throw DomainError.conflict("order \(draft.orderCode) of \(channel) exists with different content")
        }
        let orderId = try await OrderRecords.insert(draft, channel: channel, requestHash: requestHash, on: sql)
        var events = [OrderEvents.created(draft, channel: channel)]
        if draft.onHold {
            events.append(OrderEvents.onHold(code: draft.orderCode, channel: channel, held: true,
                                             reason: "created on hold; not released to processing until unheld"))
        }
        let demands = draft.lines.enumerated().map { LineDemand(lineNo: $0.offset, units: $0.element.quantity,
                                                                components: $0.element.sku.components) }
        if let plan = try await Allocator.allocate(orderId: orderId, channel: channel, demands: demands,
                                                   pinnedLocation: draft.locationCode,
                                                   allowSplit: draft.isSplitRequired, on: sql) {
            try await OrderRecords.setStatus(.allocated, orderId: orderId, on: sql)
            events.append(OrderEvents.allocated(code: draft.orderCode, channel: channel, plan: plan, reason: "stock reserved"))
        } else {
            events.append(OrderEvents.unallocatable(code: draft.orderCode, channel: channel, pinned: draft.locationCode))
        }
        try await EventLog.append(events, orderId: orderId, on: sql)
        return orderId
    }

    /// Loads what an order refers to: the channel's listings for its SKUs, attribute definitions, the
    /// channel's locations and (for partner-code orders) the partners.
    static func references(for input: OutwardOrderInput, channel: String, variant: Variant,
                           on sql: any SQLDatabase) async throws -> OrderReferences {
        let codes = (input.orderItems ?? []).compactMap(\.channelSkuCode)
        let listings = try await SkuResolver.resolve(codes, channel: channel, fallback: false, on: sql).mapValues(\.listed)
        let definitions = try await MasterStore.attributeDefinitions(on: sql)
        let locations = try await sql.raw("SELECT location_code AS document FROM channel_locations WHERE channel_name = \(bind: channel)")
            .all(decoding: DocumentRow.self).map(\.document)
        var partners: [String: Set<String>] = [:]
        if variant == .partnerCode, let code = input.partnerCode {
            let vendor = try await sql.raw("SELECT code AS document FROM vendors WHERE code = \(bind: code)").first(decoding: DocumentRow.self)
            if vendor != nil {
                partners[code] = Set(try await sql.raw("SELECT location_code AS document FROM vendor_locations WHERE vendor_code = \(bind: code)")
                    .all(decoding: DocumentRow.self).map(\.document))
            }
        }
        return OrderReferences(listings: listings, orderAttributes: definitions[.order] ?? [:],
                               itemAttributes: definitions[.item] ?? [:], channelLocations: Set(locations), partners: partners)
    }

    /// The channel an order call acts for; only selling partners (and the admin naming one) place orders.
    static func sellingChannel(_ caller: Caller, requested: String?) throws -> String {
        if case .partner(let name, let type) = caller, !type.sellsOrders {
            throw DomainError.forbidden("\(name) is an \(type.rawValue) partner and cannot place outward orders")
        }
        return try caller.channel(named: requested)
    }
}
