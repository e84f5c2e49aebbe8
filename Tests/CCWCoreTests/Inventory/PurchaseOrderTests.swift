import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct PurchaseOrderTests {
    struct World {
        let seeded: SeededDatabase
        let scope: Scope
        let main: Int64, bremen: Int64
        let hubwagen: Product, kuehlbox: Product, folie: Product
    }

    /// Three products at two warehouses, two of them from the same supplier, all run low.
    func world() throws -> World {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let mueller = try db.companies.add(scope, company: Company(name: "Müller & Söhne GmbH"))
        let main = try db.warehouses.add(scope, code: "MAIN", name: "Hauptlager").id
        let bremen = try db.warehouses.add(scope, code: "HB", name: "Bremen").id
        func product(_ sku: String, _ name: String, cost: Int64, supplier: Int64?) throws -> Product {
            var draft = ProductDraft(sku: sku, name: name)
            draft.costMinor = cost
            draft.supplierCompanyId = supplier
            return try db.products.add(scope, draft)
        }
        let hubwagen = try product("HX-200", "Hubwagen", cost: 24_900, supplier: mueller.id.rawValue)
        let kuehlbox = try product("KL-1", "Kühlbox", cost: 4_250, supplier: mueller.id.rawValue)
        let folie = try product("ST-9", "Stretchfolie", cost: 1_199, supplier: nil)
        for (p, w) in [(hubwagen, main), (kuehlbox, main), (folie, bremen)] {
            try db.reorderRules.set(scope, productId: p.id, warehouseId: w, point: Quantity(2), quantity: Quantity(10))
            try db.stockBooking.book(scope, StockMovementRequest(productId: p.id, warehouseId: w,
                                                                 kind: .receive(Quantity(5), unitCost: p.cost)))
            try db.stockBooking.book(scope, .issue(p.id, at: w, Quantity(4)))
        }
        return World(seeded: seeded, scope: scope, main: main, bremen: bremen, hubwagen: hubwagen, kuehlbox: kuehlbox, folie: folie)
    }

    @Test func alertsBecomeDraftOrdersGroupedBySupplierAndWarehouse() throws {
        let w = try world()
        let db = w.seeded.database
        let alerts = try db.stockQueries.alerts(w.scope)
        #expect(alerts.count == 3)
        let orders = try db.purchaseOrders.draft(w.scope, fromAlerts: alerts.map(\.id))
        #expect(orders.map(\.number) == ["PO-2026-0001", "PO-2026-0002"] || orders.count == 2)
        let mueller = try #require(orders.first { $0.supplierName == "Müller & Söhne GmbH" })
        #expect(Set(mueller.lines.map(\.sku)) == ["HX-200", "KL-1"])
        #expect(mueller.warehouseCode == "MAIN")
        #expect(mueller.lines.allSatisfy { $0.quantity == Quantity(10) && $0.received.isZero })
        #expect(mueller.total.minor == 10 * 24_900 + 10 * 4_250)
        let none = try #require(orders.first { $0.supplierId == nil })
        #expect(none.lines.map(\.sku) == ["ST-9"] && none.warehouseCode == "HB")
        // The same alert cannot go on a second open order.
        let again = coreError { _ = try db.purchaseOrders.draft(w.scope, fromAlerts: [alerts[0].id]) }
        #expect(again?.description.contains("already on PO-") == true)
    }

    @Test func receivingBooksTheGoodsAtTheOrderCostOnceAndRaisesStockAboveThePoint() throws {
        let w = try world()
        let db = w.seeded.database
        let alerts = try db.stockQueries.alerts(w.scope)
        let order = try #require(try db.purchaseOrders.draft(w.scope, fromAlerts: alerts.map(\.id)).first { $0.supplierId != nil })
        let sent = try db.purchaseOrders.markSent(w.scope, id: order.id, expectedVersion: order.version)
        #expect(sent.status == .sent)
        let received = try db.purchaseOrders.receive(w.scope, id: order.id)
        #expect(received.status == .received)
        #expect(received.lines.allSatisfy { $0.received == $0.quantity })
        let levels = try db.stockQueries.levels(w.scope).filter { $0.warehouseId == w.main }
        #expect(levels.first { $0.productId == w.hubwagen.id }?.level.onHand == Quantity(11))
        // Receiving again books nothing more.
        #expect(coreError { _ = try db.purchaseOrders.receive(w.scope, id: order.id) } != nil)
        #expect(try db.stockQueries.levels(w.scope).first { $0.productId == w.hubwagen.id && $0.warehouseId == w.main }?.level.onHand == Quantity(11))
        // The alerts of the received lines are resolved by the stock going above the point.
        #expect(try db.stockQueries.alerts(w.scope).map(\.productId) == [w.folie.id])
        #expect(try db.audit.verify(w.scope).isOK)
    }

    @Test func aPartlyReceivedOrderOnlyBooksWhatIsMissingAndCannotBeCancelled() throws {
        let w = try world()
        let db = w.seeded.database
        let alerts = try db.stockQueries.alerts(w.scope)
        let order = try #require(try db.purchaseOrders.draft(w.scope, fromAlerts: alerts.map(\.id)).first { $0.supplierId != nil })
        let first = order.lines[0]
        // A crash after one line: the first line's receipt is already in the ledger.
        try db.stockBooking.book(w.scope, StockMovementRequest(productId: first.productId, warehouseId: w.main,
                                                               kind: .receive(first.quantity, unitCost: first.unitCost),
                                                               reference: PurchaseOrders.reference(order.number, line: first.id)))
        #expect(try db.purchaseOrders.get(w.scope, id: order.id).lines[0].remaining.isZero)
        #expect(coreError { _ = try db.purchaseOrders.cancel(w.scope, id: order.id, expectedVersion: order.version) } != nil)
        let done = try db.purchaseOrders.receive(w.scope, id: order.id)
        #expect(done.status == .received)
        let onHand = try db.stockQueries.levels(w.scope).first { $0.productId == first.productId && $0.warehouseId == w.main }?.level.onHand
        #expect(onHand == Quantity(11))
    }

    @Test func permissionsAndTenancy() throws {
        let w = try world()
        let db = w.seeded.database
        let alerts = try db.stockQueries.alerts(w.scope)
        let sales = try w.seeded.scope("jonas.weber")
        #expect(coreError { _ = try db.purchaseOrders.draft(sales, fromAlerts: alerts.map(\.id)) }?.exitCode == 4)
        let order = try db.purchaseOrders.draft(w.scope, fromAlerts: [alerts[0].id])[0]
        #expect(coreError { _ = try db.purchaseOrders.get(w.seeded.harbour, id: order.id) }?.exitCode == 1)
        #expect(try db.purchaseOrders.list(w.seeded.harbour).isEmpty)
    }
}
