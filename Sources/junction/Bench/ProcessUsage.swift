#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time and peak resident memory of this whole process (server and load generator together).
struct ProcessUsage: Sendable {
    /// User plus system CPU seconds so far.
    var cpuSeconds: Double
    /// Peak resident set size in kilobytes (`ru_maxrss`: KB on Linux, bytes on macOS, normalised here).
    var peakRSSKilobytes: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        #if canImport(Darwin)
        let rss = Int(usage.ru_maxrss) / 1024
        #else
        let rss = Int(usage.ru_maxrss)
        #endif
        return ProcessUsage(cpuSeconds: cpu, peakRSSKilobytes: rss)
    }
}
