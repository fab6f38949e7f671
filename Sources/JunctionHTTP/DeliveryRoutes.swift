import Hummingbird
import JunctionCore
import JunctionStore

/// `GET /deliveries` and `POST /deliveries/{id}/replay`: every outbound message and its last attempt.
/// A partner sees its own; the admin sees all and replays failed ones.
struct DeliveryRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.get("/deliveries") { request, context in
            let caller = try context.requireCaller()
            let query = request.uri.queryParameters
            var errors = FieldErrors()
            let status = query.get("status").flatMap { text -> DeliveryStatus? in
                guard let status = DeliveryStatus(rawValue: text.uppercased()) else {
                    errors.add("status", "must be one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                return status
            }
            let before = query.get("before").flatMap { Int64($0) }
            if query.get("before") != nil && before == nil { errors.add("before", "must be a delivery id") }
            try errors.throwIfAny()
            var partner = query.get("partner")
            if let own = caller.partnerName {
                if let partner, partner != own { throw DomainError.forbidden("credentials of \(own) cannot read deliveries of \(partner)") }
                partner = own
            }
            return try JSONBody.response(["deliveries": try await junction.deliveries.list(
                status: status, partner: partner, before: before, limit: query.get("limit").flatMap { Int($0) } ?? 100)])
        }
        router.post("/deliveries/:id/replay") { _, context in
            try context.requireCaller().requireAdmin()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound("no such delivery") }
            return try JSONBody.response(try await junction.deliveries.replay(id: id))
        }
    }
}
