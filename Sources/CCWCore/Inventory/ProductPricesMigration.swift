import GRDB

/// The price ladders of products (migration `v4-inventory-price-tiers`).
///
/// `product_prices` holds one row per quantity break: from `min_quantity` (units of the
/// product's scale, as every stored quantity) upward, one unit of the product costs
/// `unit_price_minor` (minor units of `currency`) in price list `tier` (`retail`, `wholesale`
/// or an org-defined name). A ladder is replaced as a whole: its old rows are soft-deleted in
/// the same transaction, and the product's version guards the change (see `ProductPrices`).
///
/// `product_prices_ladder` keeps one live break per (org, product, tier, currency, minimum)
/// and is also the index that reads a product's ladders in order (its prefix is org, product).
enum ProductPricesMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE product_prices (
                id INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                org_id INTEGER NOT NULL REFERENCES organizations(id),
                product_id INTEGER NOT NULL REFERENCES products(id),
                tier TEXT NOT NULL CHECK (tier <> ''),
                currency TEXT NOT NULL CHECK (length(currency) = 3),
                min_quantity INTEGER NOT NULL CHECK (min_quantity > 0),
                unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by INTEGER REFERENCES users(id),
                updated_by INTEGER REFERENCES users(id),
                deleted_at INTEGER,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE UNIQUE INDEX product_prices_ladder
                ON product_prices(org_id, product_id, tier, currency, min_quantity) WHERE deleted_at IS NULL;
            """)
    }
}
