import Hummingbird
import JunctionCore
import JunctionStore

/// Articles (§3.8), listings (§3.5–3.7, §5.2) and vendors (§3.9).
struct CatalogueRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.post("/master/articles") { request, context in
            try Self.requireMasterWriter(try context.requireCaller())
            let body = try await JSONBody.decode(ArticlesRequest.self, from: request, context: context)
            guard let inputs = body.articleMasters, !inputs.isEmpty else {
                throw DomainError.invalid("articleMasters", "at least one article is required")
            }
            guard inputs.count <= Limits.masterBatch else {
                throw DomainError.invalid("articleMasters", "at most \(Limits.masterBatch) articles per call, got \(inputs.count)")
            }
            var errors = FieldErrors()
            let articles = inputs.enumerated().compactMap { $0.element.validated("articleMasters[\($0.offset)]", into: &errors) }
            try errors.throwIfAny()
            let (created, unchanged) = try await junction.catalogue.createArticles(articles)
            return try JSONBody.response(["created": created, "unchanged": unchanged])
        }
        router.post("/master/articles/search") { request, context in
            _ = try context.requireCaller()
            let body = try await JSONBody.decode(CodesRequest.self, from: request, context: context)
            let codes = try body.validated(limit: Limits.masterBatch)
            return try JSONBody.response(["articleMasters": try await junction.catalogue.searchArticles(codes)])
        }
        router.post("/master/sku-listings") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.decode(ListingsRequest.self, from: request, context: context)
            let channel: String
            if case .partner(_, .erp) = caller, let named = body.channelName, !named.isEmpty {
                channel = named
            } else {
                channel = try caller.channel(named: body.channelName)
            }
            return try await createListings(channel: channel, body)
        }
        router.post("/master/sku-listings/channel") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.decode(ListingsRequest.self, from: request, context: context)
            return try await createListings(channel: try caller.channel(named: body.channelName), body)
        }
        router.post("/usp/listing/create") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.decode(ListingsRequest.self, from: request, context: context)
            return try await createListings(channel: try caller.channel(named: body.channelName), body)
        }
        router.patch("/push/skuListing") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.decode(ListingUpdateRequest.self, from: request, context: context)
            let channel = try caller.channel(named: body.channelId, field: "channelId")
            guard let updates = body.updateLisiting, !updates.isEmpty else {
                throw DomainError.invalid("updateLisiting", "at least one listing is required")
            }
            var errors = FieldErrors()
            for (index, update) in updates.enumerated() { errors.required(update.channelSkuCode, "updateLisiting[\(index)].channelSkuCode") }
            try errors.throwIfAny()
            let (success, failure) = try await junction.catalogue.updateListings(channel: channel, updates)
            return try JSONBody.response(["successList": success, "failureList": failure])
        }
        router.post("/master/vendors") { request, context in
            try Self.requireMasterWriter(try context.requireCaller())
            let body = try await JSONBody.decode(JSONValue.self, from: request, context: context)
            var errors = FieldErrors()
            let code = errors.required(body.field("vendorCode"), "vendorCode")
            errors.required(body.field("name"), "name")
            try errors.throwIfAny()
            try await junction.catalogue.createVendor(code: code!, document: body)
            return JSONBody.empty
        }
        router.post("/master/vendors/:vendorCode/locations") { request, context in
            try Self.requireMasterWriter(try context.requireCaller())
            let vendor = try context.parameters.require("vendorCode")
            let body = try await JSONBody.decode(JSONValue.self, from: request, context: context)
            var errors = FieldErrors()
            let location = errors.required(body.field("vendorLocationCode"), "vendorLocationCode")
            try errors.throwIfAny()
            try await junction.catalogue.createVendorLocation(vendor: vendor, location: location!, document: body)
            return JSONBody.empty
        }
    }

    private func createListings(channel: String, _ body: ListingsRequest) async throws -> Response {
        guard let listings = body.skuListings, !listings.isEmpty else {
            throw DomainError.invalid("skuListings", "at least one listing is required")
        }
        guard listings.count <= Limits.masterBatch else {
            throw DomainError.invalid("skuListings", "at most \(Limits.masterBatch) listings per call, got \(listings.count)")
        }
        var errors = FieldErrors()
        for (index, listing) in listings.enumerated() {
            errors.required(listing.channelSkuCode, "skuListings[\(index)].channelSkuCode")
            if (listing.barcode ?? listing.clientSkuCode ?? "").isEmpty {
                errors.add("skuListings[\(index)].barcode", "barcode or clientSkuCode is required")
            }
        }
        try errors.throwIfAny()
        _ = try await junction.masters.channel(named: channel)
        return try JSONBody.response(try await junction.catalogue.createListings(channel: channel, listings))
    }

    /// SKU and vendor masters come from the admin or an ERP.
    static func requireMasterWriter(_ caller: Caller) throws {
        if case .partner(let name, let type) = caller, type != .erp {
            throw DomainError.forbidden("\(name) is a \(type.rawValue) partner; masters come from the admin or an ERP")
        }
    }
}

struct ArticlesRequest: Decodable { var articleMasters: [ArticleInput]? }
struct ListingsRequest: Decodable {
    var channelName: String?
    var skuListings: [ListingInput]?
}
struct ListingUpdateRequest: Decodable {
    /// Increff puts the channel *name* in `channelId`.
    var channelId: String?
    var updateLisiting: [ListingUpdateInput]?
}
struct CodesRequest: Decodable {
    var channelSkuCodes: [String]?

    func validated(limit: Int) throws -> [String] {
        guard let codes = channelSkuCodes, !codes.isEmpty else {
            throw DomainError.invalid("channelSkuCodes", "at least one code is required")
        }
        guard codes.count <= limit else {
            throw DomainError.invalid("channelSkuCodes", "at most \(limit) codes per call, got \(codes.count)")
        }
        return codes
    }
}

extension JSONValue {
    /// The text of a top-level field of an object.
    func field(_ name: String) -> String? {
        if case .object(let fields) = self { return fields[name]?.stringValue }
        return nil
    }
}
