import AsyncHTTPClient
import Foundation
import JunctionCore
import NIOCore

/// The headers Junction sends each partner: the configured ones, overlaid with those its Get Credential
/// endpoint (§0.2) last returned. Fresh credentials are fetched after a 401 and kept for this process.
actor PartnerCredentials {
    private var refreshed: [String: [String: String]] = [:]
    private let client: HTTPClient

    init(client: HTTPClient) { self.client = client }

    func headers(for partner: String, config: OutboundConfig) -> [String: String] {
        (config.headers ?? [:]).merging(refreshed[partner] ?? [:]) { _, fresh in fresh }
    }

    /// Calls the partner's Get Credential URL (a GET answered by a flat JSON map of header to value) and
    /// keeps the answer; false when the partner has none or it fails.
    func refresh(_ partner: String, config: OutboundConfig) async -> Bool {
        guard let url = config.getCredentialUrl else { return false }
        var request = HTTPClientRequest(url: url)
        for (name, value) in config.headers ?? [:] { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: .seconds(45))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok,
                  case .object(let fields) = try JSONValue.parse(String(buffer: body)) else { return false }
            refreshed[partner] = fields.compactMapValues { value in
                switch value {
                case .string(let text): return text
                case .number(let number): return number == number.rounded() ? String(Int64(number)) : String(number)
                default: return nil
                }
            }
            return true
        } catch {
            return false
        }
    }
}
