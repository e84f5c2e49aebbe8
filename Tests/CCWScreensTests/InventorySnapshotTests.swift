import CCWCore
import CCWDomain
import CCWViewModels
import Testing
import TerminalKit
@testable import CCWScreens

/// The Inventory screens on a small European catalogue in six warehouses: the product grid
/// with a parent's variants unfolded, a product's detail, the stock matrix (scrolled to the
/// right at 80 columns), a cell's drill-down, expiring batches, alerts and value.
@Suite struct InventorySnapshotTests {
    static func driver(login: String = "admin", width: Int, height: Int) throws -> ScreenDriver {
        let clock = ManualClock(ScreenFixture.now - 86_400_000)
        let db = try AppDatabase.temporary(clock: clock)
        try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
        try InventoryFixtureData.seed(db, clock: clock)
        clock.set(ScreenFixture.now)
        let scope = try db.login(login, org: DemoSeed.northwindName)
        let session = AppSession(database: db, scope: scope, clock: clock)
        return ScreenDriver(environment: AppEnvironment(session: session, background: nil),
                            options: AppOptions(theme: .defaultDark), width: width, height: height, glyphs: .unicode)
    }

    static func session(login: String) throws -> AppSession {
        let clock = ManualClock(ScreenFixture.now)
        let db = try AppDatabase.temporary(clock: clock)
        try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
        return AppSession(database: db, scope: try db.login(login, org: DemoSeed.northwindName), clock: clock)
    }

    func check(_ name: String, keys: [String], sizes: [(Int, Int)] = ScreenFixture.sizes, login: String = "admin") throws {
        for (w, h) in sizes {
            let driver = try Self.driver(login: login, width: w, height: h)
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func productsWithVariantsUnfolded() throws { try check("inventory-products", keys: ["g", "i", "j", "space"]) }
    @Test func productDetailWhenNarrow() throws {
        try check("inventory-product-detail", keys: ["g", "i", "j", "j", "j", "j", "enter"], sizes: [(80, 24)])
    }
    @Test func stockMatrix() throws { try check("inventory-stock-matrix", keys: ["g", "i", "2"]) }
    @Test func stockMatrixScrolledRight() throws {
        try check("inventory-stock-matrix-scrolled", keys: ["g", "i", "2", "l", "l", "l", "l", "l"], sizes: [(80, 24)])
    }
    @Test func stockCellDrillDown() throws { try check("inventory-stock-cell", keys: ["g", "i", "2", "j", "j", "j", "j", "enter"]) }
    @Test func expiringBatches() throws { try check("inventory-expiring", keys: ["g", "i", "2", "x", "enter"], sizes: [(120, 40)]) }
    @Test func alerts() throws { try check("inventory-alerts", keys: ["g", "i", "3"]) }
    @Test func value() throws { try check("inventory-value", keys: ["g", "i", "4"], sizes: [(120, 40)]) }

    @Test func productFormRefusesAWrongCheckDigit() throws {
        let driver = try Self.driver(width: 120, height: 40)
        driver.press("g", "i", "n")
        driver.type("KAF-9001")
        driver.press("tab")
        driver.type("4006381333932")
        driver.press("tab")
        driver.type("Espresso „Mañana“ 500 g")
        driver.press("ctrl+s")
        let frame = driver.snapshot()
        #expect(frame.contains("check digit"))
        #expect(frame.contains("should be 1, not 2"))
        #expect(Snapshot.verify(driver.render(), named: "inventory-product-form-120x40", directory: ScreenFixture.snapshots) == nil)
    }

    @Test func readOnlyUsersBrowseButCannotAdd() throws {
        let driver = try Self.driver(login: "petra.koch", width: 120, height: 40)
        driver.press("g", "i", "n")
        let frame = driver.snapshot()
        #expect(!frame.contains("New product"))
        #expect(frame.contains("Kopierpapier"))
        let section = ProductsSection(session: try Self.session(login: "petra.koch"), context: ScreenContext(theme: .defaultDark))
        #expect(section.disabledCommands[ProductsSection.add.id] == "adding products needs Inventory create rights (you are Read-only)")
        #expect(section.disabledCommands[ProductsSection.edit.id] != nil)
    }

    @Test func onlyLowFilterKeepsLowProducts() throws {
        let driver = try Self.driver(width: 120, height: 40)
        driver.press("g", "i", "2", "L")
        let frame = driver.snapshot()
        #expect(frame.contains("Kopierpapier"))
        #expect(!frame.contains("Hafermilch"))
        #expect(frame.contains("only low"))
    }

    @Test func warehouseStaffLandOnTheEntryForm() throws {
        let clerk = try Self.driver(login: "lena.fischer", width: 120, height: 40)
        clerk.press("g", "i")
        #expect(clerk.snapshot().contains("Receive · Issue · Transfer · Count"))
        let admin = try Self.driver(width: 120, height: 40)
        admin.press("g", "i")
        #expect(!admin.snapshot().contains("Receive · Issue · Transfer · Count"))
        #expect(admin.snapshot().contains("SKU"))
    }

    @Test func reserveAndReleaseInACell() throws {
        for (w, h) in ScreenFixture.sizes {
            let driver = try Self.driver(width: w, height: h)
            driver.press("g", "i", "2", "j", "j", "j", "j", "enter", "v")
            driver.type("two order:SO-7")
            driver.press("enter")
            #expect(driver.snapshot().contains("quantity:"), "a bad quantity keeps the prompt open and says why")
            driver.press("ctrl+u")
            driver.type("2 order:SO-7")
            driver.press("enter")
            let reserved = driver.snapshot()
            #expect(reserved.contains("Reserved for") && reserved.contains("order SO-7"))
            #expect(reserved.contains("Reserved  2") && reserved.contains("Available 4"))
            #expect(Snapshot.verify(driver.render(), named: "inventory-stock-cell-reserved-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
            driver.press("u", "enter")
            let released = driver.snapshot()
            #expect(!released.contains("Reserved for") && !released.contains("Reserved  2"))
        }
    }
}
