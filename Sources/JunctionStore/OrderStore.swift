import JunctionCore
import SQLKit

/// Outward orders: creation with validation, idempotency and allocation in one transaction.
public struct OrderStore: Sendable {
    let database: any JunctionDatabase
    /// Gathers creates that arrive together into one write.
    let batcher: OrderBatcher
    /// Prefix of document links in shipment views.
    let documentBaseURL: String

    /// Which create call this is: §1.1 or the partner-code variant §1.2.
    public enum Variant: Sendable { case standard, partnerCode }

    /// Creates (or, for an identical re-send, finds) an order and returns its id; ``view(orderId:)`` reads
    /// it whole. The order, its allocation and its events commit together; a rejected request writes nothing.
    public func create(_ input: OutwardOrderInput, caller: Caller, variant: Variant = .standard) async throws -> Int64 {
        try await batcher.create(try Self.request(input, caller: caller, variant: variant))
    }

    /// Creates (or finds) the orders of a bulk call (§1.3) as if each came alone, one after another: per
    /// input its order's id or why there is none. They reach the batcher together, so a call of a hundred
    /// orders commits in a transaction or two rather than a hundred.
    public func create(_ inputs: [OutwardOrderInput], caller: Caller) async -> [Result<Int64, any Error>] {
        let requests = inputs.map { input in Result { try Self.request(input, caller: caller, variant: .standard) } }
        let valid = requests.compactMap { try? $0.get() }
        var created = await batcher.create(valid).makeIterator()
        return requests.map { request in
            switch request {
            case .success: created.next()!
            case .failure(let error): .failure(error)
            }
        }
    }

    /// A create call as the batcher takes it: the order, the channel it is for and its fingerprint.
    private static func request(_ input: OutwardOrderInput, caller: Caller, variant: Variant) throws -> CreateRequest {
        CreateRequest(input: input, channel: try sellingChannel(caller, requested: input.channelName),
                      requestHash: try JSONCoding.fingerprint(input), variant: variant)
    }

    /// Writes checked orders in the caller's transaction, each planned on the stock as it is less what the
    /// ones before it took: allocated at once when stock allows, else waiting. Returns each one's id, or
    /// `nil` where the channel had meanwhile got an order with that code. The events are the transaction's
    /// last write, so they are numbered as they are inserted (``EventLog/appendLast(_:on:)``).
    static func insert(_ orders: [PreparedOrder], on sql: any SQLDatabase) async throws -> [Int64?] {
        let plans = try await Allocator.plan(orders, on: sql)
        let ids = try await OrderRecords.insert(zip(orders, plans).map { ($0, $1 == nil ? .unallocated : .allocated) }, on: sql)
        let written = orders.indices.filter { ids[$0] != nil }
        try await OrderRecords.addWaitingLines(written.filter { plans[$0] == nil }.map { (ids[$0]!, orders[$0]) }, on: sql)
        try await Allocator.reserve(written.compactMap { index in
            plans[index].map { (ids[index]!, $0, orders[index].demands) }
        }, on: sql)
        try await EventLog.appendLast(written.map { (ids[$0], orders[$0].events(allocated: plans[$0])) }, on: sql)
        return ids
    }

    /// The order that took this one's code first: the same order when its content is identical, else 409.
    static func existing(_ order: PreparedOrder, on sql: any SQLDatabase) async throws -> Int64 {
        let existing = try await OrderRecords.fingerprints(channel: order.channel, codes: [order.draft.orderCode], on: sql)
        guard let found = existing[order.draft.orderCode], found.requestHash == order.requestHash else {
            throw conflict(order.draft.orderCode, channel: order.channel)
        }
        return found.id
    }

    static func conflict(_ code: String, channel: String) -> DomainError {
        .conflict("order \(code) of \(channel) exists with different content")
    }

    /// The channel an order call acts for; only selling partners (and the admin naming one) place orders.
    static func sellingChannel(_ caller: Caller, requested: String?) throws -> String {
        if case .partner(let name, let type) = caller, !type.sellsOrders {
            throw DomainError.forbidden("\(name) is an \(type.rawValue) partner and cannot place outward orders")
        }
        return try caller.channel(named: requested)
    }
}
