import Foundation
import JunctionCore
import SQLKit

/// The tax rule book in force: the operator's own (kept in settings) or Junction's built-in one, so that a
/// rate change is a `PUT /master/tax-rules`, not a release.
public struct TaxRuleStore: Sendable {
    let database: any JunctionDatabase

    /// The book invoices are computed with.
    public func book() async throws -> TaxRuleBook {
        try await database.read { sql in try await Self.book(on: sql) }
    }

    /// Replaces the book with one read from JSON (see ``TaxRuleBook/init(json:)``); invoices already issued
    /// keep their figures.
    public func replace(json: Data) async throws -> TaxRuleBook {
        let book = try TaxRuleBook(json: json)
        let text = String(decoding: try book.json(), as: UTF8.self)
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO settings (name, value) VALUES ('tax_rules', \(bind: text))
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """).run()
        }
        return book
    }

    static func book(on sql: any SQLDatabase) async throws -> TaxRuleBook {
        guard let row = try await sql.raw("SELECT value AS document FROM settings WHERE name = 'tax_rules'")
            .first(decoding: DocumentRow.self) else { return .standard }
        return try TaxRuleBook(json: Data(row.document.utf8))
    }
}
