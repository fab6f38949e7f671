import Hummingbird
import JunctionCore
import JunctionStore

/// `GET /events`: the replayable event log, paged by `messageId`.
struct EventRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.get("/events") { request, context in
            let query = request.uri.queryParameters
            var errors = FieldErrors()
            let after = query.get("after").map { Int64($0) } ?? 0
            if after == nil { errors.add("after", "must be a messageId") }
            let types = (query.get("types") ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            for type in types where EventType(rawValue: type) == nil { errors.add("types", "unknown event type \(type)") }
            let limit = query.get("limit").flatMap { Int($0) } ?? 100
            try errors.throwIfAny()
            let events = try await junction.events.page(after: after!, types: types, limit: limit,
                                                        caller: try context.requireCaller())
            return try JSONBody.response(EventPage(events: events, lastMessageId: events.last?.messageId ?? after!))
        }
    }
}

struct EventPage: Encodable {
    var events: [StoredEvent]
    var lastMessageId: Int64
}
