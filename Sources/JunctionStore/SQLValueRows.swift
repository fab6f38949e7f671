import SQLKit

/// Rows of bound values for `VALUES`, written as `(?, ?, …), (?, ?, …)` (numbered on PostgreSQL).
///
/// The hot inserts (a create batch's orders, lines, allocations and events: thousands of values) build
/// their rows here rather than as one `SQLQueryString` per row joined into a list: the values sit in one
/// array, and serializing writes each row in one pass instead of visiting a text fragment and a boxed bind
/// expression per value.
struct SQLValueRows: SQLExpression {
    /// Values per row.
    let width: Int
    private var values: [any Encodable & Sendable] = []

    init(width: Int) {
        precondition(width > 0, "a row has at least one value")
        self.width = width
    }

    /// Rows held.
    var count: Int { values.count / width }

    /// Adds a row of `width` values, in column order.
    mutating func append(_ row: any Encodable & Sendable...) {
        precondition(row.count == width, "a row of \(row.count) values where \(width) are expected")
        values.append(contentsOf: row)
    }

    /// The rows in runs of at most `rows` (each run one statement's `VALUES`).
    func chunked(_ rows: Int) -> [SQLValueRows] {
        guard count > rows else { return count == 0 ? [] : [self] }
        return values.chunked(rows * width).map { slice in
            var chunk = SQLValueRows(width: width)
            chunk.values = Array(slice)
            return chunk
        }
    }

    func serialize(to serializer: inout SQLSerializer) {
        for (index, value) in values.enumerated() {
            let column = index % width
            if column == 0 { serializer.write(index == 0 ? "(" : "), (") } else { serializer.write(", ") }
            serializer.write(bind: value)
        }
        if !values.isEmpty { serializer.write(")") }
    }
}
