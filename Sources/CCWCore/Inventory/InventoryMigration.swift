import GRDB

/// The inventory schema (migration `v2-inventory`).
///
/// - Catalog rows (`product_categories`, `products`, `warehouses`, `reorder_rules`) carry the
///   business columns of DESIGN.md and are soft-deleted.
/// - `stock_movements` is the append-only ledger: one row per place a booking touches (a
///   transfer writes a row at the source and one at the destination, sharing `booking_id`).
///   Each row carries its signed quantity and value change, so the sum of a place's rows is its
///   on-hand quantity and stock value. Triggers refuse UPDATE and DELETE, as for `audit_log`;
///   a wrong movement is undone by a reversal row (`reversal_of`, unique: once only).
/// - `stock_levels` and `cost_pools` are the current state per place, kept in step with the
///   ledger by `StockBooking` in the same transaction; `version` grows with every change.
/// - `products.supplier_company_id` is a plain INTEGER without a foreign key: CRM companies
///   arrive in a separate migration, and a later migration may add the reference.
enum InventoryMigration {
    static func migrate(_ db: Database) throws {
        try catalog(db)
        try stock(db)
        try tracking(db)
    }

    private static let businessColumns = """
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_by INTEGER REFERENCES users(id),
        deleted_at INTEGER,
        version INTEGER NOT NULL DEFAULT 1
        """

    private static func catalog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE product_categories (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                parent_id INTEGER REFERENCES product_categories(id),
                name TEXT NOT NULL,
                \(businessColumns)
            );
            CREATE UNIQUE INDEX product_categories_name ON product_categories(org_id, COALESCE(parent_id, 0), name COLLATE NOCASE)
                WHERE deleted_at IS NULL;
            CREATE TABLE products (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                sku TEXT NOT NULL,
                barcode TEXT,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                category_id INTEGER REFERENCES product_categories(id),
                brand TEXT NOT NULL DEFAULT '',
                unit TEXT NOT NULL DEFAULT 'pcs',
                decimals INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
                cost_minor INTEGER NOT NULL DEFAULT 0,
                price_minor INTEGER NOT NULL DEFAULT 0,
                currency TEXT NOT NULL,
                tax_category TEXT NOT NULL DEFAULT 'standard',
                attributes TEXT NOT NULL DEFAULT '{}',
                supplier_company_id INTEGER,
                supplier_sku TEXT,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                valuation_method TEXT NOT NULL DEFAULT 'fifo' CHECK (valuation_method IN ('fifo', 'lifo', 'weighted-average')),
                tracking TEXT NOT NULL DEFAULT 'quantity' CHECK (tracking IN ('quantity', 'batch', 'serial')),
                parent_id INTEGER REFERENCES products(id),
                variant_attributes TEXT NOT NULL DEFAULT '{}',
                custom_fields TEXT NOT NULL DEFAULT '{}',
                reorder_point INTEGER,
                reorder_quantity INTEGER,
                \(businessColumns)
            );
            CREATE UNIQUE INDEX products_sku ON products(org_id, sku) WHERE deleted_at IS NULL;
            CREATE UNIQUE INDEX products_barcode ON products(org_id, barcode) WHERE barcode IS NOT NULL AND deleted_at IS NULL;
            CREATE INDEX products_grid ON products(org_id, name, id) WHERE deleted_at IS NULL;
            CREATE INDEX products_by_parent ON products(org_id, parent_id) WHERE parent_id IS NOT NULL;
            CREATE INDEX products_by_category ON products(org_id, category_id);
            CREATE TABLE warehouses (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                type TEXT NOT NULL DEFAULT 'warehouse' CHECK (type IN ('warehouse', 'store', 'distribution-center', 'virtual')),
                address TEXT NOT NULL DEFAULT '',
                manager_user_id INTEGER REFERENCES users(id),
                \(businessColumns)
            );
            CREATE UNIQUE INDEX warehouses_code ON warehouses(org_id, code COLLATE NOCASE) WHERE deleted_at IS NULL;
            """)
        try SearchIndex.create(db, table: "products", columns: ["sku", "name", "barcode", "brand"])
    }

    private static func stock(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE stock_levels (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                bin TEXT NOT NULL DEFAULT '',
                batch TEXT NOT NULL DEFAULT '',
                on_hand INTEGER NOT NULL DEFAULT 0,
                allocated INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL,
                updated_by INTEGER REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (org_id, product_id, warehouse_id, bin, batch)
            );
            CREATE INDEX stock_levels_by_warehouse ON stock_levels(org_id, warehouse_id, product_id);
            CREATE TABLE cost_pools (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                method TEXT NOT NULL,
                currency TEXT NOT NULL,
                on_hand INTEGER NOT NULL,
                value_minor INTEGER NOT NULL,
                state TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                UNIQUE (org_id, product_id, warehouse_id)
            );
            CREATE TABLE stock_movements (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                booking_id INTEGER NOT NULL,
                movement_date TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'transfer-out', 'transfer-in', 'adjust',
                                                   'count', 'allocate', 'release', 'reversal')),
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                bin TEXT NOT NULL DEFAULT '',
                batch TEXT NOT NULL DEFAULT '',
                quantity INTEGER NOT NULL,
                allocated_change INTEGER NOT NULL DEFAULT 0,
                unit_cost_minor INTEGER,
                cost_of_goods_minor INTEGER NOT NULL DEFAULT 0,
                value_change_minor INTEGER NOT NULL DEFAULT 0,
                currency TEXT NOT NULL,
                reference TEXT,
                reason TEXT,
                reversal_of INTEGER UNIQUE REFERENCES stock_movements(id),
                costing TEXT,
                serials TEXT NOT NULL DEFAULT '[]',
                created_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id)
            );
            CREATE INDEX stock_movements_by_product ON stock_movements(org_id, product_id, created_at, id);
            CREATE INDEX stock_movements_by_place ON stock_movements(org_id, product_id, warehouse_id, id);
            CREATE INDEX stock_movements_by_date ON stock_movements(org_id, movement_date);
            CREATE INDEX stock_movements_by_booking ON stock_movements(org_id, booking_id);
            CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN
                SELECT RAISE(ABORT, 'stock_movements is append-only');
            END;
            CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN
                SELECT RAISE(ABORT, 'stock_movements is append-only');
            END;
            """)
    }

    private static func tracking(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE batches (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                batch_number TEXT NOT NULL,
                expiry TEXT,
                created_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                UNIQUE (org_id, product_id, batch_number)
            );
            CREATE INDEX batches_by_expiry ON batches(org_id, expiry) WHERE expiry IS NOT NULL;
            CREATE TABLE serials (
                id INTEGER PRIMARY KEY,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                serial TEXT NOT NULL,
                warehouse_id INTEGER REFERENCES warehouses(id),
                last_movement_id INTEGER NOT NULL REFERENCES stock_movements(id),
                updated_at INTEGER NOT NULL,
                UNIQUE (org_id, product_id, serial)
            );
            CREATE INDEX serials_by_serial ON serials(org_id, serial);
            CREATE TABLE reorder_rules (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                reorder_point INTEGER NOT NULL CHECK (reorder_point >= 0),
                reorder_quantity INTEGER NOT NULL CHECK (reorder_quantity > 0),
                max_level INTEGER,
                supplier_company_id INTEGER,
                armed INTEGER NOT NULL DEFAULT 1 CHECK (armed IN (0, 1)),
                \(businessColumns)
            );
            CREATE UNIQUE INDEX reorder_rules_place ON reorder_rules(org_id, product_id, warehouse_id) WHERE deleted_at IS NULL;
            CREATE TABLE stock_alerts (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                movement_id INTEGER NOT NULL REFERENCES stock_movements(id),
                available INTEGER NOT NULL,
                reorder_point INTEGER NOT NULL,
                suggested_quantity INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                resolved_at INTEGER
            );
            CREATE INDEX stock_alerts_open ON stock_alerts(org_id, created_at) WHERE resolved_at IS NULL;
            CREATE INDEX stock_alerts_by_place ON stock_alerts(org_id, product_id, warehouse_id);
            """)
    }
}
