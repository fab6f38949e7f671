import Foundation
import JunctionCore
import SQLKit

/// The kinds of document Junction serves at `/documents/{token}`.
public enum DocumentKind: String, Sendable {
    case invoice = "INVOICE", label = "LABEL", manifest = "MANIFEST", handover = "HANDOVER"
}

/// Unguessable links to documents: a random 128-bit token per document, recorded with what it shows.
enum DocumentLinks {
    /// A fresh token, 32 hex digits from the system's secure generator.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.lowercaseHex
    }

    /// The absolute link to a document.
    static func url(base: String, token: String) -> String { "\(base)/documents/\(token)" }

    /// Records that each token shows its kind of document of `subject` (a shipment or dispatch batch id).
    static func record(_ links: [(token: String, kind: DocumentKind)], subject: Int64, on sql: any SQLDatabase) async throws {
        var rows = SQLValueRows(width: 4)
        let now = Clock.nowMillis()
        for (token, kind) in links { rows.append(token, kind.rawValue, subject, now) }
        try await sql.raw("INSERT INTO documents (token, kind, subject_id, created_at) VALUES \(rows)").run()
    }
}
