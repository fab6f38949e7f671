import JunctionCore
import SQLKit

/// Who may work a location's warehouse (picklists, packing, manifests, handovers): the admin, or the EFS
/// that fulfils it.
enum WarehouseAccess {
    /// Throws 400 for an unknown location and 403 for a partner that does not fulfil it.
    static func require(_ caller: Caller, at location: String, on sql: any SQLDatabase) async throws {
        guard let row = try await sql.raw("SELECT code, efs_channel FROM locations WHERE code = \(bind: location)")
            .first(decoding: LocationOperatorRow.self) else { throw DomainError.invalid("locationCode", "no location \(location)") }
        guard case .partner(let name, _) = caller else { return }
        if row.efs_channel != name { throw DomainError.forbidden("\(name) does not fulfil location \(location)") }
    }
}

private struct LocationOperatorRow: Decodable { var code: String; var efs_channel: String? }
