import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ProductFormModelTests {
    @Test func pricesAreTypedAsDecimalsAndBadFieldsAreNamed() throws {
        let f = try InventoryModelFixture()
        let form = ProductFormModel(session: f.session)
        form.send(.set(.sku, "ESP-500"))
        form.send(.set(.name, "Espresso „Mañana“"))
        form.send(.set(.barcode, "4006381333932"))
        form.send(.set(.price, "12,9x"))
        form.send(.set(.category, "Nirgendwo"))
        form.send(.save)
        #expect(form.lastOutcome == .invalid)
        #expect(form.errors[.price] != nil)
        #expect(form.errors[.category]?.contains("no category") == true)
        form.send(.set(.price, "1,234.50"))
        form.send(.set(.category, "büro"))
        form.send(.save)
        #expect(form.errors[.barcode]?.contains("check digit should be 1, not 2") == true)
        form.send(.set(.barcode, "4006381333931"))
        form.send(.save)
        guard case .saved(let product) = form.lastOutcome else { Issue.record("not saved: \(form.lastOutcome)"); return }
        #expect(product.price.minor == 123_450)
        #expect(product.categoryId == f.category.id)
    }

    @Test func editingKeepsOptimisticLocking() throws {
        let f = try InventoryModelFixture()
        let form = ProductFormModel(session: f.session, editing: f.paper)
        let other = ProductFormModel(session: f.session, editing: f.paper)
        other.send(.set(.brand, "Papyra"))
        other.send(.save)
        form.send(.set(.name, "Papier A4 80 g"))
        form.send(.save)
        guard case .conflict = form.lastOutcome else { Issue.record("expected a conflict, got \(form.lastOutcome)"); return }
        form.send(.keepMine)
        guard case .saved(let saved) = form.lastOutcome else { Issue.record("not saved"); return }
        #expect(saved.name == "Papier A4 80 g")
    }
}
