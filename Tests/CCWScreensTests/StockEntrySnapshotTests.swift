import CCWCore
import CCWDomain
import TerminalKit
import Testing
@testable import CCWScreens

/// Inventory › Entry at 80x24 and 120x40: the empty screen, and a session with receipts, a
/// transfer, a count with a difference and an error on the message line.
@Suite struct StockEntrySnapshotTests {
    static func addStock(_ db: AppDatabase) throws {
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        _ = try db.warehouses.add(scope, code: "MAIN", name: "Berlin main warehouse")
        _ = try db.warehouses.add(scope, code: "SHOP", name: "Hamburg shop", type: .store)
        for (sku, name, barcode, cost) in [("BOLT-M8", "Bolt M8 zinc", "4006381333931", Int64(12)),
                                           ("NUT-M8", "Nut M8 zinc", nil, 5),
                                           ("DRILL-600W", "Hammer drill 600 W", "0012345678905", 4990)] {
            var draft = ProductDraft(sku: sku, name: name, barcode: barcode)
            draft.costMinor = cost
            _ = try db.products.add(scope, draft)
        }
    }

    func check(_ name: String, build: (ScreenDriver) -> Void) throws {
        for (w, h) in ScreenFixture.sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try Self.addStock(db)
            driver.press("g", "i", "6")
            build(driver)
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func emptyEntryScreen() throws {
        try check("inventory-entry") { _ in }
    }

    @Test func aSessionOfScansTransferCountAndAnError() throws {
        try check("inventory-entry-session") { driver in
            // receive: bin A-12-3, three scans (one repeated) and a typed quantity
            driver.press("tab", "tab", "tab", "tab", "tab")
            driver.type("A-12-3")
            driver.press("enter")
            for code in ["4006381333931", "4006381333931", "NUT-M8"] {
                driver.type(code)
                driver.press("enter")
            }
            driver.type("DRILL-600W")
            driver.press("tab")
            driver.type("6")
            driver.press("enter")
            // transfer 2 drills to the shop
            driver.type(">")
            driver.type("DRILL-600W")
            driver.press("tab")
            driver.type("2")
            driver.press("enter")
            // count the bin: 1 nut found missing? counted 0 → difference -1
            driver.type("=")
            driver.type("NUT-M8")
            driver.press("enter")
            driver.type("0")
            driver.press("enter")
            // an unknown code
            driver.type("-")
            driver.type("XYZ-404")
            driver.press("enter")
        }
    }
}
