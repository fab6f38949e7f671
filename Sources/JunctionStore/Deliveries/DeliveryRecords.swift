import JunctionCore
import SQLKit

/// Where a message to a partner stands.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its first attempt (or for an earlier message of its order).
    case pending = "PENDING"
    /// Failed at least once; tried again at `nextAttemptAt`.
    case retrying = "RETRYING"
    case delivered = "DELIVERED"
    /// Given up after the retry horizon; replayable.
    case failed = "FAILED"
}

/// One message to one partner, as `GET /deliveries` shows it.
public struct DeliveryView: Codable, Sendable, Hashable {
    public var id: Int64
    public var partner: String
    public var call: String
    public var messageId: Int64
    public var eventType: String
    public var sequenceKey: String
    public var url: String
    public var status: String
    public var attempts: Int
    public var firstAttemptAt: String?
    public var nextAttemptAt: String?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: String
    public var deliveredAt: String?
}

/// A message claimed for sending: what goes where.
public struct ClaimedDelivery: Sendable, Hashable {
    public var id: Int64
    public var partner: String
    public var call: OutboundCall
    public var url: String
    public var messageId: Int64
    public var payload: String
    public var attempts: Int
    public var firstAttemptAt: Int64
}

/// One attempt to send a claimed message, as it ended.
public struct DeliveryAttempt: Sendable {
    public var delivery: ClaimedDelivery
    public var outcome: DeliveryOutcome
    /// The partner's answer status; nil when there was no answer.
    public var httpStatus: Int?
    /// The partner's retry policy, which decides the next attempt of a failed one.
    public var policy: RetryPolicy

    public init(delivery: ClaimedDelivery, outcome: DeliveryOutcome, httpStatus: Int?, policy: RetryPolicy) {
        self.delivery = delivery; self.outcome = outcome; self.httpStatus = httpStatus; self.policy = policy
    }
}

struct DeliveryRow: Decodable, Sendable {
    var id: Int64
    var partner: String
    var call: String
    var message_id: Int64
    var event_type: String
    var sequence_key: String
    var url: String
    var payload: String
    var status: String
    var attempts: Int
    var first_attempt_at: Int64?
    var next_attempt_at: Int64
    var last_status: Int?
    var last_error: String?
    var created_at: Int64
    var delivered_at: Int64?

    static let columns: SQLQueryString = """
        id, partner, call, message_id, event_type, sequence_key, url, payload, status, attempts, first_attempt_at,
        next_attempt_at, last_status, last_error, created_at, delivered_at
        """

    var view: DeliveryView {
        let time = { (millis: Int64?) in millis.map { Timestamp(millis: $0).iso8601 } }
        let waiting = status == DeliveryStatus.pending.rawValue || status == DeliveryStatus.retrying.rawValue
        return DeliveryView(id: id, partner: partner, call: call, messageId: message_id, eventType: event_type,
                            sequenceKey: sequence_key, url: url, status: status, attempts: attempts,
                            firstAttemptAt: time(first_attempt_at), nextAttemptAt: waiting ? time(next_attempt_at) : nil,
                            lastStatus: last_status, lastError: last_error, createdAt: time(created_at)!,
                            deliveredAt: time(delivered_at))
    }
}
