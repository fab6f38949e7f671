import JunctionCore
import SQLKit

/// Who hears about an event, through which call, with what payload: ERP partners get sales postings of
/// every order; the order's own channel gets the acknowledgement once allocated (§4.1) and seller
/// cancellations (§4.7); the EFS that fulfils a location gets the events of the order's part there (§5.4).
enum DeliveryRouting {
    /// The messages of a planning pass's events, in event order. The orders they need are read together
    /// (see ``ERPPostingSource/load(orderIds:documentBaseURL:on:)``), so a pass costs a few statements, not a
    /// few per event.
    static func messages(for events: [PlannedEventRow], partners: [String: OutboundConfig], baseURL: String,
                         on sql: any SQLDatabase) async throws -> [PlannedMessage] {
        let fulfillers = try await Fulfillers(partners: partners, on: sql)
        var routed: [(event: PlannedEventRow, type: EventType, details: JSONValue, orderId: Int64, routes: [Route])] = []
        for event in events {
            guard let orderId = event.order_id, let type = EventType(rawValue: event.event_type) else { continue }
            let details = event.parsedDetails
            let routes = candidates(type, event: event, details: details, partners: partners)
                + (try await suborderRoutes(type, event: event, details: details, orderId: orderId, partners: partners,
                                            fulfillers: fulfillers, on: sql))
            if !routes.isEmpty { routed.append((event, type, details, orderId, routes)) }
        }
        let sources = try await ERPPostingSource.load(orderIds: routed.map(\.orderId), documentBaseURL: baseURL, on: sql)
        var messages: [PlannedMessage] = []
        for (event, type, details, orderId, routes) in routed {
            guard let source = sources[orderId] else { throw DomainError.notFound("no order with id \(orderId)") }
            for route in routes {
                guard let payload = try payload(route, event: event, type: type, details: details, source: source) else { continue }
                let config = partners[route.partner]!
                let sequence = route.location.map { "suborder:\(orderId):\($0)" } ?? "order:\(orderId)"
                messages.append(PlannedMessage(partner: route.partner, call: route.call, url: config.url(for: route.call)!,
                                               messageId: event.message_id, eventType: route.label, sequenceKey: sequence,
                                               payload: payload, dueAt: config.firstAttempt(after: event.created_at)))
            }
        }
        return messages
    }

    private struct Route {
        var partner: String
        var call: OutboundCall
        var label: String
        /// The location of a suborder event.
        var location: String? = nil
    }

    /// The partners and calls an event of `type` may go to, before loading the order.
    private static func candidates(_ type: EventType, event: PlannedEventRow, details: JSONValue,
                                   partners: [String: OutboundConfig]) -> [Route] {
        var routes: [Route] = []
        if let posting = SalesPostingEvent(type) {
            for (name, config) in partners.sorted(by: { $0.key < $1.key })
            where config.url(for: .salesPosting) != nil && config.receives(posting.rawValue) {
                routes.append(Route(partner: name, call: .salesPosting, label: posting.rawValue))
            }
        }
        if let channel = event.channel_name, let config = partners[channel],
           let call = ChannelNotice.call(for: type, cancelledBy: OrderEvents.cancellingParty(in: details)),
           config.url(for: call) != nil {
            routes.append(Route(partner: channel, call: call, label: call == .acknowledgement ? "ACKNOWLEDGEMENT" : "SELLER_CANCELLATION"))
        }
        return routes
    }

    private static func payload(_ route: Route, event: PlannedEventRow, type: EventType, details: JSONValue,
                                source: ERPPostingSource) throws -> String? {
        switch route.call {
        case .salesPosting:
            guard let posting = SalesPostingEvent(type) else { return nil }
            return try JSONCoding.string(ERPPostingBuilder.build(
                order: source.order, event: posting, messageId: event.message_id, eventTime: Timestamp(millis: event.created_at),
                channelType: source.channelType, articles: source.articles))
        case .acknowledgement:
            return try JSONCoding.string(AcknowledgementCall.of(orderCode: source.order.orderCode,
                                                               locations: OrderEvents.allocatedLocations(in: details)))
        case .sellerCancellation:
            return try JSONCoding.string(SellerCancellationCall.of(source.order))
        case .orderEvents:
            guard let location = route.location, let kind = EFSOrderEventType(rawValue: route.label) else { return nil }
            return try JSONCoding.string(EFSOrderEventBuilder.build(source: source, location: location, event: kind,
                                                                    messageId: event.message_id,
                                                                    eventTime: Timestamp(millis: event.created_at)))
        case .locationAtp, .consolidatedAtp:
            return nil
        }
    }

    /// One route per location of the order whose EFS has an `orderEvents` URL and receives this event.
    private static func suborderRoutes(_ type: EventType, event: PlannedEventRow, details: JSONValue, orderId: Int64,
                                       partners: [String: OutboundConfig], fulfillers: Fulfillers,
                                       on sql: any SQLDatabase) async throws -> [Route] {
        guard let kind = EFSOrderEventType(type),
              partners.values.contains(where: { $0.url(for: .orderEvents) != nil && $0.receives(kind.rawValue) }) else { return [] }
        let locations = try await suborderLocations(type, event: event, details: details, orderId: orderId, on: sql)
        return Set(locations).sorted().compactMap { location in
            guard let efs = fulfillers.efs(of: location), let config = partners[efs], config.url(for: .orderEvents) != nil,
                  config.receives(kind.rawValue) else { return nil }
            return Route(partner: efs, call: .orderEvents, label: kind.rawValue, location: location)
        }
    }

    /// Where the event's suborders are: the allocation's locations, the packing location, or every location
    /// the order has been allocated to or shipped from.
    private static func suborderLocations(_ type: EventType, event: PlannedEventRow, details: JSONValue, orderId: Int64,
                                          on sql: any SQLDatabase) async throws -> [String] {
        switch type {
        case .orderAllocated: return OrderEvents.allocatedLocations(in: details)
        case .shipmentPacked: return event.location_code.map { [$0] } ?? []
        default:
            let history = try await sql.raw("""
                SELECT details AS document FROM events WHERE order_id = \(bind: orderId) AND event_type = 'ORDER_ALLOCATED'
                """).all(decoding: DocumentRow.self).flatMap {
                    OrderEvents.allocatedLocations(in: (try? JSONValue.parse($0.document)) ?? .null)
                }
            return Array(Set(history)).sorted()
        }
    }
}

/// The locations an external fulfilment system (EFS) fulfils, read once per planning pass, and only when a
/// partner takes order events.
private struct Fulfillers {
    private var efsByLocation: [String: String] = [:]

    init(partners: [String: OutboundConfig], on sql: any SQLDatabase) async throws {
        guard partners.values.contains(where: { $0.url(for: .orderEvents) != nil }) else { return }
        for row in try await sql.raw("SELECT code, efs_channel FROM locations WHERE efs_channel IS NOT NULL").all(decoding: FulfillerRow.self) {
            efsByLocation[row.code] = row.efs_channel
        }
    }

    /// The EFS channel that fulfils `location`, if any.
    func efs(of location: String) -> String? { efsByLocation[location] }
}

private struct FulfillerRow: Decodable { var code: String; var efs_channel: String? }
