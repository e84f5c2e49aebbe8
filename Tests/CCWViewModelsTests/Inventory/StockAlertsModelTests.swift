import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct StockAlertsModelTests {
    @Test func openAlertsAndTheReorderHook() throws {
        let f = try InventoryModelFixture()
        let model = StockAlertsModel(session: f.session)
        model.send(.reload)
        #expect(model.lines.count == 1)
        let line = try #require(model.selectedLine)
        #expect(line.sku == "PAP-1")
        #expect(line.warehouseCode == "MAIN")
        #expect(line.onHandNow == Quantity(15))
        #expect(line.reorderQuantity == Quantity(100))
        #expect(model.alertsForReorder.map(\.alert.id) == [line.alert.id])  // nothing marked: the selected one
        model.send(.toggleMark)
        #expect(model.alertsForReorder.count == 1)
        model.send(.clearMarks)
        #expect(model.marks.isEmpty)
    }
}

@Suite struct ValuationModelTests {
    @Test func valueAsOfATypedDate() throws {
        let f = try InventoryModelFixture()
        let model = ValuationModel(session: f.session)
        model.send(.reload)
        #expect(model.total.minor == 15 * 300 + 5 * 310 + 10 * 1200)
        #expect(model.methods == "FIFO 2")
        model.send(.setView(.warehouse))
        #expect(model.lines.map(\.label) == ["MAIN", "SHOP"])
        model.send(.setDate("-1"))
        #expect(model.total.isZero)  // nothing was booked before today
        model.send(.setDate("2026-13-01"))
        #expect(model.error?.hasPrefix("as of:") == true)
    }
}
