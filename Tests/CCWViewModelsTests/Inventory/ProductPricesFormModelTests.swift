import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ProductPricesFormModelTests {
    @Test func aLadderIsTypedAsLinesAndWrongLinesAreNamed() throws {
        let f = try InventoryModelFixture()
        let form = ProductPricesFormModel(session: f.session, product: f.paper)
        #expect(form.value("tier") == "wholesale" && form.value("currency") == "EUR" && form.ladders.isEmpty)
        // nothing typed: saving asks for a line instead of removing anything
        form.send(.save)
        #expect(form.lastOutcome == .invalid && form.errors["line 1"]?.contains("type at least one line") == true)
        form.send(.set("line 1", "1 4.50"))
        form.send(.set("line 2", "10 4,2x"))
        form.send(.set("line 4", "5 4.00"))
        form.send(.set("currency", "EUT"))
        form.send(.save)
        #expect(form.lastOutcome == .invalid)
        #expect(form.errors["currency"] == "\"EUT\" is not a known ISO 4217 currency code")
        form.send(.set("currency", "eur"))
        form.send(.save)
        #expect(form.errors["line 2"]?.contains("4,2x") == true)
        form.send(.set("line 2", "10 4.20"))
        form.send(.save)
        #expect(form.errors["line 4"] == "quantity 5 comes after 10: quantities must go up")
        form.send(.set("line 4", "50 4.00"))
        form.send(.save)
        guard case .saved(let product) = form.lastOutcome else { Issue.record("not saved: \(form.lastOutcome)"); return }
        #expect(product.version == f.paper.version + 1)
        #expect(form.ladders.map(\.summary) == ["1 → 4.50 · 10 → 4.20 · 50 → 4.00"])
        // the saved ladder is shown again without the blank line between
        #expect(form.value("line 3") == "50 4.00" && !form.isDirty)
    }

    @Test func blankLinesRemoveTheLadderAfterConfirmation() throws {
        let f = try InventoryModelFixture()
        let db = f.session.database, scope = f.session.scope
        let priced = try db.productPrices.replace(scope, productId: f.paper.id, tier: .named("staff"), currency: .EUR,
                                                  breaks: [PriceBreak(from: Quantity(1), unitPrice: Money(minor: 300, currency: .EUR))],
                                                  expectedVersion: f.paper.version)
        let form = ProductPricesFormModel(session: f.session, product: priced, tier: .named("staff"), currency: .EUR)
        #expect(form.value("line 1") == "1 3.00" && form.ladderNames == ["staff EUR"])
        #expect(form.tierSuggestions == ["retail", "wholesale", "staff"])
        form.send(.set("line 1", ""))
        form.send(.save)
        #expect(form.lastOutcome == .confirmRemove("Remove the staff EUR prices of PAP-1?"))
        form.send(.remove)
        guard case .removed = form.lastOutcome else { Issue.record("not removed: \(form.lastOutcome)"); return }
        #expect(try db.productPrices.tiers(scope, productId: f.paper.id).ladders.isEmpty)
    }

    @Test func aProductChangedMeanwhileOffersReloadOrKeepMine() throws {
        let f = try InventoryModelFixture()
        let db = f.session.database, scope = f.session.scope
        let form = ProductPricesFormModel(session: f.session, product: f.paper)
        // someone edits the product after the form opened
        var draft = ProductDraft(f.paper)
        draft.name = "Papier A4 weiß"
        _ = try db.products.update(scope, id: f.paper.id, draft, expectedVersion: f.paper.version)
        form.send(.set("line 1", "1 4.50"))
        form.send(.save)
        guard case .conflict(let message) = form.lastOutcome else { Issue.record("no conflict: \(form.lastOutcome)"); return }
        #expect(message.contains("PAP-1 was changed by admin"))
        form.send(.keepMine)
        guard case .saved(let saved) = form.lastOutcome else { Issue.record("not saved: \(form.lastOutcome)"); return }
        #expect(saved.name == "Papier A4 weiß" && saved.version == f.paper.version + 2)
        // reload theirs: another ladder saved elsewhere shows up
        _ = try db.productPrices.replace(scope, productId: f.paper.id, tier: .wholesale, currency: .EUR,
                                         breaks: [PriceBreak(from: Quantity(1), unitPrice: Money(minor: 399, currency: .EUR))],
                                         expectedVersion: saved.version)
        form.send(.set("line 1", "1 4.10"))
        form.send(.save)
        guard case .conflict = form.lastOutcome else { Issue.record("no conflict: \(form.lastOutcome)"); return }
        form.send(.reloadTheirs)
        #expect(form.value("line 1") == "1 3.99" && !form.isDirty)
    }
}
