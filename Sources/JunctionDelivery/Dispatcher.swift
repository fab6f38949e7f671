import AsyncHTTPClient
import Foundation
import JunctionCore
import JunctionStore
import Logging
import NIOCore
import ServiceLifecycle

/// Delivers the outbox: plans messages from the event log, claims due ones, sends them to partners and
/// records each outcome, until the service is shut down. Delivery is at least once: a message is marked
/// delivered only after its partner's 2xx, so a crash in between sends it again with the same `messageId`.
public struct Dispatcher: Service {
    let junction: Junction
    let client: HTTPClient
    let logger: Logger
    /// How long an idle dispatcher waits before looking again.
    let idleMillis: Int64
    /// Messages in flight at once (claimed, not yet recorded), to all partners together. At most
    /// ``connectionsPerHost`` of them are being sent to one host; the rest wait their turn, claimed, with
    /// their answer timeout not yet started.
    let batchSize: Int
    /// The shortest time between two rounds of ATP pushes.
    let atpIntervalMillis: Int64
    static let timeout = TimeAmount.seconds(45)

    /// An HTTP client for deliveries: 5 s to connect, so an unreachable partner fails fast and is retried later,
    /// and ``connectionsPerHost`` connections to one host.
    public static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: timeout))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Connections the client keeps to one host, and so sends to one host at once (a client given to the
    /// dispatcher should keep as many).
    static let connectionsPerHost = 8

    /// The client dispatchers share unless given one; it lives as long as the process.
    public static let sharedClient = makeClient()
    /// A claimed message is another process's to send for this long (longer than the timeout).
    static let leaseMillis: Int64 = 60_000
    /// Events turned into messages by one planning pass (one transaction).
    static let planningLimit = 500

    /// `client` should give up connecting well within the 45 s answer timeout (see ``makeClient()``).
    public init(junction: Junction, client: HTTPClient = Dispatcher.sharedClient, logger: Logger, idleMillis: Int64 = 200, batchSize: Int = 128,
                atpIntervalMillis: Int64 = 1000) {
        self.junction = junction; self.client = client; self.logger = logger
        self.idleMillis = idleMillis; self.batchSize = batchSize; self.atpIntervalMillis = atpIntervalMillis
    }

    public func run() async throws {
        let credentials = PartnerCredentials(client: client)
        let recorder = AttemptRecorder(deliveries: junction.deliveries, logger: logger)
        let gates = HostGates(width: Self.connectionsPerHost)
        let inFlight = InFlight()
        try await junction.deliveries.releaseStaleLeases()
        await withDiscardingTaskGroup { group in
            group.addTask { await planUntilCancelled() }
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                do {
                    let free = await inFlight.room(of: batchSize)
                    let claimed = try await junction.deliveries.claim(limit: free, leaseMillis: Self.leaseMillis)
                    if !claimed.isEmpty {
                        let configs = try await junction.deliveries.partnerConfigs()
                        for delivery in claimed {
                            await inFlight.add()
                            let config = configs[delivery.partner] ?? OutboundConfig()
                            group.addTask {
                                await deliver(delivery, config: config, credentials: credentials, gates: gates, recorder: recorder)
                                await inFlight.remove()
                            }
                        }
                    }
                    // Fewer due than there was room for: nothing more is due now, so wait a little.
                    if claimed.count < free { try await Task.sleep(for: .milliseconds(idleMillis)) }
                } catch is CancellationError {
                    break
                } catch {
                    logger.error("delivery round failed: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            group.cancelAll()
        }
    }

    /// Plans new events into messages, beside the sending, so that neither waits for the other; ATP pushes
    /// are planned at most every `atpIntervalMillis`, so that bursts of changes to a SKU coalesce into its
    /// latest quantity. A pass that found events is followed by the next at once: what arrived meanwhile
    /// makes its batch.
    private func planUntilCancelled() async {
        var lastAtp: ContinuousClock.Instant?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let planned = try await junction.deliveries.plan(limit: Self.planningLimit)
                if lastAtp.map({ ContinuousClock.now - $0 >= .milliseconds(atpIntervalMillis) }) ?? true {
                    lastAtp = .now
                    try await junction.deliveries.flushAtp()
                }
                if planned == 0 { try await Task.sleep(for: .milliseconds(idleMillis)) }
            } catch is CancellationError {
                break
            } catch {
                logger.error("delivery planning failed: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func deliver(_ delivery: ClaimedDelivery, config: OutboundConfig, credentials: PartnerCredentials,
                         gates: HostGates, recorder: AttemptRecorder) async {
        let host = HostGates.key(of: delivery.url)
        let gatedSend = {
            await gates.enter(host)
            let answer = await send(delivery, config: config, credentials: credentials)
            await gates.leave(host)
            return answer
        }
        var (outcome, status) = await gatedSend()
        if outcome == .unauthorized, await credentials.refresh(delivery.partner, config: config) {
            (outcome, status) = await gatedSend()
        }
        await recorder.record(DeliveryAttempt(delivery: delivery, outcome: outcome, httpStatus: status, policy: RetryPolicy(config)))
    }

    private func send(_ delivery: ClaimedDelivery, config: OutboundConfig,
                      credentials: PartnerCredentials) async -> (DeliveryOutcome, Int?) {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .init(rawValue: delivery.call.method)
        for (name, value) in await credentials.headers(for: delivery.partner, config: config) {
            request.headers.replaceOrAdd(name: name, value: value)
        }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "X-Junction-Message-Id", value: String(delivery.messageId))
        if let secret = config.signingSecret {
            let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
            request.headers.replaceOrAdd(name: MessageSigner.timestampHeader, value: String(timestamp))
            request.headers.replaceOrAdd(name: MessageSigner.signatureHeader,
                                         value: MessageSigner.signature(secret: secret, timestamp: timestamp, body: delivery.payload))
        }
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(config.timeout * 1000)))
            let body = try await response.body.collect(upTo: 1 << 20)
            let status = Int(response.status.code)
            return (DeliveryOutcome.of(status: status, body: String(buffer: body)), status)
        } catch {
            return (.failed("no answer: \(error)"), nil)
        }
    }
}

/// How many messages this process is sending.
actor InFlight {
    private var count = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func add() { count += 1 }

    func remove() {
        count -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    /// Waits until at least a quarter of `capacity` is free (so claims come in batches, not one by one)
    /// and returns how many more messages may start.
    func room(of capacity: Int) async -> Int {
        while capacity - count < max(1, capacity / 4) {
            await withCheckedContinuation { waiters.append($0) }
        }
        return capacity - count
    }
}
