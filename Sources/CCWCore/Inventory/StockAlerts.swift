import CCWDomain
import GRDB

/// A raised low-stock alert as stored.
public struct StoredStockAlert: Sendable, Hashable {
    public var id: Int64
    public var productId: Int64
    public var warehouseId: Int64
    public var movementId: Int64
    public var available: Quantity
    public var reorderPoint: Quantity
    public var suggestedQuantity: Quantity
    public var createdAt: Int64
    public var resolvedAt: Int64?
}

/// Low-stock detection after a booking, and the list of alerts.
///
/// Each reorder rule carries an `armed` flag (`LowStockWatch`): the first time the available
/// stock of a place is at or below its point while armed, one alert row is written and
/// `inventory.stock.low` is published, and the rule is disarmed; while it stays low nothing
/// more is raised; a level above the point re-arms it and marks its open alerts resolved.
enum StockAlerts {
    static func evaluate(_ levels: [StockLedgerStore.Place: StockLedgerStore.LoadedLevel], product: Product,
                         movementId: Int64, access: ScopedDatabase) throws -> [LowStockAlert] {
        var raised: [LowStockAlert] = []
        for (place, level) in levels.sorted(by: { $0.key < $1.key }) where level.before != level.level {
            guard let row = try Row.fetchOne(access.db, sql: """
                SELECT * FROM reorder_rules WHERE org_id = ? AND product_id = ? AND warehouse_id = ? AND deleted_at IS NULL
                """, arguments: [access.scope.orgId, place.product, place.warehouse])
                ?? DefaultReorderRules.materialize(access, product: product, warehouseId: place.warehouse) else { continue }
            let stored = try ReorderRules.rule(row: row, scale: product.decimals)
            var watch = LowStockWatch(rule: stored.rule, armed: stored.armed)
            let available = level.level.available
            let raise = watch.observe(available)
            if watch.armed != stored.armed {
                try access.db.execute(sql: "UPDATE reorder_rules SET armed = ?, updated_at = ? WHERE id = ? AND org_id = ?",
                                      arguments: [watch.armed, access.now, stored.id, access.scope.orgId])
            }
            if watch.armed && !stored.armed {
                try access.db.execute(sql: """
                    UPDATE stock_alerts SET resolved_at = ? WHERE org_id = ? AND product_id = ? AND warehouse_id = ? AND resolved_at IS NULL
                    """, arguments: [access.now, access.scope.orgId, place.product, place.warehouse])
            }
            guard raise else { continue }
            let alert = LowStockAlert(key: StockKey(ProductID(place.product), WarehouseID(place.warehouse)), level: available, rule: stored.rule)
            let suggested = stored.rule.orderQuantity(at: available)
            try access.db.execute(sql: """
                INSERT INTO stock_alerts (uid, org_id, product_id, warehouse_id, movement_id, available, reorder_point,
                    suggested_quantity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [UID.make(at: access.now), access.scope.orgId, place.product, place.warehouse, movementId,
                                 available.units, stored.rule.point.units, suggested.units, access.now])
            try EventOutbox.publish(access.db, orgId: access.scope.orgId, type: StockBooking.lowEvent, payload: LowPayload(
                alertId: access.db.lastInsertedRowID, productId: place.product, sku: product.sku, warehouseId: place.warehouse,
                available: available.description, reorderPoint: stored.rule.point.description,
                suggestedQuantity: suggested.description), at: access.now)
            raised.append(alert)
        }
        return raised
    }

    struct LowPayload: Encodable {
        var alertId: Int64
        var productId: Int64
        var sku: String
        var warehouseId: Int64
        var available: String
        var reorderPoint: String
        var suggestedQuantity: String
    }

    static func alert(row: Row) -> StoredStockAlert {
        let scale: Int = row["decimals"]
        return StoredStockAlert(id: row["id"], productId: row["product_id"], warehouseId: row["warehouse_id"],
                                movementId: row["movement_id"], available: Quantity(units: row["available"], scale: scale),
                                reorderPoint: Quantity(units: row["reorder_point"], scale: scale),
                                suggestedQuantity: Quantity(units: row["suggested_quantity"], scale: scale),
                                createdAt: row["created_at"], resolvedAt: row["resolved_at"])
    }
}
