import Foundation

/// At most `width` sends at once to one host, as many as the HTTP client keeps connections to it, so a
/// message waits for a connection here, before its answer timeout starts, rather than in the client's
/// queue with its timeout running. Waiters go in the order they came.
actor HostGates {
    private let width: Int
    private var sending: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(width: Int) {
        precondition(width > 0, "a gate lets at least one send through")
        self.width = width
    }

    /// Waits for a free place among `host`'s sends and takes it.
    func enter(_ host: String) async {
        guard sending[host, default: 0] >= width else {
            sending[host, default: 0] += 1
            return
        }
        // `leave` hands its place over to the first waiter, so the count stays as it is.
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    /// Gives the place back, to the first waiter if there is one.
    func leave(_ host: String) {
        if let next = waiting[host]?.first {
            waiting[host]!.removeFirst()
            if waiting[host]!.isEmpty { waiting[host] = nil }
            next.resume()
        } else {
            sending[host, default: 1] -= 1
            if sending[host] == 0 { sending[host] = nil }
        }
    }

    /// What the HTTP client pools connections by: scheme, host and port of `url`.
    static func key(of url: String) -> String {
        guard let parsed = URLComponents(string: url) else { return url }
        return "\(parsed.scheme ?? "")://\(parsed.host ?? ""):\(parsed.port.map(String.init) ?? "")"
    }
}
