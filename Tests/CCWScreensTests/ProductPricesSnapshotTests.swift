import CCWCore
import CCWDomain
import CCWViewModels
import Testing
import TerminalKit
@testable import CCWScreens

/// The price ladders of a product in Inventory › Products: the "Prices" lines of the detail
/// and the price form (`p`) with a wrong line named inline.
@Suite struct ProductPricesSnapshotTests {
    /// The inventory snapshot catalogue, with a wholesale ladder of four breaks, a USD ladder
    /// and a distributor ladder on the first product of the grid.
    static func driver(width: Int, height: Int) throws -> ScreenDriver {
        let clock = ManualClock(ScreenFixture.now - 86_400_000)
        let db = try AppDatabase.temporary(clock: clock)
        try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
        try InventoryFixtureData.seed(db, clock: clock)
        clock.set(ScreenFixture.now)
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        var product = try #require(try db.products.gridPage(scope, limit: 1).first).product
        for (tier, currency, ladder) in [(PriceTier.wholesale, CurrencyCode.EUR, "1=3.90,10=3.60,50=3.30,200=2.95"),
                                         (.wholesale, .USD, "1=4.40,10=4.10"), (.named("distributor"), .EUR, "100=2.80")] {
            let breaks = try PriceLadderText.breaks(list: ladder, currency: currency, decimals: product.decimals, unit: product.unit)
            product = try db.productPrices.replace(scope, productId: product.id, tier: tier, currency: currency, breaks: breaks,
                                                   expectedVersion: product.version)
        }
        let session = AppSession(database: db, scope: scope, clock: clock)
        return ScreenDriver(environment: AppEnvironment(session: session, background: nil),
                            options: AppOptions(theme: .defaultDark), width: width, height: height, glyphs: .unicode)
    }

    @Test func theDetailShowsTheLadders() throws {
        let wide = try Self.driver(width: 120, height: 40)
        wide.press("g", "i")
        #expect(wide.snapshot().contains("wholesale EUR"))
        #expect(Snapshot.verify(wide.render(), named: "inventory-product-prices-120x40", directory: ScreenFixture.snapshots) == nil)
        let narrow = try Self.driver(width: 80, height: 24)
        narrow.press("g", "i", "enter")
        #expect(narrow.snapshot().contains("p prices"))
        #expect(Snapshot.verify(narrow.render(), named: "inventory-product-prices-80x24", directory: ScreenFixture.snapshots) == nil)
    }

    @Test func thePriceFormNamesAWrongLineAndSaves() throws {
        for (w, h) in ScreenFixture.sizes {
            let driver = try Self.driver(width: w, height: h)
            driver.press("g", "i", "p")
            // the picker lists the ladders; the first is wholesale EUR
            #expect(driver.snapshot().contains("distributor EUR"))
            driver.press("enter")
            #expect(driver.snapshot().contains("Prices of"))
            driver.press("tab", "tab", "tab")   // line 2
            driver.press("ctrl+u")
            driver.type("0 3.60")
            driver.press("ctrl+s")
            #expect(driver.snapshot().contains("quantity 0 must be above zero"))
            #expect(Snapshot.verify(driver.render(), named: "inventory-product-price-form-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }
}
