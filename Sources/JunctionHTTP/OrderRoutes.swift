import HTTPTypes
import Hummingbird
import JunctionCore
import JunctionStore

/// Outward orders (§1.1–1.7, §5.5) and Junction's order reads.
struct OrderRoutes {
    let junction: Junction
    private static let prefer = HTTPField.Name("Prefer")!

    func register(on router: Router<AppContext>) {
        router.post("/orders/outward") { request, context in
            let input = try await JSONBody.decode(OutwardOrderInput.self, from: request, context: context)
            let orderId = try await junction.orders.create(input, caller: try context.requireCaller())
            return try await createdAnswer(orderId, request: request)
        }
        router.post("/orders/outward/partner-code") { request, context in
            let input = try await JSONBody.decode(OutwardOrderInput.self, from: request, context: context)
            let orderId = try await junction.orders.create(input, caller: try context.requireCaller(), variant: .partnerCode)
            return try await createdAnswer(orderId, request: request)
        }
        router.post("/orders/outward/list") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.decode(OrderListRequest.self, from: request, context: context)
            guard let orders = body.outwardOrderClientFormList, !orders.isEmpty else {
                throw DomainError.invalid("outwardOrderClientFormList", "at least one order is required")
            }
            let created = await junction.orders.create(orders, caller: caller)
            let views = try await junction.orders.views(orderIds: created.compactMap { try? $0.get() })
            let results = try zip(orders, created).map { input, outcome in
                do {
                    let orderId = try outcome.get()
                    guard let order = views[orderId] else { throw DomainError.notFound("no order with id \(orderId)") }
                    return OrderListResult(orderCode: order.orderCode, status: "SUCCESS", httpStatus: 200, order: order, error: nil)
                } catch {
                    guard let answer = APIError(error) else { throw error }
                    return OrderListResult(orderCode: input.orderCode, status: "FAILED", httpStatus: Int(answer.status.code),
                                           order: nil, error: .init(answer))
                }
            }
            return try JSONBody.response(["results": results])
        }
        router.put("/orders/outward/attributes/:orderCode") { request, context in
            let input = try await JSONBody.decode(OrderAttributesInput.self, from: request, context: context)
            return try JSONBody.response(try await junction.orders.updateAttributes(
                code: try context.parameters.require("orderCode"), input, caller: try context.requireCaller()))
        }
        router.put("/orders/:orderCode/cancel") { request, context in
            let input = try await JSONBody.decode(CancelOrderInput.self, from: request, context: context)
            return try JSONBody.response(try await junction.orders.cancel(
                code: try context.parameters.require("orderCode"), input, caller: try context.requireCaller()))
        }
        router.put("/usp/order/cancel") { request, context in
            let input = try await JSONBody.decode(CancelOrderInput.self, from: request, context: context)
            var errors = FieldErrors()
            let code = errors.required(input.orderCode, "orderCode")
            try errors.throwIfAny()
            _ = try await junction.orders.cancel(code: code!, input, caller: try context.requireCaller(), by: .seller)
            return JSONBody.empty
        }
        router.post("/orders/:orderCode/seller-cancel") { request, context in
            let caller = try context.requireCaller()
            try caller.requireAdmin()
            let input = try await JSONBody.decode(CancelOrderInput.self, from: request, context: context)
            try input.requireReason()
            return try JSONBody.response(try await junction.orders.cancel(
                code: try context.parameters.require("orderCode"), input, caller: caller, by: .seller))
        }
        router.put("/orders/:orderCode/delivered") { request, context in
            let input = try await JSONBody.decode(DeliveredInput.self, from: request, context: context)
            try await junction.shipments.deliver(orderCode: try context.parameters.require("orderCode"), input,
                                                 caller: try context.requireCaller())
            return JSONBody.empty
        }
        router.put("/orders/:orderCode") { request, context in
            let input = try await JSONBody.decode(OrderPropertiesInput.self, from: request, context: context)
            return try JSONBody.response(try await junction.orders.updateProperties(
                code: try context.parameters.require("orderCode"), input, caller: try context.requireCaller()))
        }
        router.get("/orders/outward/:orderCode") { request, context in
            try JSONBody.response(try await junction.orders.view(
                code: try context.parameters.require("orderCode"),
                channelName: request.uri.queryParameters.get("channelName"), caller: try context.requireCaller()))
        }
        router.get("/orders/outward") { request, context in
            let query = request.uri.queryParameters
            var errors = FieldErrors()
            let from = parseTime(query.get("from"), "from", required: false, into: &errors)
            let to = parseTime(query.get("to"), "to", required: false, into: &errors)
            let cursor = query.get("cursor").flatMap { Int64($0) }
            if query.get("cursor") != nil && cursor == nil { errors.add("cursor", "is not a cursor this API gave") }
            let limit = query.get("limit").flatMap { Int($0) } ?? 100
            if let status = query.get("status"), OrderStatus(rawValue: status) == nil {
                errors.add("status", "must be one of \(OrderStatus.spelledOut)")
            }
            try errors.throwIfAny()
            let filter = OrderFilter(status: query.get("status"), channelName: query.get("channelName"),
                                     locationCode: query.get("locationCode"), from: from, to: to, cursor: cursor, limit: limit)
            return try JSONBody.response(try await junction.orders.list(filter, caller: try context.requireCaller()))
        }
        router.get("/search/order") { request, context in
            var errors = FieldErrors()
            let code = errors.required(request.uri.queryParameters.get("orderCode"), "orderCode")
            try errors.throwIfAny()
            return try JSONBody.response(try await junction.orders.search(
                code: code!, locationCode: request.uri.queryParameters.get("locationCode"), caller: try context.requireCaller()))
        }
    }

    /// Increff answers an order creation with 200 and an empty body; a client that sends
    /// `Prefer: return=representation` gets the stored order instead.
    private func createdAnswer(_ orderId: Int64, request: Request) async throws -> Response {
        guard request.headers[Self.prefer]?.contains("return=representation") == true else { return JSONBody.empty }
        return try JSONBody.response(try await junction.orders.view(orderId: orderId))
    }
}

struct OrderListRequest: Decodable { var outwardOrderClientFormList: [OutwardOrderInput]? }

struct OrderListResult: Encodable {
    struct Failure: Encodable {
        var code: String
        var message: String
        var errors: [FieldError]
        init(_ error: APIError) { code = error.code; message = error.message; errors = error.errors }
    }
    var orderCode: String?
    var status: String
    var httpStatus: Int
    var order: OrderView?
    var error: Failure?
}
