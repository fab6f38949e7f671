import JunctionStore
import Logging

/// Records the outcomes of attempts in batches, as group commit does: the first outcome to arrive is
/// written at once, and those that arrive while a batch is being written wait and go together in the
/// next. Each caller returns once its own outcome is written (or failed to be), so the dispatcher's
/// count of messages in flight still covers the recording. The caller that found nothing being written
/// writes the batches that gather after its own, until none is waiting (under steady load its slot stays
/// taken meanwhile).
actor AttemptRecorder {
    private let deliveries: DeliveryStore
    private let logger: Logger
    private var waiting: [(attempt: DeliveryAttempt, written: CheckedContinuation<Void, Never>)] = []
    private var writing = false

    init(deliveries: DeliveryStore, logger: Logger) {
        self.deliveries = deliveries
        self.logger = logger
    }

    func record(_ attempt: DeliveryAttempt) async {
        guard !writing else {
            await withCheckedContinuation { waiting.append((attempt, $0)) }
            return
        }
        writing = true
        var batch = [attempt]
        var written: [CheckedContinuation<Void, Never>] = []
        while true {
            do {
                try await deliveries.record(batch)
            } catch {
                // Unrecorded messages stay claimed until their lease runs out, then go again (at least once).
                logger.error("could not record deliveries \(batch.map(\.delivery.id)): \(error)")
            }
            written.forEach { $0.resume() }
            guard !waiting.isEmpty else { break }
            batch = waiting.map(\.attempt)
            written = waiting.map(\.written)
            waiting = []
        }
        writing = false
    }
}
