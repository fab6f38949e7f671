import JunctionCore
import SQLKit

/// Outward orders: creation with validation, idempotency and allocation in one transaction.
public struct OrderStore: Sendable {
    let database: any JunctionDatabase
    /// Gathers PostgreSQL creates that arrive together into one write.
    let batcher: OrderBatcher
    /// Prefix of document links in shipment views.
    let documentBaseURL: String

    /// Which create call this is: §1.1 or the partner-code variant §1.2.
    public enum Variant: Sendable { case standard, partnerCode }

    /// Creates (or, for an identical re-send, finds) an order and returns its id; ``view(orderId:)`` reads
    /// it whole. The order, its allocation and its events commit together; a rejected request writes nothing.
    public func create(_ input: OutwardOrderInput, caller: Caller, variant: Variant = .standard) async throws -> Int64 {
        let request = CreateRequest(input: input, channel: try Self.sellingChannel(caller, requested: input.channelName),
                                    requestHash: try JSONCoding.fingerprint(input), variant: variant)
        switch database.kind {
        case .postgres where request.lineCount <= OrderBatcher.maxLinesPerOrder:
            return try await batcher.create(request)
        case .sqlite, .postgres:
            return try await createInTransaction(request)
        }
    }

    /// The order is checked and its rows encoded on a reader, so that the write transaction only re-checks
    /// the code, plans on the stock as it is, reserves and inserts. On SQLite every create takes this path
    /// (the one writer commits transactions in groups); on PostgreSQL orders too large to share a batch's
    /// one statement do.
    private func createInTransaction(_ request: CreateRequest) async throws -> Int64 {
        let checked = try await database.read { sql in try await Self.check([request], on: sql)[0] }.get()
        switch checked {
        case .existing(let orderId):
            return orderId
        case .new(let order):
            let orderId = try await database.write { sql in try await Self.insert(order, on: sql) }
            await database.afterCommit()
            return orderId
        }
    }

    /// Writes a checked order in the caller's transaction: allocated at once when stock allows, else
    /// waiting. A race with an identical order created meanwhile returns that one.
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
