import Foundation
import JunctionHTTP
import Logging
import Synchronization
import Testing

@Suite struct LineLogHandlerTests {
    /// Lines a handler wrote, in order.
    private final class Lines: Sendable {
        let written = Mutex<[String]>([])
    }

    @Test func writesSwiftLogsStreamFormatWithMetadataSortedAndOnlyAtItsLevel() throws {
        let lines = Lines()
        var logger = Logger(label: "junction") { label in
            LineLogHandler(label: label) { line in lines.written.withLock { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "7"
        logger[metadataKey: "channel"] = "MP"
        logger.debug("not written at info")
        logger.info("order created", metadata: ["orderCode": "ORD-1", "channel": "WEB"])
        logger[metadataKey: "hb.request.id"] = nil
        logger.warning("plain")
        let written = lines.written.withLock { $0 }
        #expect(written.count == 2)
        let stamp = #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}"#
        #expect(written[0].wholeMatch(of: try Regex(
            stamp + #" info junction: channel=WEB hb.request.id=7 orderCode=ORD-1 \[JunctionHTTPTests\] order created\n"#)) != nil,
                "\(written[0])")
        #expect(written[1].wholeMatch(of: try Regex(stamp + #" warning junction: channel=MP \[JunctionHTTPTests\] plain\n"#)) != nil,
                "\(written[1])")
    }
}
