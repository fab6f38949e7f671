import Hummingbird
import JunctionCore
import JunctionStore

/// Warehouse steps (§5.6–5.9): picklists, packing with invoice and label, manifests and handovers.
struct FulfilmentRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        for path in ["/usp/picklist/create", "/picklists"] {
            router.post(RouterPath(path)) { request, context in
                let input = try await JSONBody.decode(PicklistInput.self, from: request, context: context)
                let id = try await junction.picklists.create(input, caller: try context.requireCaller())
                return try JSONBody.response(["pickListId": id])
            }
        }
        for path in ["/usp/picklist/add-order", "/picklists/add-order"] {
            router.post(RouterPath(path)) { request, context in
                let input = try await JSONBody.decode(PicklistInput.self, from: request, context: context)
                try await junction.picklists.addOrders(input, caller: try context.requireCaller())
                return JSONBody.empty
            }
        }
        router.post("/usp/order/pack") { request, context in
            let input = try await JSONBody.decode(PackInput.self, from: request, context: context)
            return try JSONBody.response(try await junction.shipments.pack(input, caller: try context.requireCaller()))
        }
        router.post("/usp/manifest") { request, context in
            let input = try await JSONBody.decode(DispatchInput.self, from: request, context: context)
            return try JSONBody.response(try await junction.shipments.manifest(input, caller: try context.requireCaller()))
        }
        for (path, combined) in [("/usp/handover", false), ("/ewms/push/usp/handover/combined", true)] {
            router.post(RouterPath(path)) { request, context in
                let input = try await JSONBody.decode(DispatchInput.self, from: request, context: context)
                return try JSONBody.response(try await junction.shipments.handover(input, caller: try context.requireCaller(),
                                                                                   combined: combined))
            }
        }
    }
}
