import Hummingbird
import JunctionCore

/// `POST /bench/baseline`: authenticates (through the usual middleware), decodes an outward order and
/// answers 200 with a tiny body, writing nothing. `junction bench` compares order creation against it to
/// see what the store costs on top of HTTP, authentication and JSON decoding.
struct BaselineRoutes {
    func register(on router: Router<AppContext>) {
        router.post("/bench/baseline") { request, context in
            _ = try context.requireCaller()
            let order = try await JSONBody.decode(OutwardOrderInput.self, from: request, context: context)
            return try JSONBody.response(["lines": order.orderItems?.count ?? 0])
        }
    }
}
