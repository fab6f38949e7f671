import JunctionCore

/// A validated order with its rows already encoded, so that the write transaction only inserts them.
struct PreparedOrder: Sendable {
    var draft: OrderDraft
    var channel: String
    var requestHash: String
    /// The header fields without a column of their own, as stored.
    var document: String
    /// Each line's fields without a column of their own, as stored, in line order.
    var lineDocuments: [String]
    /// Where it may be allocated: the pinned location or the channel's, with their priorities.
    var candidates: [CandidateLocation]
    /// The events of its arrival (created, and on hold when it is); allocation adds its own.
    var events: [EncodedEvent]
    /// What each line asks of stock, in line order.
    var demands: [LineDemand]

    init(_ draft: OrderDraft, channel: String, requestHash: String, candidates: [CandidateLocation]) throws {
        self.draft = draft
        self.candidates = candidates
        self.channel = channel
        self.requestHash = requestHash
        document = try JSONCoding.string(OrderDocument(draft))
        lineDocuments = try draft.lines.map { try JSONCoding.string(LineDocument($0)) }
        demands = draft.lines.enumerated().map {
            LineDemand(lineNo: $0.offset, units: $0.element.quantity, components: $0.element.sku.components)
        }
        events = [EncodedEvent(OrderEvents.created(draft, channel: channel))]
        if draft.onHold {
            events.append(EncodedEvent(OrderEvents.onHold(code: draft.orderCode, channel: channel, held: true,
                                                              reason: "created on hold; not released to processing until unheld")))
        }
    }

    /// Which order it is: its channel and code.
    var key: OrderKey { OrderKey(channel: channel, code: draft.orderCode) }

    /// Its events once it is written with `plan`: those of its arrival, then its allocation or its wait.
    func events(allocated plan: [LineAllocation]?) -> [EncodedEvent] {
        let outcome = plan.map { OrderEvents.allocated(code: draft.orderCode, channel: channel, plan: $0, reason: "stock reserved") }
            ?? OrderEvents.unallocatable(code: draft.orderCode, channel: channel, pinned: draft.locationCode)
        return events + [EncodedEvent(outcome)]
    }
}
