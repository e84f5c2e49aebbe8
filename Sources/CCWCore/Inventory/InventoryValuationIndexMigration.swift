import GRDB

/// The index the inventory valuation needs (migration `v5-inventory-valuation-index`).
///
/// `StockQueries.valuation(asOf:)` sums each place's ledger rows up to a date, grouped by
/// product and warehouse. Without this index SQLite walks `stock_movements_by_date` and reads
/// every ledger row from the table (each carries its costing JSON) and then sorts them all for
/// the grouping: about 9 s at 2,000,000 movements (ccw-bench). `stock_movements_valuation`
/// holds every column the valuation reads, in (product, warehouse) order, so the valuation is
/// one pass over the index with no table access and no sort: about 1 s at that size. The date
/// stays a filter inside the index, so a valuation as of any date costs the same.
enum InventoryValuationIndexMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX stock_movements_valuation ON stock_movements(org_id, product_id, warehouse_id, movement_date,
                                                                      quantity, value_change_minor, currency);
            """)
    }
}
