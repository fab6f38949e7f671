import Foundation
import Hummingbird
import JunctionCore

/// An error answer in Increff's shape (`code`, `message`, `description`) plus Junction's `errors` list
/// naming each bad field.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var errors: [FieldError]

    static let unauthorized = APIError(status: .unauthorized, code: "UNAUTHORIZED",
                                       message: "authUsername and authPassword headers are missing or wrong", errors: [])

    static func badData(_ errors: [FieldError]) -> APIError {
        APIError(status: .badRequest, code: "BAD_DATA", message: "Input validation failed", errors: errors)
    }

    init(status: HTTPResponse.Status, code: String, message: String, errors: [FieldError]) {
        self.status = status; self.code = code; self.message = message; self.errors = errors
    }

    /// Maps a domain refusal or a body that cannot be decoded to its answer.
    init?(_ error: any Error) {
        switch error {
        case let error as APIError: self = error
        case DomainError.invalid(let errors): self = .badData(errors)
        case DomainError.notFound(let text): self.init(status: .notFound, code: "NOT_FOUND", message: text, errors: [])
        case DomainError.conflict(let text): self.init(status: .conflict, code: "CONFLICT", message: text, errors: [])
        case DomainError.invalidState(let text):
            self.init(status: .unprocessableContent, code: "INVALID_STATE", message: text, errors: [])
        case DomainError.forbidden(let text): self.init(status: .forbidden, code: "FORBIDDEN", message: text, errors: [])
        case let error as DecodingError: self = .badData([Self.fieldError(error)])
        default: return nil
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let description = errors.isEmpty ? message : "[" + errors.map { "\($0.field): \($0.message)" }.joined(separator: ", ") + "]"
        let body = ErrorBody(code: code, message: message, description: description, errors: errors)
        return try JSONBody.response(body, status: status)
    }

    /// Names the field a decoding error is about (`orderItems[2].quantity`).
    static func fieldError(_ error: DecodingError) -> FieldError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return FieldError(path(context.codingPath), "has the wrong type (expected \(Self.name(of: type)))")
        case .valueNotFound(let type, let context):
            return FieldError(path(context.codingPath), "must not be null (expected \(Self.name(of: type)))")
        case .keyNotFound(let key, let context):
            return FieldError(path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            return FieldError(path(context.codingPath),
                              context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription)
        @unknown default:
            return FieldError("body", "cannot be read")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is Double.Type, is Decimal.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let text = String(describing: type)
            return text.hasPrefix("Array") ? "an array" : (text.hasPrefix("Dictionary") ? "an object" : "an object")
        }
    }
}

private struct ErrorBody: Encodable {
    var code: String
    var message: String
    var description: String
    var errors: [FieldError]
}

/// Turns domain errors thrown by handlers into their HTTP answers; anything unexpected is logged and
/// answered 500 without detail.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            throw error
        } catch {
            if let answer = APIError(error) { throw answer }
            context.logger.error("unexpected error on \(request.method) \(request.uri.path): \(error)")
            throw APIError(status: .internalServerError, code: "INTERNAL_ERROR", message: "internal error", errors: [])
        }
    }
}
