/// When a failed message is tried again: exponential backoff from a base delay, doubled per attempt and
/// capped at an hour, with full jitter on the upper half (a delay d becomes a random value in [d/2, d]) so
/// that many messages failing together do not return together; after the horizon the message is FAILED.
public struct RetryPolicy: Sendable, Hashable {
    public var baseSeconds: Double
    public var horizonSeconds: Int
    public static let maximumDelaySeconds = 3600.0

    public init(baseSeconds: Double = OutboundConfig.defaultRetryBaseSeconds,
                horizonSeconds: Int = OutboundConfig.defaultRetryHorizonSeconds) {
        self.baseSeconds = baseSeconds; self.horizonSeconds = horizonSeconds
    }

    public init(_ config: OutboundConfig) {
        self.init(baseSeconds: config.retryBaseSeconds ?? OutboundConfig.defaultRetryBaseSeconds,
                  horizonSeconds: config.retryHorizonSeconds ?? OutboundConfig.defaultRetryHorizonSeconds)
    }

    /// Milliseconds to wait after failed attempt number `attempt` (from 1); `unit` in [0, 1] is the jitter.
    public func delayMillis(afterAttempt attempt: Int, unit: Double) -> Int64 {
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let full = min(baseSeconds * pow2(exponent), Self.maximumDelaySeconds)
        return Int64((full / 2 + full / 2 * min(max(unit, 0), 1)) * 1000)
    }

    /// Whether a message first tried at `firstMillis` may be tried again at `nextMillis`.
    public func allowsRetry(firstMillis: Int64, nextMillis: Int64) -> Bool {
        nextMillis - firstMillis <= Int64(horizonSeconds) * 1000
    }

    private func pow2(_ exponent: Double) -> Double { (0..<Int(exponent)).reduce(1.0) { value, _ in value * 2 } }
}

/// How a partner's answer is read (§0.3): a 2xx whose body does not say `"hasError": true` is delivered; a
/// 401 asks for fresh credentials; anything else, or no answer, is tried again later.
public enum DeliveryOutcome: Sendable, Hashable {
    case delivered
    case unauthorized
    case failed(String)

    public static func of(status: Int?, body: String, error: String? = nil) -> DeliveryOutcome {
        guard let status else { return .failed(error ?? "no answer") }
        if status == 401 { return .unauthorized }
        let flagged = (try? JSONValue.parse(body)).map { value -> Bool in
            if case .object(let fields) = value, case .bool(true)? = fields["hasError"] { return true }
            return false
        } ?? false
        if (200..<300).contains(status) && !flagged { return .delivered }
        return .failed(flagged ? "hasError: true (HTTP \(status))" : "HTTP \(status)")
    }
}
