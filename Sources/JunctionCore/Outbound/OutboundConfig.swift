import Foundation

/// The calls Junction makes to partners, each to its own configured URL.
public enum OutboundCall: String, Sendable, Codable, CaseIterable {
    /// ERP sales postings (OUTWARD_ORDER_CREATE … SHIPMENT_DELIVER).
    case salesPosting
    /// EFS outward order events (§5.4).
    case orderEvents
    /// Marketplace acknowledgement (§4.1).
    case acknowledgement
    /// Marketplace seller cancellation (§4.7).
    case sellerCancellation
    /// Location-wise ATP (§3.3).
    case locationAtp
    /// Consolidated ATP (§3.4).
    case consolidatedAtp

    /// The HTTP method of the call: postings and events are POSTed, the marketplace calls PUT (§3.3–3.4, §4.1, §4.7).
    public var method: String {
        switch self {
        case .salesPosting, .orderEvents: return "POST"
        case .acknowledgement, .sellerCancellation, .locationAtp, .consolidatedAtp: return "PUT"
        }
    }
}

/// How Junction reaches a partner (`outbound` of `POST /master/channels`): a URL per call it implements,
/// the headers sent on every call, an optional Get Credential URL (§0.2) called after a 401, an optional
/// secret for an HMAC-SHA256 signature, which events it receives, how often, and for how long a
/// message is retried.
public struct OutboundConfig: Codable, Sendable, Hashable {
    public var urls: [String: String]?
    public var headers: [String: String]?
    public var getCredentialUrl: String?
    public var signingSecret: String?
    /// The event types received (posting types such as `OUTWARD_ORDER_CREATE`); nil or empty: all.
    public var events: [String]?
    /// Seconds between batched sends; 0 or nil sends at once.
    public var batchSeconds: Int?
    /// How long a message is retried before it is FAILED (default one day).
    public var retryHorizonSeconds: Int?
    /// The first retry's delay; each next one doubles (default 5 seconds).
    public var retryBaseSeconds: Double?
    /// How long Junction waits for an answer (default and most 45 seconds, §0.4).
    public var timeoutSeconds: Double?

    public init() {}

    public static let defaultRetryHorizonSeconds = 86_400
    public static let defaultRetryBaseSeconds = 5.0
    public static let maximumTimeoutSeconds = 45.0

    /// The answer timeout in force.
    public var timeout: Double { timeoutSeconds ?? Self.maximumTimeoutSeconds }

    /// The URL of a call, when the partner implements it.
    public func url(for call: OutboundCall) -> String? { urls?[call.rawValue] }

    /// Whether the partner receives events of `type`.
    public func receives(_ type: String) -> Bool { (events ?? []).isEmpty || events!.contains(type) }

    /// Reads and checks an `outbound` object, naming every bad field under `outbound.`.
    public static func validate(_ value: JSONValue) throws -> OutboundConfig {
        let config: OutboundConfig
        do {
            config = try JSONDecoder().decode(OutboundConfig.self, from: try JSONEncoder().encode(value))
        } catch {
            throw DomainError.invalid("outbound", "is not an outbound configuration (urls and headers are maps of text)")
        }
        var errors = FieldErrors()
        for (key, url) in (config.urls ?? [:]).sorted(by: { $0.key < $1.key }) {
            if OutboundCall(rawValue: key) == nil {
                errors.add("outbound.urls.\(key)", "must be one of \(OutboundCall.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            checkURL(url, "outbound.urls.\(key)", into: &errors)
        }
        if let url = config.getCredentialUrl { checkURL(url, "outbound.getCredentialUrl", into: &errors) }
        if let seconds = config.batchSeconds, !(0...86_400).contains(seconds) {
            errors.add("outbound.batchSeconds", "must be from 0 to 86400")
        }
        if let seconds = config.retryHorizonSeconds, !(1...(30 * 86_400)).contains(seconds) {
            errors.add("outbound.retryHorizonSeconds", "must be from 1 to 2592000 (30 days)")
        }
        if let seconds = config.retryBaseSeconds, !(seconds > 0 && seconds <= 3600) {
            errors.add("outbound.retryBaseSeconds", "must be more than 0 and at most 3600")
        }
        if let seconds = config.timeoutSeconds, !(seconds > 0 && seconds <= maximumTimeoutSeconds) {
            errors.add("outbound.timeoutSeconds", "must be more than 0 and at most 45")
        }
        if let secret = config.signingSecret, secret.count < 16 { errors.add("outbound.signingSecret", "must be at least 16 characters") }
        try errors.throwIfAny()
        return config
    }

    private static func checkURL(_ text: String, _ field: String, into errors: inout FieldErrors) {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            errors.add(field, "must be an http or https URL")
            return
        }
    }
}
