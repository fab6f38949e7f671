import JunctionStore

/// Writes metrics in Prometheus' text exposition format.
enum PrometheusText {
    static func render(_ metrics: DeliveryMetrics) -> String {
        var lines = [
            "# HELP junction_deliveries Messages to partners, by partner and status.",
            "# TYPE junction_deliveries gauge",
        ]
        for partner in metrics.counts.keys.sorted() {
            for status in DeliveryStatus.allCases {
                lines.append("junction_deliveries{partner=\"\(escaped(partner))\",status=\"\(status.rawValue)\"} \(metrics.counts[partner]?[status] ?? 0)")
            }
        }
        lines += [
            "# HELP junction_delivery_lag_seconds Age of the oldest message to the partner not yet delivered.",
            "# TYPE junction_delivery_lag_seconds gauge",
        ]
        for partner in metrics.lagSeconds.keys.sorted() {
            lines.append("junction_delivery_lag_seconds{partner=\"\(escaped(partner))\"} \(metrics.lagSeconds[partner]!)")
        }
        lines += [
            "# HELP junction_outbox_unplanned_events Events not yet turned into messages.",
            "# TYPE junction_outbox_unplanned_events gauge",
            "junction_outbox_unplanned_events \(metrics.unplannedEvents)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
