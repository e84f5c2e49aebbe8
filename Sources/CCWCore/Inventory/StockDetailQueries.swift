import CCWDomain
import Foundation
import GRDB

/// A serial number: where it is now (nil: issued) and the movement that last moved it.
public struct SerialLine: Sendable, Hashable {
    public var serial: String
    public var warehouseCode: String?
    public var movementKind: String
    public var movementDate: String
    /// The document of that movement (an order, a transfer note…).
    public var reference: String?
}

/// A batch with stock left that expires on or before a date, per warehouse.
public struct ExpiringStockLine: Sendable, Hashable {
    public var productId: Int64
    public var sku: String
    public var name: String
    public var batch: String
    public var expiry: CalendarDate
    public var warehouseCode: String
    public var onHand: Quantity
}

/// One row of a product's ledger as the detail shows it: the movement, where and who.
public struct LedgerLine: Sendable, Hashable {
    public var movement: StoredMovement
    public var warehouseCode: String
    /// The login of who booked it (nil: a background job).
    public var login: String?
    /// On hand at that warehouse right after this movement.
    public var balance: Quantity
}

/// A low-stock alert with the names a list shows and the stock now.
public struct StockAlertLine: Sendable, Hashable {
    public var alert: StoredStockAlert
    public var sku: String
    public var name: String
    public var warehouseCode: String
    /// On hand at the place now (the alert keeps what was available when it was raised).
    public var onHandNow: Quantity
    /// The rule's reorder quantity, if the rule still exists.
    public var reorderQuantity: Quantity?
    /// The open (draft or sent) purchase order the alert is on, if any.
    public var orderNumber: String? = nil
}

/// Reading stock for drill-downs and the product detail (all bounded by `limit`).
extension StockQueries {
    /// The serials of a product (at one warehouse, or all including issued ones), with the
    /// document that last moved each.
    public func serialLines(_ scope: Scope, productId: Int64, warehouseId: Int64? = nil, limit: Int = 200) throws -> [SerialLine] {
        try database.read(as: scope, in: .inventory) { access in
            var condition: SQL = "s.org_id = \(scope.orgId) AND s.product_id = \(productId)"
            if let warehouseId { condition += " AND s.warehouse_id = \(warehouseId)" }
            let request: SQL = """
                SELECT s.serial, w.code, m.kind, m.movement_date, m.reference FROM serials s
                LEFT JOIN warehouses w ON w.id = s.warehouse_id AND w.org_id = s.org_id
                JOIN stock_movements m ON m.id = s.last_movement_id AND m.org_id = s.org_id
                WHERE \(literal: condition) ORDER BY s.warehouse_id IS NULL, s.serial LIMIT \(max(1, min(limit, 1000)))
                """
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map { row in
                SerialLine(serial: row["serial"], warehouseCode: row["code"], movementKind: row["kind"],
                           movementDate: row["movement_date"], reference: row["reference"])
            }
        }
    }

    /// Batches with stock left that expire on or before `date` (expired ones too), soonest
    /// first, per warehouse.
    public func expiringStock(_ scope: Scope, onOrBefore date: CalendarDate, limit: Int = 200) throws -> [ExpiringStockLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT b.product_id, p.sku, p.name, p.decimals, b.batch_number, b.expiry, w.code, SUM(m.quantity) AS on_hand
                FROM batches b
                JOIN products p ON p.id = b.product_id AND p.org_id = b.org_id
                JOIN stock_movements m ON m.org_id = b.org_id AND m.product_id = b.product_id AND m.batch = b.batch_number
                JOIN warehouses w ON w.id = m.warehouse_id AND w.org_id = m.org_id
                WHERE b.org_id = ? AND b.expiry IS NOT NULL AND b.expiry <= ?
                GROUP BY b.id, m.warehouse_id HAVING SUM(m.quantity) > 0
                ORDER BY b.expiry, p.name, w.code LIMIT ?
                """, arguments: [scope.orgId, date.description, max(1, min(limit, 1000))]).map { row in
                ExpiringStockLine(productId: row["product_id"], sku: row["sku"], name: row["name"], batch: row["batch_number"],
                                  expiry: try CalendarDate.parseISO(row["expiry"]), warehouseCode: row["code"],
                                  onHand: Quantity(units: row["on_hand"], scale: row["decimals"]))
            }
        }
    }

    /// The cost pools of a product with their layers (FIFO/LIFO layers, or the one average layer).
    public func costPools(_ scope: Scope, productId: Int64) throws -> [(warehouseId: Int64, warehouseCode: String, pool: CostPool)] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT c.warehouse_id, w.code, c.state FROM cost_pools c JOIN warehouses w ON w.id = c.warehouse_id AND w.org_id = c.org_id
                WHERE c.org_id = ? AND c.product_id = ? ORDER BY w.code
                """, arguments: [scope.orgId, productId]).map { row in
                (row["warehouse_id"], row["code"], try JSONDecoder().decode(CostPool.self, from: Data((row["state"] as String).utf8)))
            }
        }
    }

    /// The newest `limit` ledger rows of a product with warehouse, who and the running balance
    /// at that warehouse (on hand now minus the later rows' quantities).
    public func ledgerLines(_ scope: Scope, productId: Int64, limit: Int = 50) throws -> [LedgerLine] {
        try database.read(as: scope, in: .inventory) { access in
            let scale = try Self.scale(access, productId)
            let rows = try Row.fetchAll(access.db, sql: """
                SELECT m.*, w.code AS warehouse_code, u.login FROM stock_movements m
                JOIN warehouses w ON w.id = m.warehouse_id AND w.org_id = m.org_id
                LEFT JOIN users u ON u.id = m.created_by
                WHERE m.org_id = ? AND m.product_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ?
                """, arguments: [scope.orgId, productId, max(1, min(limit, 1000))])
            var balance: [Int64: Int64] = [:]
            for row in try Row.fetchAll(access.db, sql: """
                SELECT warehouse_id, on_hand FROM stock_levels WHERE org_id = ? AND product_id = ? AND bin = '' AND batch = ''
                """, arguments: [scope.orgId, productId]) { balance[row["warehouse_id"]] = row["on_hand"] }
            return try rows.map { row in
                let movement = try StoredMovement(row: row, scale: scale)
                let after = balance[movement.warehouseId] ?? 0
                balance[movement.warehouseId] = after - movement.quantity.units
                return LedgerLine(movement: movement, warehouseCode: row["warehouse_code"], login: row["login"],
                                  balance: Quantity(units: after, scale: scale))
            }
        }
    }

    /// Low-stock alerts, newest first, with product and warehouse names and the stock now.
    public func alertLines(_ scope: Scope, openOnly: Bool = true, limit: Int = 200) throws -> [StockAlertLine] {
        try database.read(as: scope, in: .inventory) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT a.*, p.decimals, p.sku, p.name, w.code, l.on_hand AS on_hand_now, r.reorder_quantity,
                       (SELECT o.number FROM purchase_order_lines pl JOIN purchase_orders o ON o.id = pl.order_id
                        WHERE pl.org_id = a.org_id AND pl.alert_id = a.id AND o.status IN ('draft', 'sent')
                          AND o.deleted_at IS NULL LIMIT 1) AS order_number
                FROM stock_alerts a JOIN products p ON p.id = a.product_id AND p.org_id = a.org_id
                JOIN warehouses w ON w.id = a.warehouse_id AND w.org_id = a.org_id
                LEFT JOIN stock_levels l ON l.org_id = a.org_id AND l.product_id = a.product_id AND l.warehouse_id = a.warehouse_id
                    AND l.bin = '' AND l.batch = ''
                LEFT JOIN reorder_rules r ON r.org_id = a.org_id AND r.product_id = a.product_id AND r.warehouse_id = a.warehouse_id
                    AND r.deleted_at IS NULL
                WHERE a.org_id = ? \(openOnly ? "AND a.resolved_at IS NULL" : "") ORDER BY a.created_at DESC, a.id DESC LIMIT ?
                """, arguments: [scope.orgId, max(1, min(limit, 1000))]).map { row in
                let scale: Int = row["decimals"]
                return StockAlertLine(alert: StockAlerts.alert(row: row), sku: row["sku"], name: row["name"], warehouseCode: row["code"],
                                      onHandNow: Quantity(units: row["on_hand_now"] ?? 0, scale: scale),
                                      reorderQuantity: (row["reorder_quantity"] as Int64?).map { Quantity(units: $0, scale: scale) },
                                      orderNumber: row["order_number"])
            }
        }
    }

    static func scale(_ access: ScopedDatabase, _ productId: Int64) throws -> Int {
        guard let scale = try Int.fetchOne(access.db, sql: "SELECT decimals FROM products WHERE org_id = ? AND id = ?",
                                           arguments: [access.scope.orgId, productId]) else {
            throw CoreError.notFound(entity: "product", key: "#\(productId)")
        }
        return scale
    }
}
