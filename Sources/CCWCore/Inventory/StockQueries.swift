import CCWDomain
import GRDB

/// One line of the stock matrix: a product at a warehouse.
public struct StockLevelLine: Sendable, Hashable {
    /// The `stock_levels` row.
    public var id: Int64
    public var productId: Int64
    public var sku: String
    public var warehouseId: Int64
    public var warehouseCode: String
    public var level: StockLevel
    public var value: Money
    public var reorderPoint: Quantity?
    /// Available stock at or below the reorder point.
    public var isLow: Bool
}

/// Where the next page of a product's ledger starts (newest first).
public struct MovementCursor: Sendable, Hashable {
    public var createdAt: Int64
    public var id: Int64
    public init(createdAt: Int64, id: Int64) { self.createdAt = createdAt; self.id = id }
    public init(_ movement: StoredMovement) { self.init(createdAt: movement.createdAt, id: movement.id) }
}

/// Reading stock: levels, the ledger, value, alerts, batches and serials.
public struct StockQueries: Sendable {
    let database: AppDatabase

    /// Levels (empty bin and batch) of a product, of a warehouse, or of everything, with the
    /// value of their cost pool and whether they are low by their reorder rule.
    public func levels(_ scope: Scope, productId: Int64? = nil, warehouseId: Int64? = nil, limit: Int = 1000) throws -> [StockLevelLine] {
        try database.read(as: scope, in: .inventory) { access in
            var condition: SQL = "l.org_id = \(scope.orgId) AND l.bin = '' AND l.batch = ''"
            if let productId { condition += " AND l.product_id = \(productId)" }
            if let warehouseId { condition += " AND l.warehouse_id = \(warehouseId)" }
            let request: SQL = """
                SELECT l.*, p.sku, p.decimals, w.code, c.value_minor, c.currency, r.reorder_point
                FROM stock_levels l
                JOIN products p ON p.id = l.product_id AND p.org_id = l.org_id
                JOIN warehouses w ON w.id = l.warehouse_id AND w.org_id = l.org_id
                LEFT JOIN cost_pools c ON c.org_id = l.org_id AND c.product_id = l.product_id AND c.warehouse_id = l.warehouse_id
                LEFT JOIN reorder_rules r ON r.org_id = l.org_id AND r.product_id = l.product_id
                    AND r.warehouse_id = l.warehouse_id AND r.deleted_at IS NULL
                WHERE \(condition) ORDER BY l.product_id, l.warehouse_id LIMIT \(limit)
                """
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map { row in
                let scale: Int = row["decimals"]
                let level = StockLevel(onHand: Quantity(units: row["on_hand"], scale: scale),
                                       allocated: Quantity(units: row["allocated"], scale: scale))
                let point = (row["reorder_point"] as Int64?).map { Quantity(units: $0, scale: scale) }
                let currency = try (row["currency"] as String?).map(CurrencyCode.init) ?? scope.baseCurrency
                return StockLevelLine(id: row["id"], productId: row["product_id"], sku: row["sku"], warehouseId: row["warehouse_id"],
                                      warehouseCode: row["code"], level: level,
                                      value: Money(minor: row["value_minor"] ?? 0, currency: currency),
                                      reorderPoint: point, isLow: point.map { level.available <= $0 } ?? false)
            }
        }
    }

    /// The ledger of a product, newest first; pass the last row as `after` for the next page
    /// (row-value keyset on `(created_at, id)`, served by `stock_movements_by_product`).
    public func ledger(_ scope: Scope, productId: Int64, warehouseId: Int64? = nil, after cursor: MovementCursor? = nil,
                       limit: Int = 50) throws -> [StoredMovement] {
        try database.read(as: scope, in: .inventory) { access in
            let product = try Product(row: try access.table("products", entity: "product").requireRow(access.db, id: productId,
                                                                                                      includingDeleted: true))
            var condition: SQL = "org_id = \(scope.orgId) AND product_id = \(productId)"
            if let warehouseId { condition += " AND warehouse_id = \(warehouseId)" }
            if let cursor { condition += " AND (created_at, id) < (\(cursor.createdAt), \(cursor.id))" }
            let request: SQL = """
                SELECT * FROM stock_movements WHERE \(condition) ORDER BY created_at DESC, id DESC LIMIT \(max(1, min(limit, 1000)))
                """
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map { try StoredMovement(row: $0, scale: product.decimals) }
        }
    }

    /// Quantity and value of every product at every warehouse as of the end of `date` (in the
    /// organization's calendar), for `InventoryValueReport` (by product, warehouse, category).
    ///
    /// Computed from the ledger, not by replaying costings: every change of a cost pool is
    /// booked by exactly one ledger row carrying its exact value change, and rows are dated
    /// in booking order (a booking takes today's date; nothing is back-dated), so the sum of a
    /// place's rows up to a date is the quantity and value its pool had at the end of that
    /// day. One indexed aggregate, no history loaded into memory; the current pools would
    /// only give today's value.
    public func valuation(_ scope: Scope, asOf date: CalendarDate) throws -> [StockValuationLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT m.product_id, m.warehouse_id, p.category_id, p.decimals, m.currency,
                       SUM(m.quantity) AS quantity, SUM(m.value_change_minor) AS value
                FROM stock_movements m JOIN products p ON p.id = m.product_id AND p.org_id = m.org_id
                WHERE m.org_id = ? AND m.movement_date <= ?
                GROUP BY m.product_id, m.warehouse_id ORDER BY m.product_id, m.warehouse_id
                """, arguments: [scope.orgId, date.description]).compactMap { row in
                let line = StockValuationLine(key: StockKey(ProductID(row["product_id"]), WarehouseID(row["warehouse_id"])),
                                              category: (row["category_id"] as Int64?).map { CategoryID($0) },
                                              onHand: Quantity(units: row["quantity"], scale: row["decimals"]),
                                              value: Money(minor: row["value"], currency: try CurrencyCode(row["currency"] as String)))
                return line.onHand.isZero && line.value.isZero ? nil : line
            }
        }
    }

    /// Inventory value per category as of `date`, each category including its subcategories.
    public func valueByCategory(_ scope: Scope, asOf date: CalendarDate) throws -> [CategoryID: Money] {
        try valueByCategory(scope, of: try valuation(scope, asOf: date))
    }

    /// The same from a valuation already read (a screen that also shows the lines).
    public func valueByCategory(_ scope: Scope, of lines: [StockValuationLine]) throws -> [CategoryID: Money] {
        let tree = try ProductCategories(database: database).tree(scope)
        return InventoryValueReport.byCategory(lines, tree: tree, currency: scope.baseCurrency)
    }

    /// Open low-stock alerts (or all of them), newest first.
    public func alerts(_ scope: Scope, openOnly: Bool = true, limit: Int = 200) throws -> [StoredStockAlert] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT a.*, p.decimals FROM stock_alerts a JOIN products p ON p.id = a.product_id
                WHERE a.org_id = ? \(openOnly ? "AND a.resolved_at IS NULL" : "") ORDER BY a.created_at DESC, a.id DESC LIMIT ?
                """, arguments: [scope.orgId, limit]).map(StockAlerts.alert(row:))
        }
    }

    /// Batches expiring on or before `date`, soonest first: (row id, product, batch, expiry).
    public func expiringBatches(_ scope: Scope, onOrBefore date: CalendarDate, limit: Int = 200) throws
        -> [(id: Int64, productId: Int64, batch: String, expiry: String)] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT id, product_id, batch_number, expiry FROM batches WHERE org_id = ? AND expiry IS NOT NULL AND expiry <= ?
                ORDER BY expiry, id LIMIT ?
                """, arguments: [scope.orgId, date.description, limit]).map { ($0["id"], $0["product_id"], $0["batch_number"], $0["expiry"]) }
        }
    }

    /// Where the serials of a product are (warehouse nil: issued), and the movement that last moved each.
    public func serials(_ scope: Scope, productId: Int64) throws -> [(id: Int64, serial: String, warehouseId: Int64?, lastMovementId: Int64)] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT id, serial, warehouse_id, last_movement_id FROM serials WHERE org_id = ? AND product_id = ? ORDER BY serial
                """, arguments: [scope.orgId, productId]).map { ($0["id"], $0["serial"], $0["warehouse_id"], $0["last_movement_id"]) }
        }
    }

    /// The cost pools of a product: (row id, warehouse, on hand units, value).
    public func pools(_ scope: Scope, productId: Int64) throws -> [(id: Int64, warehouseId: Int64, onHandUnits: Int64, value: Money)] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT id, warehouse_id, on_hand, value_minor, currency FROM cost_pools WHERE org_id = ? AND product_id = ? ORDER BY warehouse_id
                """, arguments: [scope.orgId, productId]).map {
                ($0["id"], $0["warehouse_id"], $0["on_hand"], Money(minor: $0["value_minor"], currency: try CurrencyCode($0["currency"] as String)))
            }
        }
    }
}

extension AppDatabase {
    public var stockQueries: StockQueries { StockQueries(database: self) }
}
