import SQLKit

/// Messages that wait behind an earlier undelivered message of their sequence (the rest of an order while
/// its first posting is retried or FAILED, or a location's later ATP pushes) are set aside, so that claims
/// do not look at them again and again: a partner down for hours can have tens of thousands of them, and
/// every claim used to read them all, on SQLite in the one writer's transaction.
///
/// A claim sets aside the waiting messages that have become due by moving their next attempt
/// ``setAsideMillis`` ahead; when a message is delivered, the next one of its sequence is due at once. A
/// message set aside is looked at again when that time comes (and set aside again if it still waits), which
/// also bounds how long one can be held up should a wake-up be missed (two PostgreSQL processes claiming and
/// recording at the same moment).
enum WaitingMessages {
    /// How far ahead a waiting message's next look is moved.
    static let setAsideMillis: Int64 = 60_000

    /// The condition that the message `d` waits: an earlier message of its sequence to the same partner is
    /// not delivered yet. Messages of a sequence go one at a time, in order.
    static let waitsBehindAnEarlierOne: SQLQueryString = """
        EXISTS (SELECT 1 FROM deliveries e WHERE e.partner = d.partner AND e.sequence_key = d.sequence_key
                AND e.id < d.id AND e.status <> 'DELIVERED')
        """

    /// Moves the next attempt of every due, never-attempted message that waits behind an earlier one.
    static func setAside(now: Int64, skipLocked: SQLQueryString, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE deliveries SET next_attempt_at = \(bind: now + setAsideMillis)
            WHERE id IN (SELECT d.id FROM deliveries d
                         WHERE d.status = 'PENDING' AND d.next_attempt_at <= \(bind: now)
                           AND \(waitsBehindAnEarlierOne)\(skipLocked))
            """).run()
    }

    /// Makes due now the message after each of `delivered` in its sequence, if it was set aside.
    static func wakeNext(after delivered: [Int64], now: Int64, on sql: any SQLDatabase) async throws {
        for chunk in delivered.chunked(500) {
            try await sql.raw("""
                UPDATE deliveries SET next_attempt_at = \(bind: now)
                WHERE status = 'PENDING' AND next_attempt_at > \(bind: now)
                  AND id IN (SELECT (SELECT MIN(f.id) FROM deliveries f
                                     WHERE f.partner = h.partner AND f.sequence_key = h.sequence_key AND f.id > h.id
                                       AND f.status <> 'DELIVERED')
                             FROM deliveries h WHERE h.id IN (\(binds: Array(chunk))))
                """).run()
        }
    }
}
