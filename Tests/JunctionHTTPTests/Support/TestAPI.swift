import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JunctionCore
import JunctionHTTP
import JunctionStore
import NIOCore
import Testing

/// Credentials a test request is sent with.
struct Credential: Sendable {
    var username: String
    var password: String
    static let anonymous = Credential(username: "", password: "")
}

/// A JSON answer: status and body.
struct Answer: Sendable {
    var status: Int
    var json: JSONValue
    var text: String
}

/// Talks HTTP to the real Junction router, as partners would.
struct TestAPI: Sendable {
    let client: any TestClientProtocol
    let junction: Junction
    let admin: Credential

    /// Sends a request; with `representation` (the default) creations answer the stored order instead of
    /// Increff's empty body, so tests can read what was created.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, as credential: Credential? = nil, json: String? = nil,
              representation: Bool = true) async throws -> Answer {
        let credential = credential ?? admin
        var headers: HTTPFields = [.contentType: "application/json"]
        if representation { headers[HTTPField.Name("Prefer")!] = "return=representation" }
        if !credential.username.isEmpty {
            headers[HTTPField.Name("authUsername")!] = credential.username
            headers[HTTPField.Name("authPassword")!] = credential.password
        }
        return try await client.execute(uri: uri, method: method, headers: headers,
                                        body: json.map { ByteBuffer(string: $0) }) { response in
            let text = String(buffer: response.body)
            let json = text.isEmpty ? JSONValue.null : (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
            return Answer(status: Int(response.status.code), json: json, text: text)
        }
    }

    func post(_ uri: String, as credential: Credential? = nil, _ json: String) async throws -> Answer {
        try await call(.post, uri, as: credential, json: json)
    }

    func put(_ uri: String, as credential: Credential? = nil, _ json: String) async throws -> Answer {
        try await call(.put, uri, as: credential, json: json)
    }

    /// Fetches a document without credentials: status, content type and bytes.
    func download(_ uri: String) async throws -> (status: Int, contentType: String?, data: Data) {
        try await client.execute(uri: uri, method: .get, headers: [:], body: nil) { response in
            (Int(response.status.code), response.headers[.contentType], Data(buffer: response.body))
        }
    }

    func get(_ uri: String, as credential: Credential? = nil) async throws -> Answer {
        try await call(.get, uri, as: credential)
    }
}

/// Runs `body` against a fresh Junction on `backend`, through its router.
func withAPI<T: Sendable>(_ backend: TestBackend, _ body: @Sendable (TestAPI) async throws -> T) async throws -> T {
    let junction = try await backend.openJunction()
    let password = "test-admin-password"
    _ = try await junction.authenticator.prepareAdmin(password: password)
    let app = Application(router: buildRouter(junction: junction))
    do {
        let result = try await app.test(.router) { client in
            try await body(TestAPI(client: client, junction: junction, admin: Credential(username: "admin", password: password)))
        }
        await junction.shutdown()
        return result
    } catch {
        await junction.shutdown()
        throw error
    }
}

/// Field names of a 400 answer.
func fieldNames(_ answer: Answer) -> [String] {
    answer.json["errors"].array.compactMap { $0["field"].string }
}

extension JSONValue {
    subscript(key: String) -> JSONValue {
        if case .object(let fields) = self { return fields[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> JSONValue {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    var array: [JSONValue] { if case .array(let items) = self { return items } else { return [] } }
    var string: String? { if case .string(let text) = self { return text } else { return nil } }
    var int: Int? { if case .number(let number) = self { return Int(number) } else { return nil } }
    var number: Double? { if case .number(let number) = self { return number } else { return nil } }
    var bool: Bool? { if case .bool(let flag) = self { return flag } else { return nil } }
}
