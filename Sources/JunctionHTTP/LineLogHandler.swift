import Foundation
import Logging

/// Writes log lines (to standard error unless given another sink) in swift-log's stream format (`time level
/// label: key=value [source] message`), formatting metadata only when a line is written.
///
/// swift-log's own stream handler formats all of a logger's metadata again each time one item is set.
/// Hummingbird sets the request id on every request's logger, so at the `info` level, where a request logs
/// nothing, that formatting was ~2 % of the server's CPU per request (a profile of `baseline`: the
/// metadata setter fell from 2.1 % of samples to 0.7 %).
public struct LineLogHandler: LogHandler {
    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    /// Where each finished line goes (standard error unless given).
    private let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.write = write
        metadataProvider = LoggingSystem.metadataProvider
    }

    /// Makes every logger the process creates from now on write through this handler.
    public static func bootstrap() {
        LoggingSystem.bootstrap { LineLogHandler(label: $0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, provided in provided } }
        if let explicit = event.metadata { fields.merge(explicit) { _, explicit in explicit } }
        if let error = event.error {
            fields["error.message"] = "\(error)"
            fields["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let pretty = fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        write("\(Self.timestamp()) \(event.level) \(label):\(pretty) [\(event.source)] \(event.message)\n")
    }

    /// Local time to the second with its offset, as swift-log's stream handler writes it.
    private static func timestamp() -> String {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
