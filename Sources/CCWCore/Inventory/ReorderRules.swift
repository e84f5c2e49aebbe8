import CCWDomain
import GRDB

/// A stored reorder rule of one product at one warehouse.
public struct StoredReorderRule: Sendable, Hashable {
    public var id: Int64
    public var productId: Int64
    public var warehouseId: Int64
    public var rule: ReorderRule
    /// False after an alert was raised, until the available stock rises above the point again.
    public var armed: Bool
    public var version: Int64
}

/// Reorder points per product and warehouse; `StockBooking` watches them.
public struct ReorderRules: Sendable {
    let database: AppDatabase

    static let table = "reorder_rules"
    static let entity = "reorder rule"

    /// Sets (adds or replaces) the rule of a product at a warehouse, in the product's unit.
    /// A new or changed rule starts armed: a product that is already low alerts on its next movement.
    @discardableResult
    public func set(_ scope: Scope, productId: Int64, warehouseId: Int64, point: Quantity, quantity: Quantity,
                    maxLevel: Quantity? = nil, supplierCompanyId: Int64? = nil) throws -> StoredReorderRule {
        try database.write(as: scope, .edit, in: .inventory) { access in
            let product = try Product(row: try access.table("products", entity: "product").requireRow(access.db, id: productId))
            _ = try access.table("warehouses", entity: "warehouse").requireRow(access.db, id: warehouseId)
            guard point.scale == product.decimals else {
                throw CoreError.invalid("reorder point", "\(product.sku) is counted with \(product.decimals) decimals")
            }
            _ = try ReorderRule(point: point, quantity: quantity, maxLevel: maxLevel)
            let values: [String: (any DatabaseValueConvertible)?] = [
                "reorder_point": point.units, "reorder_quantity": quantity.units, "max_level": maxLevel?.units,
                "supplier_company_id": supplierCompanyId, "armed": true, "from_product": false,
            ]
            let table = access.table(Self.table, entity: Self.entity)
            let place = SQL(sql: "product_id = ? AND warehouse_id = ?", arguments: [productId, warehouseId])
            let id: Int64
            if let existing = try table.rows(access.db, where: place, limit: 1).first {
                id = existing["id"]
                try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: existing["version"],
                                        scope: access.scope, assignments: values, entity: Self.entity, at: access.now)
            } else {
                var insert = values
                insert["product_id"] = productId
                insert["warehouse_id"] = warehouseId
                id = try table.insert(access.db, by: access.scope.actor, at: access.now, values: insert).id
            }
            let row = try table.requireRow(access.db, id: id)
            try access.audit(Self.entity, id: id, uid: row["uid"], .update,
                             "reorder point of \(product.sku) set to \(point)", after: CanonicalJSON.object(row))
            return try Self.rule(row: row, scale: product.decimals)
        }
    }

    public func list(_ scope: Scope, productId: Int64? = nil) throws -> [StoredReorderRule] {
        try database.read(as: scope, in: .inventory) { access in
            let condition = productId.map { SQL(sql: "reorder_rules.product_id = ?", arguments: [$0]) }
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: """
                SELECT reorder_rules.*, products.decimals FROM reorder_rules JOIN products ON products.id = reorder_rules.product_id
                WHERE \(literal: access.table(Self.table).whereClause(condition)) ORDER BY reorder_rules.product_id, reorder_rules.warehouse_id
                """)).map { try Self.rule(row: $0, scale: $0["decimals"]) }
        }
    }

    static func rule(row: Row, scale: Int) throws -> StoredReorderRule {
        let rule = try ReorderRule(point: Quantity(units: row["reorder_point"], scale: scale),
                                   quantity: Quantity(units: row["reorder_quantity"], scale: scale),
                                   maxLevel: (row["max_level"] as Int64?).map { Quantity(units: $0, scale: scale) },
                                   supplier: (row["supplier_company_id"] as Int64?).map { SupplierID($0) })
        return StoredReorderRule(id: row["id"], productId: row["product_id"], warehouseId: row["warehouse_id"],
                                 rule: rule, armed: row["armed"], version: row["version"])
    }
}

extension AppDatabase {
    public var reorderRules: ReorderRules { ReorderRules(database: self) }
}
