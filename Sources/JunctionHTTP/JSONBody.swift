import Foundation
import JunctionCore
import Hummingbird
import NIOCore

/// Reading request bodies and writing JSON answers.
enum JSONBody {
    /// Decodes the body as `T`; a malformed body becomes a 400 naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIError.badData([.init("body", "a JSON body is required")]) }
        do {
            return try CompactJSONDecoder.decode(T.self, from: Array(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.badData([APIError.fieldError(error)])
        }
    }

    /// A JSON answer.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try CompactJSONEncoder.bytes(value))))
    }

    /// JSON already encoded.
    static func raw(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An empty 200, as Increff answers most push calls.
    static var empty: Response { Response(status: .ok) }
}
