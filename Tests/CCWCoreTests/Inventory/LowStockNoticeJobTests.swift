import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct LowStockNoticeJobTests {
    @Test func anAlertIsAnnouncedOnceToWarehouseManagersAndAdminsOnly() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let product = try db.products.add(scope, ProductDraft(sku: "HX-200", name: "Hubwagen Ölfrei"))
        let warehouse = try db.warehouses.add(scope, code: "MAIN", name: "Hauptlager München")
        try db.reorderRules.set(scope, productId: product.id, warehouseId: warehouse.id, point: Quantity(5), quantity: Quantity(20))
        try db.stockBooking.book(scope, StockMovementRequest(productId: product.id, warehouseId: warehouse.id,
                                                             kind: .receive(Quantity(10), unitCost: Money(minor: 12_500, currency: scope.baseCurrency))))
        #expect(try LowStockNoticeJob.send(db, now: seeded.clock.now()) == 0)
        try db.stockBooking.book(scope, .issue(product.id, at: warehouse.id, Quantity(7)))  // 3 left: crosses the point
        try db.stockBooking.book(scope, .issue(product.id, at: warehouse.id, Quantity(1)))  // still low: no second alert
        #expect(try LowStockNoticeJob.send(db, now: seeded.clock.now()) == 1)
        #expect(try LowStockNoticeJob.send(db, now: seeded.clock.now()) == 0)
        let told = try db.read { d in
            try String.fetchAll(d, sql: """
                SELECT u.login FROM notifications n JOIN users u ON u.id = n.user_id
                WHERE n.kind = 'inventory.stock.low' ORDER BY u.login
                """)
        }
        // Northwind: ada (admin), anna.schmidt (manager), lena.fischer (warehouse); not sales,
        // accounting or read-only; and nobody at Harbour.
        #expect(told == ["ada", "anna.schmidt", "lena.fischer"])
        let title = try db.read { d in try String.fetchOne(d, sql: "SELECT title FROM notifications WHERE kind = 'inventory.stock.low' LIMIT 1") }
        #expect(title == "Low stock: HX-200 Hubwagen Ölfrei at MAIN — 3 pcs left (reorder at 5, order 20)")
        #expect(try db.audit.verify(scope).isOK)
    }

    @Test func twoSchedulersAnnounceEachAlertOnce() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let product = try db.products.add(scope, ProductDraft(sku: "KL-1", name: "Kühlbox"))
        let warehouse = try db.warehouses.add(scope, code: "B", name: "Bremen")
        try db.reorderRules.set(scope, productId: product.id, warehouseId: warehouse.id, point: Quantity(1), quantity: Quantity(4))
        try db.stockBooking.book(scope, StockMovementRequest(productId: product.id, warehouseId: warehouse.id,
                                                             kind: .receive(Quantity(2), unitCost: Money(minor: 900, currency: scope.baseCurrency))))
        try db.stockBooking.book(scope, .issue(product.id, at: warehouse.id, Quantity(2)))
        let counts = try [0, 1].map { _ in try LowStockNoticeJob.send(db, now: seeded.clock.now()) }
        #expect(counts.reduce(0, +) == 1)
    }
}
