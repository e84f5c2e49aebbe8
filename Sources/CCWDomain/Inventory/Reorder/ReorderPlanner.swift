/// A raised low-stock alert: which product is low where, and by its rule how much to order.
public struct LowStockAlert: Sendable, Hashable, Codable {
    public let key: StockKey
    public let level: Quantity
    public let rule: ReorderRule

    public init(key: StockKey, level: Quantity, rule: ReorderRule) {
        self.key = key
        self.level = level
        self.rule = rule
    }
}

/// One line of a draft purchase order.
public struct DraftPurchaseLine: Sendable, Hashable, Codable {
    public let product: ProductID
    /// Where the goods are to be delivered.
    public let warehouse: WarehouseID
    public let quantity: Quantity
}

/// A purchase order proposed to a buyer, not yet sent.
public struct DraftPurchaseOrder: Sendable, Hashable, Codable {
    public let supplier: SupplierID
    public let lines: [DraftPurchaseLine]
}

/// Turns low-stock alerts into draft purchase orders, one per supplier.
public enum ReorderPlanner {
    public struct Plan: Sendable, Hashable {
        /// One draft per supplier, sorted by supplier; lines sorted by product then warehouse.
        public let orders: [DraftPurchaseOrder]
        /// Alerts whose rule names no supplier: a buyer must choose one.
        public let withoutSupplier: [LowStockAlert]
    }

    /// Plans the reorder. Each product and warehouse is ordered once (the latest alert for it
    /// wins); the quantity comes from `ReorderRule.orderQuantity(at:onOrder:)` with what is
    /// already on order (`onOrder`); lines that come to nothing are dropped.
    public static func plan(_ alerts: [LowStockAlert], onOrder: [StockKey: Quantity] = [:]) -> Plan {
        var latest: [StockKey: LowStockAlert] = [:]
        for alert in alerts { latest[alert.key] = alert }
        var lines: [SupplierID: [DraftPurchaseLine]] = [:]
        var withoutSupplier: [LowStockAlert] = []
        for alert in latest.values.sorted(by: { $0.key < $1.key }) {
            guard let supplier = alert.rule.supplier else {
                withoutSupplier.append(alert)
                continue
            }
            let quantity = alert.rule.orderQuantity(at: alert.level, onOrder: onOrder[alert.key])
            guard quantity.isPositive else { continue }
            lines[supplier, default: []].append(
                DraftPurchaseLine(product: alert.key.product, warehouse: alert.key.warehouse, quantity: quantity))
        }
        let orders = lines.keys.sorted().map { DraftPurchaseOrder(supplier: $0, lines: lines[$0]!) }
        return Plan(orders: orders, withoutSupplier: withoutSupplier)
    }

    /// The alerts a posted movement raises, given the rules per product and warehouse.
    public static func alerts(for posting: StockPosting, rules: [StockKey: ReorderRule]) -> [LowStockAlert] {
        posting.levels.compactMap { change in
            guard let rule = rules[change.key],
                  LowStockDetector.evaluate(previous: change.before.available, current: change.after.available,
                                            rule: rule) == .raise
            else { return nil }
            return LowStockAlert(key: change.key, level: change.after.available, rule: rule)
        }
    }
}
