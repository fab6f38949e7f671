import JunctionCore
import SQLKit

/// One create call: the order as sent, the channel it is for and the fingerprint of its content.
struct CreateRequest: Sendable {
    var input: OutwardOrderInput
    var channel: String
    var requestHash: String
    var variant: OrderStore.Variant

    var orderCode: String { input.orderCode ?? "" }
    var lineCount: Int { input.orderItems?.count ?? 0 }
    var key: OrderKey { OrderKey(channel: channel, code: orderCode) }
}

/// An order's identity: codes are unique per channel.
struct OrderKey: Hashable, Sendable {
    var channel: String
    var code: String
}

extension OrderStore {
    /// What a create request turned out to be before anything is written.
    enum CheckedOrder: Sendable {
        case existing(Int64)
        case new(PreparedOrder)
    }

    /// For each request, in order: the identical earlier order, or the new order validated against the
    /// catalogue with its rows encoded, or why it is refused (409 for a code already used with other
    /// content). The catalogue is read once per channel for all of them.
    static func check(_ requests: [CreateRequest], on sql: any SQLDatabase) async throws -> [Result<CheckedOrder, any Error>] {
        var results = [Result<CheckedOrder, any Error>?](repeating: nil, count: requests.count)
        var definitions: [AttributeLevel: [String: AttributeDefinition]]?
        for (channel, indices) in Dictionary(grouping: requests.indices, by: { requests[$0].channel }) {
            let existing = try await OrderRecords.fingerprints(channel: channel, codes: indices.map { requests[$0].orderCode }, on: sql)
            var unchecked: [Int] = []
            for index in indices {
                if let found = existing[requests[index].orderCode], found.requestHash == requests[index].requestHash {
                    results[index] = .success(.existing(found.id))
                } else {
                    unchecked.append(index)
                }
            }
            guard !unchecked.isEmpty else { continue }
            if definitions == nil { definitions = try await MasterStore.attributeDefinitions(on: sql) }
            let channelLocations = try await Allocator.candidateLocations(channel: channel, pinned: nil, on: sql)
            let skuCodes = unchecked.flatMap { requests[$0].input.orderItems?.compactMap(\.channelSkuCode) ?? [] }
            let listings = try await SkuResolver.resolve(skuCodes, channel: channel, fallback: false, on: sql).mapValues(\.listed)
            let locationCodes = Set(channelLocations.map(\.code))
            for index in unchecked {
                let request = requests[index]
                let references = OrderReferences(
                    listings: listings, orderAttributes: definitions?[.order] ?? [:], itemAttributes: definitions?[.item] ?? [:],
                    channelLocations: locationCodes,
                    partners: request.variant == .partnerCode ? try await partners(request.input.partnerCode, on: sql) : [:])
                results[index] = Result {
                    let draft = try OrderDraft.validate(request.input, references: references,
                                                        requirePartner: request.variant == .partnerCode)
                    if existing[draft.orderCode] != nil { throw conflict(draft.orderCode, channel: channel) }
                    let candidates = draft.locationCode.map { pinned in channelLocations.filter { $0.code == pinned } } ?? channelLocations
                    return .new(try PreparedOrder(draft, channel: channel, requestHash: request.requestHash, candidates: candidates))
                }
            }
        }
        return results.map { $0! }  // every request belongs to one channel's group
    }

    /// The vendor or customer `code` with its location codes, when it exists.
    private static func partners(_ code: String?, on sql: any SQLDatabase) async throws -> [String: Set<String>] {
        guard let code,
              try await sql.raw("SELECT code AS document FROM vendors WHERE code = \(bind: code)").first(decoding: DocumentRow.self) != nil
        else { return [:] }
        let locations = try await sql.raw("SELECT location_code AS document FROM vendor_locations WHERE vendor_code = \(bind: code)")
            .all(decoding: DocumentRow.self).map(\.document)
        return [code: Set(locations)]
    }
}
