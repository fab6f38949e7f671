/// Request latencies in log-linear microsecond buckets: exact below 128 µs, then 128 buckets per power
/// of two (under 1 % error), so workers record without allocating and histograms merge by addition.
struct LatencyHistogram: Sendable {
    private static let subBuckets = 128
    private static let bucketCount = subBuckets * 40
    private var counts = [UInt64](repeating: 0, count: bucketCount)
    private(set) var total: UInt64 = 0

    /// Counts one request that took `nanoseconds`.
    mutating func record(nanoseconds: UInt64) {
        counts[Self.index(of: max(nanoseconds / 1_000, 1))] += 1
        total += 1
    }

    /// Adds another worker's counts.
    mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        total += other.total
    }

    /// The latency in milliseconds below which `fraction` (0...1) of the requests fell; 0 when empty.
    func percentile(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, UInt64((Double(total) * fraction).rounded(.up)))
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if seen >= rank { return Self.midpointMicros(of: index) / 1_000 }
        }
        return Self.midpointMicros(of: counts.count - 1) / 1_000
    }

    private static func index(of micros: UInt64) -> Int {
        guard micros >= UInt64(subBuckets) else { return Int(micros) }
        let shift = (63 - micros.leadingZeroBitCount) - 7
        let top = Int(micros >> UInt64(shift))
        return min(subBuckets + shift * subBuckets + (top - subBuckets), bucketCount - 1)
    }

    private static func midpointMicros(of index: Int) -> Double {
        guard index >= subBuckets else { return Double(index) }
        let shift = (index - subBuckets) / subBuckets
        let top = subBuckets + (index - subBuckets) % subBuckets
        return Double(top << shift) + Double(1 << shift) / 2
    }
}
