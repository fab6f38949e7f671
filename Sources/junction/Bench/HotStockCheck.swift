import JunctionStore
import SQLKit

/// After the hot scenario, checks through the database that nothing was oversold: no inventory row
/// reserves more than it holds, and the hot SKUs allocated exactly what they could, namely all their
/// stock (or everything ordered, if fewer units were ordered than there were).
struct HotStockCheck: Sendable, Codable {
    /// Inventory rows where reserved exceeds on hand (should be 0).
    var oversoldRows: Int
    var hotStock: Int
    var hotOrdered: Int
    var hotAllocated: Int
    var hotReserved: Int
    /// What should have been allocated: per SKU, the smaller of its stock and the units ordered.
    var expectedAllocated: Int

    var passed: Bool { oversoldRows == 0 && hotAllocated == expectedAllocated && hotReserved == expectedAllocated }

    static func run(_ junction: Junction) async throws -> HotStockCheck {
        let codes = (0..<BenchCatalogue.hotCount).map(BenchCatalogue.hotArticleCode)
        return try await junction.database.read { sql in
            let oversold = try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM inventory WHERE reserved > on_hand")
                .first(decoding: CountRow.self)?.n ?? -1
            let rows = try await sql.raw("""
                SELECT
                  CAST((SELECT COALESCE(SUM(i.on_hand), 0) FROM inventory i WHERE i.article_id = a.id) AS BIGINT) AS stock,
                  CAST((SELECT COALESCE(SUM(i.reserved), 0) FROM inventory i WHERE i.article_id = a.id) AS BIGINT) AS reserved,
                  CAST((SELECT COALESCE(SUM(l.quantity - l.cancelled), 0) FROM order_lines l WHERE l.article_id = a.id) AS BIGINT) AS ordered,
                  CAST((SELECT COALESCE(SUM(al.units), 0) FROM allocations al JOIN order_lines l
                        ON l.order_id = al.order_id AND l.line_no = al.line_no WHERE l.article_id = a.id) AS BIGINT) AS allocated
                FROM articles a WHERE a.channel_sku_code IN (\(binds: codes))
                """).all(decoding: HotRow.self)
            return HotStockCheck(oversoldRows: oversold, hotStock: rows.map(\.stock).reduce(0, +),
                                 hotOrdered: rows.map(\.ordered).reduce(0, +), hotAllocated: rows.map(\.allocated).reduce(0, +),
                                 hotReserved: rows.map(\.reserved).reduce(0, +),
                                 expectedAllocated: rows.map { min($0.stock, $0.ordered) }.reduce(0, +))
        }
    }

    /// One line for the report.
    var summary: String {
        let verdict = passed ? "passed" : "FAILED"
        return "hot stock check \(verdict): \(oversoldRows) oversold rows; hot stock \(hotStock), ordered \(hotOrdered), "
            + "allocated \(hotAllocated), reserved \(hotReserved), expected allocated \(expectedAllocated)"
    }
}

private struct CountRow: Decodable { var n: Int }
private struct HotRow: Decodable { var stock: Int; var reserved: Int; var ordered: Int; var allocated: Int }
