import Foundation
import Testing

/// The real `ccw demo` in tmux: Inventory opens on the products, a parent's variants unfold,
/// the stock matrix shows the demo's warehouses and drills into a cell, and the alerts list
/// shows the demo's low stock; purchase orders and the value follow.
@Suite(.serialized) struct InventoryEndToEndTests {
    @Test func browseProductsMatrixAndAlerts() throws {
        let scratch = try Scratch()
        let tmux = try TmuxSession(command: try scratch.command("demo --login tester"), width: 120, height: 40)
        try tmux.waitForStart()
        try tmux.waitFor("Northwind Trading GmbH · tester (admin)")
        try tmux.press("g", "i")
        try tmux.waitFor("1 Products")
        try tmux.press("/")
        try tmux.type("TSH-CREW")
        let found = try tmux.waitFor("Crew T-shirt ▸ 12 variants")
        #expect(found.contains("TSH-CREW"), "the parent is listed by its SKU")
        try tmux.press("Enter")
        try tmux.waitFor("Products filtered: /TSH-CREW")
        try tmux.press("2")
        try tmux.waitFor("! at or below reorder point")
        try tmux.waitFor("MAIN")
        try tmux.press("Enter")
        try tmux.waitFor("Movements here")
        try tmux.pause()
        try tmux.press("Escape")
        try tmux.waitForAbsence("Movements here")
        try tmux.press("3")
        try tmux.waitFor("Open low-stock alerts")
        let alerts = try tmux.waitFor("open")
        #expect(alerts.contains("MAIN") || alerts.contains("SHOP"), "the demo's low stock is at its warehouses")
        try tmux.press("4")
        try tmux.waitFor("Select an order to see its lines")
        try tmux.press("5")
        try tmux.waitFor("methods in use")
    }
}
