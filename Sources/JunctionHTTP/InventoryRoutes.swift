import Hummingbird
import JunctionCore
import JunctionStore

/// Absolute stock updates (§3.1, §5.3) and ATP search (§3.2).
struct InventoryRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.put("/updateInventories") { request, context in
            let caller = try context.requireCaller()
            let entries = try await JSONBody.decode(StoreInventoryInput.self, from: request, context: context).validate()
            return try JSONBody.response(try await junction.inventory.setAbsolute(entries, caller: caller))
        }
        router.put("/usp/inventories/absolute") { request, context in
            let caller = try context.requireCaller()
            let entries = try await JSONBody.decode(EFSInventoryInput.self, from: request, context: context).validate()
            let result = try await junction.inventory.setAbsolute(entries, caller: caller)
            return try JSONBody.response(EFSInventoryResponse(
                successProducts: result.successList.map { .init(channelSkuCode: $0.channelSkuCode, quantity: $0.quantity, errorMessage: nil) },
                failureProducts: result.failureList.map { .init(channelSkuCode: $0.channelSkuCode, quantity: $0.quantity, errorMessage: $0.errorMessage) }))
        }
        router.post("/inventories/search-sku") { request, context in
            let caller = try context.requireCaller()
            let codes = try await JSONBody.decode(CodesRequest.self, from: request, context: context).validated(limit: Limits.masterBatch)
            return try JSONBody.response(try await junction.inventory.search(codes, caller: caller))
        }
    }
}

struct EFSInventoryResponse: Encodable {
    struct Product: Encodable {
        var channelSkuCode: String
        var quantity: Int
        var errorMessage: String?
    }
    var successProducts: [Product]
    var failureProducts: [Product]
}
