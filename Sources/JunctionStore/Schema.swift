import SQLKit

/// The schema, as numbered migrations applied in order and recorded in `schema_migrations`.
///
/// Types are chosen to mean the same on both engines: integers are BIGINT (money in paise, times in epoch
/// milliseconds, flags as 0/1), text is TEXT, JSON documents are TEXT. `{{id}}` becomes each engine's
/// auto-increment primary key.
enum Schema {
    static let migrations: [(version: Int, statements: [String])] = [
        (1, [
            "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE locations (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, location_type TEXT NOT NULL, state TEXT,
                gstin TEXT, priority BIGINT NOT NULL, efs_channel TEXT, document TEXT NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE channels (
                name TEXT PRIMARY KEY, channel_type TEXT NOT NULL, auth_username TEXT NOT NULL UNIQUE,
                secret_hash TEXT NOT NULL, outbound TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE channel_locations (
                channel_name TEXT NOT NULL, location_code TEXT NOT NULL, PRIMARY KEY (channel_name, location_code))
            """,
            """
            CREATE TABLE attribute_definitions (
                level TEXT NOT NULL, attr_key TEXT NOT NULL, document TEXT NOT NULL, PRIMARY KEY (level, attr_key))
            """,
            """
            CREATE TABLE articles (
                id {{id}}, channel_sku_code TEXT NOT NULL UNIQUE, client_sku_id TEXT NOT NULL,
                barcode TEXT NOT NULL, kind TEXT NOT NULL, document TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX articles_barcode ON articles (barcode)",
            "CREATE INDEX articles_client_sku ON articles (client_sku_id)",
            """
            CREATE TABLE article_components (
                parent_id BIGINT NOT NULL, child_id BIGINT NOT NULL, quantity BIGINT NOT NULL,
                PRIMARY KEY (parent_id, child_id))
            """,
            "CREATE INDEX article_components_child ON article_components (child_id)",
            """
            CREATE TABLE listings (
                channel_name TEXT NOT NULL, channel_sku_code TEXT NOT NULL, article_id BIGINT NOT NULL,
                channel_serial_no TEXT, tolerance_days BIGINT, created_at BIGINT NOT NULL,
                PRIMARY KEY (channel_name, channel_sku_code))
            """,
            """
            CREATE TABLE vendors (
                code TEXT PRIMARY KEY, document TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE vendor_locations (
                vendor_code TEXT NOT NULL, location_code TEXT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (vendor_code, location_code))
            """,
            """
            CREATE TABLE inventory (
                location_code TEXT NOT NULL, article_id BIGINT NOT NULL, on_hand BIGINT NOT NULL,
                reserved BIGINT NOT NULL, buffer BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                PRIMARY KEY (location_code, article_id))
            """,
            "CREATE INDEX inventory_article ON inventory (article_id)",
            """
            CREATE TABLE orders (
                id {{id}}, channel_name TEXT NOT NULL, order_code TEXT NOT NULL, status TEXT NOT NULL,
                order_type TEXT NOT NULL, is_priority BIGINT NOT NULL, on_hold BIGINT NOT NULL,
                order_time BIGINT NOT NULL, requested_location TEXT, is_split_required BIGINT NOT NULL,
                request_hash TEXT NOT NULL, document TEXT NOT NULL, grand_total BIGINT NOT NULL,
                created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                UNIQUE (channel_name, order_code))
            """,
            "CREATE INDEX orders_code ON orders (order_code)",
            "CREATE INDEX orders_waiting ON orders (is_priority, order_time) WHERE status = 'UNALLOCATED'",
            "CREATE INDEX orders_channel_time ON orders (channel_name, created_at, id)",
            "CREATE INDEX orders_status_time ON orders (status, created_at, id)",
            """
            CREATE TABLE order_lines (
                order_id BIGINT NOT NULL, line_no BIGINT NOT NULL, order_item_code TEXT NOT NULL,
                channel_sku_code TEXT NOT NULL, article_id BIGINT NOT NULL, quantity BIGINT NOT NULL,
                cancelled BIGINT NOT NULL, selling_price BIGINT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (order_id, line_no))
            """,
            "CREATE INDEX order_lines_article ON order_lines (article_id)",
            """
            CREATE TABLE allocations (
                order_id BIGINT NOT NULL, line_no BIGINT NOT NULL, location_code TEXT NOT NULL,
                units BIGINT NOT NULL, PRIMARY KEY (order_id, line_no, location_code))
            """,
            "CREATE INDEX allocations_location ON allocations (location_code)",
            """
            CREATE TABLE events (
                id {{id}}, message_id BIGINT UNIQUE, event_type TEXT NOT NULL, aggregate_type TEXT NOT NULL,
                aggregate_code TEXT NOT NULL, order_id BIGINT, channel_name TEXT, location_code TEXT,
                reason TEXT NOT NULL, details TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX events_pending ON events (id) WHERE message_id IS NULL",
            "CREATE INDEX events_order ON events (order_id, id)",
            "CREATE INDEX events_channel ON events (channel_name, message_id)",
        ]),
        (2, [
            """
            CREATE TABLE picklists (
                id {{id}}, code TEXT, channel_name TEXT NOT NULL, location_code TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE picklist_orders (
                picklist_id BIGINT NOT NULL, order_id BIGINT NOT NULL, PRIMARY KEY (picklist_id, order_id))
            """,
            "CREATE UNIQUE INDEX picklist_orders_order ON picklist_orders (order_id)",
        ]),
        (3, [
            """
            CREATE TABLE shipments (
                id {{id}}, shipment_code TEXT NOT NULL, order_id BIGINT NOT NULL, channel_name TEXT NOT NULL,
                location_code TEXT NOT NULL, status TEXT NOT NULL, fulfillment_type TEXT NOT NULL, request_key TEXT NOT NULL,
                document TEXT NOT NULL, invoice_code TEXT NOT NULL UNIQUE, invoice_date BIGINT NOT NULL,
                transporter TEXT NOT NULL, awb_number TEXT NOT NULL, manifest_id BIGINT, handover_id BIGINT,
                delivered_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                UNIQUE (order_id, request_key), UNIQUE (order_id, shipment_code))
            """,
            "CREATE INDEX shipments_dispatch ON shipments (location_code, transporter, status)",
            """
            CREATE TABLE shipment_items (
                shipment_id BIGINT NOT NULL, line_no BIGINT NOT NULL, quantity BIGINT NOT NULL,
                PRIMARY KEY (shipment_id, line_no))
            """,
            """
            CREATE TABLE dispatch_batches (
                id {{id}}, kind TEXT NOT NULL, code TEXT NOT NULL UNIQUE, location_code TEXT NOT NULL,
                channel_name TEXT NOT NULL, transporter TEXT NOT NULL, document TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE TABLE number_series (series TEXT PRIMARY KEY, next_number BIGINT NOT NULL)",
            """
            CREATE TABLE documents (
                token TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_id BIGINT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "ALTER TABLE order_lines ADD COLUMN seller_cancelled BIGINT NOT NULL DEFAULT 0",
        ]),
        (4, [
            """
            CREATE TABLE deliveries (
                id {{id}}, partner TEXT NOT NULL, call TEXT NOT NULL, message_id BIGINT NOT NULL, event_type TEXT NOT NULL,
                sequence_key TEXT NOT NULL, url TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
                attempts BIGINT NOT NULL, first_attempt_at BIGINT, next_attempt_at BIGINT NOT NULL, lease_until BIGINT,
                last_status BIGINT, last_error TEXT, created_at BIGINT NOT NULL, delivered_at BIGINT,
                UNIQUE (partner, call, message_id, sequence_key))
            """,
            "CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at)",
            "CREATE INDEX deliveries_sequence ON deliveries (partner, sequence_key, id)",
            "INSERT INTO settings (name, value) VALUES ('delivery_cursor', '0')",
            "CREATE TABLE atp_dirty (location_code TEXT NOT NULL, article_id BIGINT NOT NULL, PRIMARY KEY (location_code, article_id))",
        ]),
        // The dispatcher claims the oldest messages still to send; without this index it walked every
        // delivered message in id order to find them.
        (5, ["CREATE INDEX deliveries_open ON deliveries (id) WHERE status IN ('PENDING', 'RETRYING')"]),
        // Creating an order wrote four index entries at random places (the code alone and each line's
        // article), about a third of the pages every create dirtied. Lines are found by article only to
        // allocate waiting orders, so only waiting orders' articles are kept, in a table of their own; an
        // order is found by code through the (channel, code) index, one channel after another.
        (6, [
            "CREATE TABLE waiting_lines (article_id BIGINT NOT NULL, order_id BIGINT NOT NULL, PRIMARY KEY (article_id, order_id))",
            "CREATE INDEX waiting_lines_order ON waiting_lines (order_id)",
            """
            INSERT INTO waiting_lines (article_id, order_id)
            SELECT DISTINCT l.article_id, l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'UNALLOCATED'
            """,
            "DROP INDEX order_lines_article",
            "DROP INDEX orders_code",
        ]),
        // Event numbers come from a counter row (see `EventLog`): one UPDATE waits for the previous taker's
        // commit and returns the last number, where an advisory lock and MAX(message_id) took two statements.
        (7, [
            "CREATE TABLE event_counter (id BIGINT PRIMARY KEY, last_message_id BIGINT NOT NULL)",
            "INSERT INTO event_counter (id, last_message_id) SELECT 1, COALESCE(MAX(message_id), 0) FROM events",
        ]),
    ]

    /// Applies the migrations not yet recorded. Safe to run from several processes at once on PostgreSQL
    /// (an advisory lock serializes them).
    static func migrate(_ database: any JunctionDatabase) async throws {
        try await database.write { sql in
            if database.kind == .postgres {
                try await sql.raw("SELECT pg_advisory_xact_lock(727001)").run()
            }
            try await sql.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
            let applied = Set(try await sql.raw("SELECT version FROM schema_migrations").all(decoding: VersionRow.self).map(\.version))
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    let ddl = statement.replacingOccurrences(
                        of: "{{id}}",
                        with: database.kind == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY")
                    try await sql.raw(SQLQueryString(ddl)).run()
                }
                try await sql.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: migration.version), \(bind: Clock.nowMillis()))").run()
            }
        }
    }
}

private struct VersionRow: Decodable { var version: Int }
