import GRDB

/// Stock per bin and batch, counts and reservations (migration `v4-inventory-bins`).
///
/// How stock per location is kept — the decision, in one place:
/// - The `stock_levels` row with empty `bin` and `batch` stays the **warehouse total** of a
///   product (on hand and allocated), as in `v2-inventory`, so every warehouse-level query,
///   reorder rule and the stock matrix keep reading one row per product and warehouse.
/// - Rows with a bin or a batch (or both) are the **detail**: the stock in that bin and batch.
/// - Stock booked without bin and batch is the warehouse's *unassigned* stock; it has no row
///   of its own and is the total minus the detail rows. So, per product and warehouse,
///   `total = unassigned + Σ detail` always holds, and each booking changes the total and the
///   one location it touches in the same transaction.
/// - Ledger rows carry their `bin` and `batch`: the sum of a location's rows is its on-hand
///   quantity, the sum of a warehouse's rows its total. Cost pools stay per warehouse.
/// - A bin is known at a warehouse once stock was received or moved into it (a detail row
///   exists, possibly at zero); `stock_levels_by_bin` answers that and lists the bins.
///
/// Added columns of `stock_movements` (appending columns does not touch the append-only
/// triggers): the counted and book (expected) quantity of a cycle count, and the document a
/// reservation, release or reserved issue was for (`stock_movements_by_document` sums them).
enum InventoryBinsMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE stock_movements ADD COLUMN counted_quantity INTEGER;
            ALTER TABLE stock_movements ADD COLUMN expected_quantity INTEGER;
            ALTER TABLE stock_movements ADD COLUMN document_kind TEXT CHECK (document_kind IN ('deal', 'order', 'invoice'));
            ALTER TABLE stock_movements ADD COLUMN document_id TEXT;
            CREATE INDEX stock_movements_by_document ON stock_movements(org_id, document_kind, document_id, product_id)
                WHERE document_kind IS NOT NULL;
            CREATE INDEX stock_levels_by_bin ON stock_levels(org_id, warehouse_id, bin) WHERE bin <> '';
            """)
    }
}
