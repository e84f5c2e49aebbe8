import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// The product's own reorder point is the rule of every warehouse without one of its own:
/// made on the first movement there, following later edits of the product, never overriding
/// a rule set for the warehouse.
@Suite struct DefaultReorderRulesTests {
    func rules(_ f: InventoryFixture, _ product: Product) throws -> [String] {
        try f.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.code, r.reorder_point, r.reorder_quantity, r.from_product, r.deleted_at IS NULL AS live
                FROM reorder_rules r JOIN warehouses w ON w.id = r.warehouse_id WHERE r.product_id = ? ORDER BY w.code, r.id
                """, arguments: [product.id]).map { row in
                "\(row["code"] as String) \(row["reorder_point"] as Int64)/\(row["reorder_quantity"] as Int64)"
                    + ((row["from_product"] as Bool) ? " product" : " own") + ((row["live"] as Bool) ? "" : " deleted")
            }
        }
    }

    @Test func theProductsDefaultAlertsAtEveryWarehouseAndFollowsTheProduct() throws {
        let f = try InventoryFixture()
        var draft = ProductDraft(sku: "TAPE-50", name: "Tape 50 m")
        draft.reorderPointUnits = 5
        draft.reorderQuantityUnits = 20
        let p = try f.database.products.add(f.scope, draft)

        // the first movement at each warehouse makes its rule; a crossing alerts once
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(100)))
        try f.book(p, at: f.outlet, .receive(Quantity(3), unitCost: f.eur(100)))
        #expect(try rules(f, p) == ["BER-1 5/20 product", "HAM-2 5/20 product"])
        let crossing = try f.book(p, at: f.main, .issue(Quantity(6), fromAllocation: false))
        #expect(crossing.alerts.map(\.level) == [Quantity(4)])
        #expect(crossing.alerts.first?.rule.quantity == Quantity(20))

        // a warehouse's own rule wins and is left alone by product edits
        try f.database.reorderRules.set(f.scope, productId: p.id, warehouseId: f.outlet.id, point: Quantity(1), quantity: Quantity(4))
        var edit = ProductDraft(p)
        edit.reorderPointUnits = 8
        edit.reorderQuantityUnits = nil
        let edited = try f.database.products.update(f.scope, id: p.id, edit, expectedVersion: p.version)
        #expect(try rules(f, p) == ["BER-1 8/16 product", "HAM-2 1/4 own"], "without its own quantity: twice the point")

        // clearing the default removes the rules made from it, audited
        var cleared = ProductDraft(edited)
        cleared.reorderPointUnits = nil
        _ = try f.database.products.update(f.scope, id: p.id, cleared, expectedVersion: edited.version)
        #expect(try rules(f, p) == ["BER-1 8/16 product deleted", "HAM-2 1/4 own"])
        let audited = try f.database.read { db in
            try String.fetchAll(db, sql: "SELECT summary FROM audit_log WHERE entity = 'reorder rule' ORDER BY id")
        }
        #expect(audited.contains("reorder point of TAPE-50 at BER-1 from the product: 5"))
        #expect(audited.contains("reorder point of TAPE-50 follows the product: 8"))
        #expect(audited.contains("reorder point of TAPE-50 removed with the product's default"))
        #expect(try f.database.audit.verify(f.scope).isOK)
    }

    @Test func aProductWithoutADefaultMakesNoRule() throws {
        let f = try InventoryFixture()
        let p = try f.product("GLUE-1")
        try f.book(p, at: f.main, .receive(Quantity(2), unitCost: f.eur(100)))
        #expect(try f.book(p, at: f.main, .issue(Quantity(2), fromAllocation: false)).alerts.isEmpty)
        #expect(try rules(f, p).isEmpty)
    }
}
