import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct ProductPricesTests {
    func eurBreaks(_ text: String, decimals: Int = 0) throws -> [PriceBreak] {
        try PriceLadderText.breaks(list: text, currency: .EUR, decimals: decimals, unit: "pcs")
    }

    /// The field errors `body` threw as `ValidationErrors` (empty if none).
    func problems(_ body: () throws -> Void) -> [FieldError] {
        do { try body() } catch let error as ValidationErrors { return error.errors } catch {}
        return []
    }

    @Test func aLadderIsParsedAndEveryBadLineIsNamed() throws {
        let breaks = try eurBreaks("1=10.00,10=9.00, 50 = 1,234.50")
        #expect(breaks.map { "\($0.minimumQuantity)=\($0.unitPrice.decimalString)" } == ["1=10.00", "10=9.00", "50=1234.50"])
        #expect(try PriceLadderText.breaks(["1 10", "", "12 9.5"], currency: .EUR, decimals: 0, unit: "pcs").count == 2)
        // when several lines are wrong, each is named by its line
        let errors = problems { _ = try PriceLadderText.breaks(["10 9.00", "5 9.50", "5 9.40", "0 1", "x", "20 1.999", "30 -1"],
                                                               currency: .EUR, decimals: 0, unit: "pcs") }
        let text = errors.map(\.description)
        #expect(text.contains("line 2: quantity 5 comes after 10: quantities must go up"), "\(text)")
        #expect(text.contains("line 3: quantity 5 is already on line 2"), "\(text)")
        #expect(text.contains("line 4: quantity 0 must be above zero"), "\(text)")
        #expect(text.contains { $0.hasPrefix("line 5: \"x\": expected a quantity and a unit price") }, "\(text)")
        #expect(text.contains("line 6: 1.999: too many decimals for EUR (2 allowed)"), "\(text)")
        #expect(text.contains("line 7: price -1.00 must not be negative"), "\(text)")
        // the currency's precision decides the decimals: JPY has none, KWD three
        #expect(throws: ValidationErrors.self) { try PriceLadderText.breaks(["1 100.5"], currency: .JPY, decimals: 0, unit: "pcs") }
        #expect(try PriceLadderText.breaks(["1 1.125"], currency: .KWD, decimals: 0, unit: "pcs").first?.unitPrice.minor == 1125)
        // quantities follow the product's unit
        #expect(throws: ValidationErrors.self) { try eurBreaks("1.5=2.00") }
        #expect(try eurBreaks("0.250=2.00", decimals: 3).first?.minimumQuantity == Quantity(units: 250, scale: 3))
        // keys and tiers
        #expect(try PriceLadderText.key("Wholesale:eur") == (.wholesale, .EUR))
        #expect(try PriceLadderText.tier(" Distributor ") == .named("distributor"))
        #expect(throws: ValidationErrors.self) { try PriceLadderText.key("wholesale:EUT") }
        #expect(throws: ValidationErrors.self) { try PriceLadderText.key("wholesale") }
        #expect(throws: InputError.self) { try PriceLadderText.tier("staff price") }
    }

    @Test func aReplacedLadderQuotesByBreakAndBumpsTheProductVersion() throws {
        let f = try InventoryFixture()
        var draft = ProductDraft(sku: "MUG-1", name: "Mug")
        draft.priceMinor = 1290
        let mug = try f.database.products.add(f.scope, draft)
        let prices = f.database.productPrices
        let saved = try prices.replace(f.scope, productId: mug.id, tier: .wholesale, currency: .EUR,
                                       breaks: try eurBreaks("1=10.00,10=9.00,50=8.00"), expectedVersion: mug.version)
        #expect(saved.version == mug.version + 1)
        let tiers = try prices.tiers(f.scope, productId: mug.id)
        #expect(tiers.sortedLadders.map(\.summary) == ["1 → 10.00 · 10 → 9.00 · 50 → 8.00"])
        // quote: the highest break not above the quantity
        for (quantity, unit, line) in [(1, 1000, 1000), (12, 900, 10800), (50, 800, 40000), (120, 800, 96000)] as [(Int64, Int64, Int64)] {
            let quote = try prices.quote(f.scope, productId: mug.id, quantity: Quantity(quantity), tier: .wholesale, currency: .EUR)
            #expect(quote.unitPrice == f.eur(unit) && quote.lineTotal == f.eur(line), "\(quantity)")
        }
        #expect(try prices.quote(f.scope, productId: mug.id, quantity: Quantity(12), tier: .wholesale).source == .ladder(from: Quantity(10)))
        // retail without a ladder: the sale price, in the product's currency
        let retail = try prices.quote(f.scope, productId: mug.id, quantity: Quantity(3))
        #expect(retail.source == .salePrice && retail.unitPrice == f.eur(1290) && retail.lineTotal == f.eur(3870))
        // another tier or currency without a ladder is refused, naming what is priced
        let staff = coreError { _ = try prices.quote(f.scope, productId: mug.id, quantity: Quantity(1), tier: .named("staff")) }
        #expect(staff?.description == "MUG-1 has no staff price in EUR (priced: wholesale:EUR)")
        #expect(coreError { _ = try prices.quote(f.scope, productId: mug.id, quantity: Quantity(1), tier: .retail, currency: .USD) }?.exitCode == 1)
        #expect(coreError { _ = try prices.quote(f.scope, productId: mug.id, quantity: Quantity(0), tier: .wholesale) }?.fieldErrors.first?.field == "quantity")
        // a retail ladder starting at 10 still sells fewer at the sale price
        let v2 = try prices.replace(f.scope, productId: mug.id, tier: .retail, currency: .EUR, breaks: try eurBreaks("10=11.00"),
                                    expectedVersion: saved.version)
        #expect(try prices.quote(f.scope, productId: mug.id, quantity: Quantity(2)).unitPrice == f.eur(1290))
        #expect(try prices.quote(f.scope, productId: mug.id, quantity: Quantity(10)).unitPrice == f.eur(1100))
        // removing a ladder
        let v3 = try prices.remove(f.scope, productId: mug.id, tier: .wholesale, currency: .EUR, expectedVersion: v2.version)
        #expect(v3.version == v2.version + 1)
        #expect(try prices.tiers(f.scope, productId: mug.id).sortedLadders.map { "\($0.tier):\($0.currency)" } == ["retail:EUR"])
        #expect(coreError { _ = try prices.remove(f.scope, productId: mug.id, tier: .wholesale, currency: .EUR, expectedVersion: v3.version) }
                == .notFound(entity: "price ladder", key: "wholesale:EUR of MUG-1"))
    }

    @Test func decimalUnitsRoundTheLineHalfAwayFromZero() throws {
        let f = try InventoryFixture()
        var draft = ProductDraft(sku: "CHEESE", name: "Cheese")
        draft.decimals = 3
        draft.unit = "kg"
        let cheese = try f.database.products.add(f.scope, draft)
        _ = try f.database.productPrices.replace(f.scope, productId: cheese.id, tier: .wholesale, currency: .EUR,
                                                 breaks: try eurBreaks("0.100=12.99", decimals: 3), expectedVersion: cheese.version)
        let quote = try f.database.productPrices.quote(f.scope, productId: cheese.id, quantity: Quantity(units: 375, scale: 3), tier: .wholesale)
        #expect(quote.lineTotal == f.eur(487))  // 0.375 × 12.99 = 4.87125
        #expect(coreError { _ = try f.database.productPrices.quote(f.scope, productId: cheese.id, quantity: Quantity(units: 50, scale: 3),
                                                                    tier: .wholesale) }?.description.contains("its ladder starts at 0.100") == true)
    }

    @Test func theCoreRefusesABadLadderNamingItsLines() throws {
        let f = try InventoryFixture()
        let p = try f.product("PEN-1")
        let bad = [PriceBreak(from: Quantity(10), unitPrice: f.eur(100)), PriceBreak(from: Quantity(10), unitPrice: f.eur(-1)),
                   PriceBreak(from: Quantity(5), unitPrice: Money(minor: 1, currency: .USD))]
        let error = coreError { _ = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                          breaks: bad, expectedVersion: p.version) }
        #expect(error?.fieldErrors.map(\.description) == [
            "line 2: price -0.01 must not be negative", "line 2: quantity 10 is already on line 1",
            "line 3: price 0.01 USD is not in EUR", "line 3: quantity 5 comes after 10: quantities must go up",
        ])
        #expect(coreError { _ = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                      breaks: [], expectedVersion: p.version) }?.fieldErrors.first?.field == "lines")
        // nothing was written and the version stayed
        #expect(try f.database.products.get(f.scope, id: p.id).version == p.version)
        #expect(try f.database.productPrices.tiers(f.scope, productId: p.id).ladders.isEmpty)
    }

    @Test func aStaleVersionIsAConflictAndNothingChanges() throws {
        let f = try InventoryFixture()
        let p = try f.product("PEN-2")
        let breaks = try eurBreaks("1=2.00")
        let v2 = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .wholesale, currency: .EUR, breaks: breaks, expectedVersion: p.version)
        // a product form opened before the price change cannot overwrite it, and vice versa
        #expect(coreError { _ = try f.database.products.update(f.scope, id: p.id, ProductDraft(p), expectedVersion: p.version) }?.exitCode == 3)
        let stale = coreError { _ = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                          breaks: try eurBreaks("1=1.00"), expectedVersion: p.version) }
        guard case let .conflict(info)? = stale else { Issue.record("expected a conflict, got \(String(describing: stale))"); return }
        #expect(info.currentVersion == v2.version && info.changedBy == SeededDatabase.admin)
        #expect(try f.database.productPrices.tiers(f.scope, productId: p.id).sortedLadders.map(\.summary) == ["1 → 2.00"])
    }

    @Test func changesAreAuditedAndPublished() throws {
        let f = try InventoryFixture()
        let p = try f.product("PEN-3")
        let audits = try f.seeded.auditCount(f.scope.orgId)
        let v2 = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .named("distributor"), currency: .EUR,
                                                      breaks: try eurBreaks("1=2.00,100=1.50"), expectedVersion: p.version)
        _ = try f.database.productPrices.remove(f.scope, productId: p.id, tier: .named("distributor"), currency: .EUR, expectedVersion: v2.version)
        #expect(try f.seeded.auditCount(f.scope.orgId) == audits + 2)
        let rows = try f.database.read { db in
            try Row.fetchAll(db, sql: "SELECT summary, before_json, after_json FROM audit_log WHERE org_id = ? AND entity = 'product' AND entity_id = ? ORDER BY id DESC LIMIT 2",
                             arguments: [f.scope.orgId, p.id])
        }
        #expect(rows.map { $0["summary"] as String } == ["removed the distributor EUR prices of PEN-3",
                                                          "set the distributor EUR prices of PEN-3: 1 → 2.00 · 100 → 1.50"])
        #expect((rows[1]["after_json"] as String).contains("\"unit_price\":\"1.50\""))
        #expect((rows[0]["before_json"] as String).contains("\"min_quantity\":\"100\""))
        let events = try f.database.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM event_outbox WHERE org_id = ? AND type = 'inventory.product.prices-changed' ORDER BY id",
                                arguments: [f.scope.orgId])
        }
        #expect(events.count == 2 && events[0].contains("\"sku\":\"PEN-3\"") && events[0].contains("\"tier\":\"distributor\""))
        // soft-deleted breaks stay in the table, the live ladder is gone
        let stored = try f.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product_prices WHERE product_id = ? AND deleted_at IS NOT NULL", arguments: [p.id]) }
        #expect(stored == 2)
    }

    @Test func anotherOrganizationCanNeitherSeeNorChangeTheLadders() throws {
        let f = try InventoryFixture()
        let p = try f.product("PEN-4")
        _ = try f.database.productPrices.replace(f.scope, productId: p.id, tier: .wholesale, currency: .EUR,
                                                 breaks: try eurBreaks("1=2.00"), expectedVersion: p.version)
        let harbour = f.seeded.harbour
        let notFound = CoreError.notFound(entity: "product", key: "#\(p.id)")
        #expect(coreError { _ = try f.database.productPrices.tiers(harbour, productId: p.id) } == notFound)
        #expect(coreError { _ = try f.database.productPrices.quote(harbour, productId: p.id, quantity: Quantity(1), tier: .wholesale) } == notFound)
        #expect(coreError { _ = try f.database.productPrices.replace(harbour, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                      breaks: [], expectedVersion: p.version + 1) } == notFound)
        #expect(coreError { _ = try f.database.productPrices.remove(harbour, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                     expectedVersion: p.version + 1) } == notFound)
        // harbour's own product with the same SKU keeps its own (empty) ladders
        let theirs = try f.product("PEN-4", scope: harbour)
        #expect(try f.database.productPrices.tiers(harbour, productId: theirs.id).ladders.isEmpty)
        // and a read-only user may quote but not change prices
        let readOnly = try f.seeded.scope("petra.koch")
        #expect(try f.database.productPrices.quote(readOnly, productId: p.id, quantity: Quantity(1), tier: .wholesale).unitPrice == f.eur(200))
        #expect(coreError { _ = try f.database.productPrices.replace(readOnly, productId: p.id, tier: .wholesale, currency: .EUR,
                                                                      breaks: try eurBreaks("1=1.00"), expectedVersion: p.version + 1) }?.exitCode == 4)
    }
}
