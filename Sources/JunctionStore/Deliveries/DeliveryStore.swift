import JunctionCore
import SQLKit

/// The outbox's delivery side: messages planned from the event log, claimed for sending, and the outcome
/// of every attempt; also `GET /deliveries` and replay.
public struct DeliveryStore: Sendable {
    let database: any JunctionDatabase
    /// Prefix of document links in the payloads.
    let documentBaseURL: String

    /// Deliveries, newest first, filtered by status and partner; `before` pages on from the last id seen.
    public func list(status: DeliveryStatus?, partner: String?, before: Int64?, limit: Int) async throws -> [DeliveryView] {
        var conditions: [SQLQueryString] = []
        if let status { conditions.append("status = \(bind: status.rawValue)") }
        if let partner { conditions.append("partner = \(bind: partner)") }
        if let before { conditions.append("id < \(bind: before)") }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try await database.read { sql in
            try await sql.raw("SELECT \(DeliveryRow.columns) FROM deliveries \(filter) ORDER BY id DESC LIMIT \(bind: Int64(min(max(limit, 1), 1000)))")
                .all(decoding: DeliveryRow.self).map(\.view)
        }
    }

    /// Sends a FAILED message again, with the same `messageId` and payload, from now on.
    public func replay(id: Int64) async throws -> DeliveryView {
        try await database.write { sql in
            guard let row = try await sql.raw("SELECT \(DeliveryRow.columns) FROM deliveries WHERE id = \(bind: id)")
                .first(decoding: DeliveryRow.self) else { throw DomainError.notFound("no delivery \(id)") }
            guard row.status == DeliveryStatus.failed.rawValue else {
                throw DomainError.invalidState("delivery \(id) is \(row.status); only FAILED deliveries are replayed")
            }
            return try await sql.raw("""
                UPDATE deliveries SET status = \(bind: DeliveryStatus.pending.rawValue), attempts = 0, first_attempt_at = NULL,
                    next_attempt_at = \(bind: Clock.nowMillis()), lease_until = NULL
                WHERE id = \(bind: id) RETURNING \(DeliveryRow.columns)
                """).first(decoding: DeliveryRow.self)!.view
        }
    }

    /// Claims up to `limit` due messages for `leaseMillis`: the oldest first, and only the first undelivered
    /// message of each partner and order, so that an order's messages arrive in order while a stuck order
    /// holds up no other. On PostgreSQL, processes claim disjoint sets (`FOR UPDATE SKIP LOCKED`). Due
    /// messages that wait behind an earlier one are set aside first (see ``WaitingMessages``).
    public func claim(limit: Int, leaseMillis: Int64) async throws -> [ClaimedDelivery] {
        let skipLocked: SQLQueryString = database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let anyDue = try await database.read { sql in
            try await sql.raw("""
                SELECT id FROM deliveries WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= \(bind: Clock.nowMillis())
                LIMIT 1
                """).first(decoding: IdRow.self) != nil
        }
        guard anyDue else { return [] }
        return try await database.write { sql in
            let now = Clock.nowMillis()
            try await WaitingMessages.setAside(now: now, skipLocked: skipLocked, on: sql)
            let due = try await sql.raw("""
                SELECT \(DeliveryRow.columns) FROM deliveries d
                WHERE d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= \(bind: now)
                  AND (d.lease_until IS NULL OR d.lease_until < \(bind: now))
                  AND NOT \(WaitingMessages.waitsBehindAnEarlierOne)
                ORDER BY d.id LIMIT \(literal: limit)\(skipLocked)
                """).all(decoding: DeliveryRow.self)
            guard !due.isEmpty else { return [] }
            let ids = SQLQueryString(due.map { String($0.id) }.joined(separator: ", "))
            try await sql.raw("""
                UPDATE deliveries SET lease_until = \(bind: now + leaseMillis), attempts = attempts + 1,
                    first_attempt_at = COALESCE(first_attempt_at, \(bind: now))
                WHERE id IN (\(ids))
                """).run()
            return due.map {
                ClaimedDelivery(id: $0.id, partner: $0.partner, call: OutboundCall(rawValue: $0.call) ?? .salesPosting, url: $0.url, messageId: $0.message_id, payload: $0.payload,
                                attempts: $0.attempts + 1, firstAttemptAt: $0.first_attempt_at ?? now)
            }
        }
    }

    /// Frees the claims a crashed run left behind where that is safe: on SQLite this process is the only
    /// one, so every lease is stale; on PostgreSQL another process may hold them, so they run out instead.
    public func releaseStaleLeases() async throws {
        guard database.kind == .sqlite else { return }
        try await database.write { sql in
            try await sql.raw("UPDATE deliveries SET lease_until = NULL WHERE lease_until IS NOT NULL").run()
        }
    }

    /// Records the outcomes of attempts, in one transaction: each message delivered, or retried after its
    /// policy's delay, or FAILED once the next attempt would fall past the horizon. Delivered messages with
    /// the same answer status are marked by one statement.
    public func record(_ attempts: [DeliveryAttempt]) async throws {
        guard !attempts.isEmpty else { return }
        let now = Clock.nowMillis()
        let deliveredAttempts = attempts.filter { $0.outcome == .delivered }
        let delivered = Dictionary(grouping: deliveredAttempts, by: \.httpStatus)
        try await database.write { sql in
            try await WaitingMessages.wakeNext(after: deliveredAttempts.map(\.delivery.id), now: now, on: sql)
            for (httpStatus, group) in delivered.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
                for chunk in group.map(\.delivery.id).chunked(500) {
                    try await sql.raw("""
                        UPDATE deliveries SET status = \(bind: DeliveryStatus.delivered.rawValue), delivered_at = \(bind: now),
                            last_status = \(bind: httpStatus), last_error = NULL, lease_until = NULL
                        WHERE id IN (\(binds: Array(chunk)))
                        """).run()
                }
            }
            for attempt in attempts where attempt.outcome != .delivered {
                let reason: String
                if case .failed(let text) = attempt.outcome { reason = text } else { reason = "HTTP 401 after refreshing credentials" }
                let policy = attempt.policy, delivery = attempt.delivery
                let next = now + policy.delayMillis(afterAttempt: delivery.attempts, unit: Double.random(in: 0...1))
                let status: DeliveryStatus = policy.allowsRetry(firstMillis: delivery.firstAttemptAt, nextMillis: next) ? .retrying : .failed
                try await sql.raw("""
                    UPDATE deliveries SET status = \(bind: status.rawValue), next_attempt_at = \(bind: next),
                        last_status = \(bind: attempt.httpStatus), last_error = \(bind: String(reason.prefix(500))), lease_until = NULL
                    WHERE id = \(bind: delivery.id)
                    """).run()
            }
        }
    }
}

extension DeliveryStore {
    /// Every partner's outbound configuration, secrets included, for the dispatcher.
    public func partnerConfigs() async throws -> [String: OutboundConfig] {
        try await database.read { sql in try await Self.partnerConfigs(on: sql) }
    }

    static func partnerConfigs(on sql: any SQLDatabase) async throws -> [String: OutboundConfig] {
        var configs: [String: OutboundConfig] = [:]
        for row in try await sql.raw("SELECT name, channel_type, outbound FROM channels").all(decoding: PartnerRow.self) {
            configs[row.name] = (try? OutboundConfig.validate(try JSONValue.parse(row.outbound))) ?? OutboundConfig()
        }
        return configs
    }
}

struct PartnerRow: Decodable { var name: String; var channel_type: String; var outbound: String }
