/// The events an outward order emits, with the reasons its timeline shows.
public enum OrderEvents {
    static func event(_ type: EventType, code: String, channel: String, location: String? = nil, reason: String,
                      details: [String: JSONValue] = [:]) -> NewEvent {
        NewEvent(type: type, aggregateType: "ORDER", aggregateCode: code, channelName: channel, locationCode: location,
                 reason: reason, details: details)
    }

    public static func created(_ draft: OrderDraft, channel: String) -> NewEvent {
        event(.orderCreated, code: draft.orderCode, channel: channel, location: draft.locationCode,
              reason: "order received from \(channel)",
              details: ["lines": .number(Double(draft.lines.count)),
                        "units": .number(Double(draft.lines.reduce(0) { $0 + $1.quantity })),
                        "grandTotal": .string(draft.totals.grandTotal.description)])
    }

    public static func allocated(code: String, channel: String, plan: [LineAllocation], reason: String) -> NewEvent {
        let locations = Array(Set(plan.map(\.locationCode))).sorted()
        return event(.orderAllocated, code: code, channel: channel, location: locations.count == 1 ? locations[0] : nil,
                     reason: "\(reason); allocated at \(locations.joined(separator: ", "))",
                     details: ["allocations": .array(plan.map {
                         .object(["lineNo": .number(Double($0.lineNo)), "locationCode": .string($0.locationCode),
                                  "quantity": .number(Double($0.units))])
                     })])
    }

    public static func unallocatable(code: String, channel: String, pinned: String?) -> NewEvent {
        let reason = pinned.map { "not enough stock at \($0); waiting for stock" }
            ?? "no location of the channel can fulfil the whole order; waiting for stock"
        return event(.orderUnallocatable, code: code, channel: channel, location: pinned, reason: reason)
    }

    public static func onHold(code: String, channel: String, held: Bool, reason: String) -> NewEvent {
        event(held ? .orderOnHold : .orderReleased, code: code, channel: channel, reason: reason)
    }

    public static func cancelled(code: String, channel: String, plan: CancellationPlan, lines: [LineState],
                                 by party: CancellationParty, reason: String) -> NewEvent {
        let items: [JSONValue] = plan.cancelled.keys.sorted().map { lineNo in
            let line = lines.first { $0.lineNo == lineNo }!
            return .object(["orderItemCode": .string(line.orderItemCode), "channelSkuCode": .string(line.channelSkuCode),
                            "cancelledQuantity": .number(Double(plan.cancelled[lineNo]!)),
                            "previouslyCancelled": .number(Double(line.cancelled))])
        }
        return event(plan.cancelsWholeOrder ? .orderCancelled : .orderPartiallyCancelled, code: code, channel: channel,
                     reason: reason, details: ["items": .array(items), "party": .string(party.rawValue)])
    }

    public static func propertiesUpdated(code: String, channel: String, changes: [String: JSONValue]) -> NewEvent {
        event(.orderPropertiesUpdated, code: code, channel: channel,
              reason: "properties changed: \(changes.keys.sorted().joined(separator: ", "))", details: changes)
    }

    public static func attributesUpdated(code: String, channel: String, keys: [String]) -> NewEvent {
        event(.orderAttributesUpdated, code: code, channel: channel,
              reason: "custom attributes changed: \(keys.joined(separator: ", "))",
              details: ["keys": .array(keys.map(JSONValue.string))])
    }

    /// The locations an ORDER_ALLOCATED event's details name (as ``allocated(code:channel:plan:reason:)``
    /// writes them), each once, sorted.
    public static func allocatedLocations(in details: JSONValue) -> [String] {
        Array(Set((details.field("allocations")?.items ?? []).compactMap { $0.field("locationCode")?.text })).sorted()
    }

    /// Who cancelled, in a cancellation event's details (as ``cancelled(code:channel:plan:lines:by:reason:)``
    /// writes it).
    public static func cancellingParty(in details: JSONValue) -> CancellationParty? {
        details.field("party")?.text.flatMap(CancellationParty.init(rawValue:))
    }
}
