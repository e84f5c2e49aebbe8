import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct StockMatrixModelTests {
    @Test func cellsShowStockPerWarehouseAndLowStatus() throws {
        let f = try InventoryModelFixture()
        let model = StockMatrixModel(session: f.session)
        model.send(.reload)
        #expect(model.shownWarehouses.map(\.code) == ["MAIN", "SHOP"])
        #expect(model.list.count == 6)  // the T-shirt parent gives way to its four variants
        let paper = try #require((0..<6).compactMap { model.list.row(at: $0) }.first { $0.productId == f.paper.id })
        #expect(paper.cells[f.main.id]?.onHand == Quantity(15))
        #expect(paper.cells[f.main.id]?.status == .low)
        #expect(paper.cells[f.shop.id]?.status == .normal)
    }

    @Test func filtersOnlyLowAndWarehouseSubset() throws {
        let f = try InventoryModelFixture()
        let model = StockMatrixModel(session: f.session)
        model.send(.reload)
        model.send(.toggleOnlyLow)
        #expect(model.list.count == 1)
        #expect(model.selected?.productId == f.paper.id)
        model.send(.setWarehouses([f.shop.id]))
        #expect(model.list.count == 0)  // paper is low at MAIN only
        #expect(model.filterSummary == "only low · 1 of 2 warehouses")
        model.send(.setWarehouses(nil))
        model.send(.toggleOnlyLow)
        #expect(model.list.count == 6)
    }

    @Test func drillIntoTheFocusedCellAndExpiringBatches() throws {
        let f = try InventoryModelFixture()
        let model = StockMatrixModel(session: f.session)
        model.send(.reload)
        #expect(model.selected?.productId == f.coffee.id)  // "Kaffee" sorts first
        model.send(.moveColumn(by: 5))
        #expect(model.focusedWarehouse?.code == "SHOP")
        model.send(.moveColumn(by: -1))
        model.send(.openCell)
        let detail = try #require(model.detail)
        #expect(detail.locations.map(\.batch) == ["L1"])
        #expect(detail.locations.first?.expiry == f.session.today.adding(days: 5).description)
        #expect(detail.movements.count == 1)
        model.send(.closeCell)
        #expect(model.detail == nil)
        model.send(.showExpiring(days: 3))
        #expect(model.expiring.isEmpty)
        model.send(.showExpiring(days: 7))
        #expect(model.expiring.map(\.batch) == ["L1"])
    }
}
