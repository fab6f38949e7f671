import PostgresNIO

/// A statement PostgreSQL keeps parsed (and, once its plan settles, planned) under a name on every connection
/// that runs it, so that running it again sends only its values.
///
/// PostgresNIO prepares and remembers named statements per connection, but asks for the text as a static
/// property of a type; Junction composes its statements, so the text, the name and the parameters' types
/// are handed over in a task-local for the length of the call (PostgresNIO reads them there, before the
/// statement is sent). The name is a hash of the text and the parameters' types: the same text bound with
/// other types is another statement, as it would be unnamed.
///
/// A named statement can fail for good on its connection where an unnamed one would work again later:
/// PostgresNIO remembers a failure to prepare under the name (say, a table another process has not created
/// yet), and PostgreSQL refuses a kept statement whose result columns a migration has changed. So a
/// statement whose named run fails runs again unnamed, and the connection is closed after the read (see
/// ``NamedStatementOutcome``): what it kept goes with it.
struct PostgresNamedStatement: PostgresPreparedStatement {
    /// What PostgresNIO reads as the type's static properties.
    struct Text: Sendable {
        var name: String
        var sql: String
        var types: [PostgresDataType]

        init(sql: String, types: [PostgresDataType]) {
            let signature = sql + "\u{0}" + types.map { String($0.rawValue) }.joined(separator: ",")
            self.name = "j" + sha256Hex(signature).prefix(32)
            self.sql = sql
            self.types = types
        }
    }

    @TaskLocal static var text = Text(sql: "", types: [])

    static var name: String { text.name }
    static var sql: String { text.sql }
    static var bindingDataTypes: [PostgresDataType] { text.types }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
