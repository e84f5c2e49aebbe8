import GRDB

/// Indexes the inventory browsing screens need (migration `v4-inventory-screens`).
///
/// - `stock_movements_by_batch`: the stock left in each batch (per warehouse) is the sum of
///   the ledger rows that name it; the expiring-soon list and the drill-down of a stock-matrix
///   cell read those sums per (product, batch) without scanning a product's whole history.
///
/// Everything else the screens read is served by the indexes of `v2-inventory`:
/// `products_grid` (pages in name order), `products_by_parent` (variants, "has variants"),
/// `products_by_category`, the unique key of `stock_levels` (a page of products × all
/// warehouses), `reorder_rules_place`, `stock_movements_by_product` (the ledger, newest
/// first) and `stock_alerts_open`.
enum InventoryScreensMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX stock_movements_by_batch ON stock_movements(org_id, product_id, batch, warehouse_id) WHERE batch <> '';
            """)
    }
}
