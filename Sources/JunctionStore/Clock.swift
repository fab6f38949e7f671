import Foundation

/// Wall-clock time in the units Junction stores (epoch milliseconds).
enum Clock {
    static func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
