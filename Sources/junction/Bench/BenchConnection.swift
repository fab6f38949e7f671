import NIOCore
import NIOHTTP1
import NIOPosix

/// A server's answer to one call: its status and whole body.
struct BenchAnswer: Sendable {
    var status: Int
    var body: ByteBuffer
}

/// One keep-alive HTTP/1.1 connection to the server under test, carrying one call at a time on the load
/// generator's own event loop. It does no pooling, redirects, tracing or URL parsing: a general HTTP client
/// spends more CPU per call than a cheap route does, and here it would share the cores with the server.
struct BenchConnection: Sendable {
    private let channel: any Channel
    /// How long an answer may take before the call fails and the connection is closed.
    static let answerTimeout = TimeAmount.seconds(60)

    /// Opens a connection to `127.0.0.1:port` on `group`.
    static func open(port: Int, on group: any EventLoopGroup) async throws -> BenchConnection {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(BenchExchangeHandler())
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return BenchConnection(channel: channel)
    }

    /// Sends `head` (and `body`) and waits for the whole answer.
    func send(_ head: HTTPRequestHead, body: ByteBuffer?) async throws -> BenchAnswer {
        let answer = channel.eventLoop.makePromise(of: BenchAnswer.self)
        let timeout = channel.eventLoop.scheduleTask(in: Self.answerTimeout) { [channel] in
            answer.fail(BenchError("no answer within \(Self.answerTimeout.nanoseconds / 1_000_000_000) s"))
            channel.close(promise: nil)
        }
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { answer.fail($0) }
        channel.writeAndFlush(BenchExchange(head: head, body: body, answer: answer), promise: written)
        defer { timeout.cancel() }
        return try await answer.futureResult.get()
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close()
    }
}

/// A call on its way out, with the promise its answer completes.
struct BenchExchange: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    var answer: EventLoopPromise<BenchAnswer>
}

/// Writes a call's request parts and gathers the response parts into one ``BenchAnswer``.
private final class BenchExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = BenchExchange
    typealias OutboundOut = HTTPClientRequestPart

    private var pending: EventLoopPromise<BenchAnswer>?
    private var status = 0
    private var body = ByteBuffer()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        pending = exchange.answer
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            let answer = BenchAnswer(status: status, body: body)
            body = ByteBuffer()
            pending.take()?.succeed(answer)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        pending.take()?.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending.take()?.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}
