import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct PurchaseOrdersModelTests {
    @Test func reorderSendReceiveFromTheModel() throws {
        let session = try SessionFixture.session()
        let db = session.database, scope = session.scope
        let supplier = try db.companies.add(scope, company: Company(name: "Nordlicht Handel KG"))
        var draft = ProductDraft(sku: "PAL-EU", name: "Europalette")
        draft.costMinor = 1_450
        draft.supplierCompanyId = supplier.id.rawValue
        let pallet = try db.products.add(scope, draft)
        let main = try db.warehouses.add(scope, code: "MAIN", name: "Hauptlager").id
        try db.reorderRules.set(scope, productId: pallet.id, warehouseId: main, point: Quantity(20), quantity: Quantity(100))
        try db.stockBooking.book(scope, StockMovementRequest(productId: pallet.id, warehouseId: main, kind: .receive(Quantity(30), unitCost: pallet.cost)))
        try db.stockBooking.book(scope, .issue(pallet.id, at: main, Quantity(15)))

        let model = PurchaseOrdersModel(session: session)
        model.send(.reload)
        #expect(model.orders.isEmpty)
        model.send(.reorderAll)
        #expect(model.lastMessage?.hasSuffix("drafted") == true)
        let order = try #require(model.order)
        #expect(order.supplierName == "Nordlicht Handel KG" && order.status == .draft)
        #expect(order.total.minor == 100 * 1_450)
        model.send(.reorderAll)
        #expect(model.lastMessage == "no low-stock alerts waiting for an order")
        model.send(.send)
        #expect(model.order?.status == .sent)
        model.send(.receive)
        #expect(model.lastMessage == "\(order.number) received: 1 line booked into MAIN")
        #expect(model.orders.isEmpty)  // received orders are closed
        model.send(.toggleClosed)
        #expect(model.order?.status == .received)
        model.send(.cancel)
        #expect(model.error?.contains("received goods") == true || model.error?.contains("cannot be cancelled") == true)
        #expect(try db.stockQueries.levels(scope).first { $0.productId == pallet.id }?.level.onHand == Quantity(115))
    }
}
