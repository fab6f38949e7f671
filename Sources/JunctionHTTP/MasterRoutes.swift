import Foundation
import Hummingbird
import JunctionCore
import JunctionStore

/// Locations, partners, attribute definitions (admin), articles, listings and vendors.
struct MasterRoutes {
    let junction: Junction

    func register(on router: Router<AppContext>) {
        router.post("/master/locations") { request, context in
            try context.requireCaller().requireAdmin()
            let body = try await JSONBody.decode(LocationsRequest.self, from: request, context: context)
            var errors = FieldErrors()
            guard let inputs = body.locations, !inputs.isEmpty else { throw DomainError.invalid("locations", "at least one location is required") }
            let locations = inputs.enumerated().compactMap { Location.validate($0.element, "locations[\($0.offset)]", into: &errors) }
            try errors.throwIfAny()
            return try JSONBody.response(LocationsResponse(locations: try await junction.masters.upsertLocations(locations)))
        }
        router.get("/master/locations") { _, context in
            _ = try context.requireCaller()
            return try JSONBody.response(LocationsResponse(locations: try await junction.masters.locations()))
        }
        router.post("/master/channels") { request, context in
            try context.requireCaller().requireAdmin()
            let input = try await JSONBody.decode(ChannelInput.self, from: request, context: context).validate()
            let issued = try await junction.masters.createChannel(name: input.name, type: input.type,
                                                                  locationCodes: input.locations, outbound: input.outbound)
            return try JSONBody.response(issued, status: .created)
        }
        router.get("/master/channels") { _, context in
            try context.requireCaller().requireAdmin()
            return try JSONBody.response(["channels": try await junction.masters.channels()])
        }
        router.put("/master/channels/:channelName/outbound") { request, context in
            try context.requireCaller().requireAdmin()
            let outbound = try await JSONBody.decode(JSONValue.self, from: request, context: context)
            return try JSONBody.response(try await junction.masters.replaceOutbound(
                of: try context.parameters.require("channelName"), with: outbound))
        }
        router.get("/master/channels/:channelName") { _, context in
            let caller = try context.requireCaller()
            let name = try context.parameters.require("channelName")
            if !caller.isAdmin && caller.partnerName != name { throw DomainError.notFound("no channel \(name)") }
            return try JSONBody.response(try await junction.masters.channel(named: name))
        }
        router.put("/master/custom-attributes") { request, context in
            try context.requireCaller().requireAdmin()
            let definitions = try await JSONBody.decode(AttributeDefinitionsInput.self, from: request, context: context).validate()
            try await junction.masters.putAttributeDefinitions(definitions)
            return try JSONBody.response(try await definitionsBody())
        }
        router.get("/master/custom-attributes") { _, context in
            _ = try context.requireCaller()
            return try JSONBody.response(try await definitionsBody())
        }
        router.put("/master/tax-rules") { request, context in
            try context.requireCaller().requireAdmin()
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let book = try await junction.taxRules.replace(json: Data(buffer: body))
            return JSONBody.raw(try book.json())
        }
        router.get("/master/tax-rules") { _, context in
            _ = try context.requireCaller()
            return JSONBody.raw(try await junction.taxRules.book().json())
        }
        CatalogueRoutes(junction: junction).register(on: router)
    }

    private func definitionsBody() async throws -> AttributeDefinitionsBody {
        let definitions = try await junction.masters.attributeDefinitions()
        func sorted(_ level: AttributeLevel) -> [AttributeDefinition] {
            (definitions[level] ?? [:]).values.sorted { Int($0.key.dropFirst(9)) ?? 0 < Int($1.key.dropFirst(9)) ?? 0 }
        }
        return AttributeDefinitionsBody(orderAttributes: sorted(.order), itemAttributes: sorted(.item))
    }
}

struct LocationsRequest: Decodable { var locations: [LocationInput]? }
struct LocationsResponse: Encodable { var locations: [Location] }
struct AttributeDefinitionsBody: Encodable {
    var orderAttributes: [AttributeDefinition]
    var itemAttributes: [AttributeDefinition]
}
