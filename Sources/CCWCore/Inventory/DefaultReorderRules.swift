import CCWDomain
import GRDB

/// A product's own reorder point and quantity (the product form's "Reorder point" and
/// "Reorder qty") are the default rule for every warehouse that has no rule of its own.
///
/// The default becomes a real rule row (`from_product` = 1) the first time the product's
/// stock moves at a warehouse, in the booking's transaction, so the low-stock watch (armed
/// flag, one alert per crossing) works the same for both kinds. Those rows follow the
/// product: changing its default changes them (and re-arms them), clearing it removes them.
/// A rule set for the warehouse itself (`ReorderRules.set`) is never touched.
enum DefaultReorderRules {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE reorder_rules ADD COLUMN from_product INTEGER NOT NULL DEFAULT 0 CHECK (from_product IN (0, 1));
            CREATE INDEX reorder_rules_from_product ON reorder_rules(org_id, product_id) WHERE from_product = 1 AND deleted_at IS NULL;
            """)
    }

    /// The default's rule values, or nil when the product has no reorder point.
    static func values(_ product: Product) -> (point: Int64, quantity: Int64)? {
        guard let point = product.reorderPoint else { return nil }
        // Without its own quantity the product reorders up to twice its point (at least one unit).
        let quantity = product.reorderQuantity.map(\.units) ?? point.units * 2
        return (point.units, max(1, quantity))
    }

    /// The rule row of a place without one of its own, made from the product's default; nil
    /// when the product has no default.
    static func materialize(_ access: ScopedDatabase, product: Product, warehouseId: Int64) throws -> Row? {
        guard let (point, quantity) = values(product) else { return nil }
        let table = access.table(ReorderRules.table, entity: ReorderRules.entity)
        let (id, uid) = try table.insert(access.db, by: access.scope.actor, at: access.now, values: [
            "product_id": product.id, "warehouse_id": warehouseId, "reorder_point": point, "reorder_quantity": quantity,
            "armed": true, "from_product": true,
        ])
        let row = try table.requireRow(access.db, id: id)
        let code = try String.fetchOne(access.db, sql: "SELECT code FROM warehouses WHERE id = ? AND org_id = ?",
                                       arguments: [warehouseId, access.scope.orgId]) ?? "#\(warehouseId)"
        try access.audit(ReorderRules.entity, id: id, uid: uid, .create,
                         "reorder point of \(product.sku) at \(code) from the product: \(product.reorderPoint!)",
                         after: CanonicalJSON.object(row))
        return row
    }

    /// After a product edit: the rules made from its default follow the new default.
    static func follow(_ access: ScopedDatabase, before: Product, after: Product) throws {
        let old = values(before), new = values(after)
        guard old?.point != new?.point || old?.quantity != new?.quantity else { return }
        let rows = try Row.fetchAll(access.db, sql: """
            SELECT * FROM reorder_rules WHERE org_id = ? AND product_id = ? AND from_product = 1 AND deleted_at IS NULL ORDER BY id
            """, arguments: [access.scope.orgId, after.id])
        for row in rows {
            let id: Int64 = row["id"]
            if let new {
                try VersionedUpdate.run(access.db, table: ReorderRules.table, id: id, expectedVersion: row["version"],
                                        scope: access.scope, assignments: ["reorder_point": new.point, "reorder_quantity": new.quantity,
                                                                           "armed": true],
                                        entity: ReorderRules.entity, at: access.now)
                try access.audit(ReorderRules.entity, id: id, uid: row["uid"], .update,
                                 "reorder point of \(after.sku) follows the product: \(after.reorderPoint!)",
                                 before: CanonicalJSON.object(row),
                                 after: CanonicalJSON.object(try access.table(ReorderRules.table).requireRow(access.db, id: id)))
            } else {
                try access.db.execute(sql: """
                    UPDATE reorder_rules SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND org_id = ?
                    """, arguments: [access.now, access.now, access.scope.actor.userId, id, access.scope.orgId])
                try access.audit(ReorderRules.entity, id: id, uid: row["uid"], .delete,
                                 "reorder point of \(after.sku) removed with the product's default", before: CanonicalJSON.object(row))
            }
        }
    }
}
