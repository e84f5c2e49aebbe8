import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ProductsModelTests {
    @Test func variantsAreFoldedUnderTheirParentAndExpandOnRequest() throws {
        let f = try InventoryModelFixture()
        let model = ProductsModel(session: f.session)
        model.send(.reload)
        #expect(model.list.count == 3)  // Kaffee, Papier A4, T-Shirt
        let shirtRow = try #require((0..<3).first { model.list.row(at: $0)?.product.id == f.shirt.id })
        #expect(model.list.row(at: shirtRow)?.line.variantCount == 4)
        model.send(.move(.last))
        model.send(.expand)
        #expect(model.list.count == 7)
        #expect(model.list.row(at: shirtRow + 1)?.isNested == true)
        #expect(model.list.row(at: shirtRow + 1)?.product.sku.hasPrefix("TSH-") == true)
        model.send(.move(.down))
        model.send(.collapse)  // from a variant: its parent folds and keeps the selection
        #expect(model.list.count == 3)
        #expect(model.selected?.product.id == f.shirt.id)
    }

    @Test func searchListsVariantsFlatAndCategoryNarrows() throws {
        let f = try InventoryModelFixture()
        let model = ProductsModel(session: f.session)
        model.send(.setText("TSH"))
        #expect(model.list.count == 5)  // the parent and its four variants
        model.send(.setText("TS"))
        #expect(model.searchHint != nil)
        model.send(.setText(""))
        model.send(.setCategory(f.category))
        #expect(model.list.count == 1)
        #expect(model.selected?.product.sku == "PAP-1")
        #expect(model.filterSummary == "category Büro")
    }

    @Test func overviewShowsStockLedgerAndLayers() throws {
        let f = try InventoryModelFixture()
        let model = ProductsModel(session: f.session)
        model.send(.setCategory(f.category))
        let o = try #require(model.overview)
        #expect(o.product.id == f.paper.id)
        #expect(o.categoryPath == "Büro")
        #expect(o.ledger.first?.movement.kind == "issue")
        #expect(o.ledger.first?.balance == Quantity(15))
        #expect(o.ledger.first?.login == "admin")
        #expect(o.levels.first { $0.warehouseCode == "MAIN" }?.isLow == true)
        #expect(o.value.minor == 15 * 300 + 5 * 310)
        #expect(o.pools.first { $0.warehouseCode == "MAIN" }?.layers.count == 1)
    }
}
