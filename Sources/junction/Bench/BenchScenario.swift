/// The workloads `junction bench` can run, in the order they run.
enum BenchScenario: String, CaseIterable, Codable, Sendable {
    /// Authenticate and decode an order, write nothing: the HTTP floor.
    case baseline
    /// Create 3-line orders on plentiful stock.
    case create
    /// Create 1-unit orders on 20 scarce SKUs until they run out, then check nothing was oversold.
    case hot
    /// 70 % creates, 10 % cancellations, 20 % reads.
    case mixed
    /// ATP reads of 1–3 SKUs.
    case atp
    /// `GET /orders/outward/{code}` of random orders from a history of `--orders` orders.
    case read
    /// Creates while the dispatcher delivers each order's sales posting to an ERP on loopback.
    case deliver
}
