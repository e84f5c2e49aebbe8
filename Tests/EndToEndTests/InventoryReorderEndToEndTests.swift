import Foundation
import Testing

/// The real `ccw` in tmux, a clerk's morning: set a reorder point from the stock matrix, receive
/// three scanned items, transfer one, count a bin with a difference that takes the stock below
/// its point, see the low-stock toast the background job sends, and turn the alert into a draft
/// purchase order for the product's supplier.
@Suite(.serialized) struct InventoryReorderEndToEndTests {
    @Test func scanCountSeeTheLowStockToastAndOrderFromTheAlert() throws {
        let s = try Scratch()
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let order = "PO-\(utc.component(.year, from: Date()))-0001"
        let setup: [[String]] = [
            ["init"],
            ["warehouses", "add", "MAIN", "--name", "Main warehouse"],
            ["warehouses", "add", "SHOP", "--name", "Shop", "--type", "store"],
            ["companies", "add", "--name", "Schrauben Krause GmbH"],
            ["products", "add", "BOLT-M8", "--name", "Bolt M8", "--barcode", "4006381333931", "--cost", "0.12"],
            ["products", "add", "NUT-M8", "--name", "Nut M8", "--cost", "0.05", "--supplier", "Schrauben Krause GmbH", "--supplier-sku", "SK-N8"],
            ["products", "add", "DRILL-600W", "--name", "Hammer drill", "--barcode", "0012345678905", "--cost", "49.90"],
            ["stock", "receive", "NUT-M8", "10", "--warehouse", "MAIN/A-12-3", "--cost", "0.05"],
        ]
        for args in setup {
            let r = try Build.run(args + ["--login", "clerk"], environment: s.environment)
            #expect(r.0 == 0, "ccw \(args.joined(separator: " ")): \(r.2)")
        }

        let tmux = try TmuxSession(command: try s.command("--login clerk"), width: 100, height: 30)
        try tmux.waitForStart()
        // the reorder point, from the stock matrix: at 5 or less, order 50
        try tmux.press("g", "i", "2")
        try tmux.waitFor("! at or below reorder point")
        try tmux.press("/")
        try tmux.type("NUT-M8")
        try tmux.press("Enter")
        try tmux.waitFor("Stock filtered: /NUT-M8")
        try tmux.press("e")
        try tmux.waitFor("Reorder NUT-M8 at MAIN")
        try tmux.type("5 x")
        try tmux.press("Enter")
        try tmux.waitFor("order quantity")
        try tmux.press("C-u")
        try tmux.type("5 50")
        try tmux.press("Enter")
        try tmux.waitFor("reorder point of NUT-M8 at MAIN set to 5, order 50")

        // the scanner screen: bin A-12-3, three scans, one transfer, a count with a difference
        try tmux.press("6")
        try tmux.waitFor("Receive · Issue · Transfer · Count")
        try tmux.press("Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.type("A-12-3")
        try tmux.press("Enter")
        for (code, sku) in [("4006381333931", "BOLT-M8"), ("NUT-M8", "NUT-M8"), ("0012345678905", "DRILL-600W")] {
            try tmux.type(code)
            try tmux.press("Enter")
            try tmux.waitFor("received 1 pcs of \(sku) at MAIN/A-12-3")
        }
        try tmux.type(">")
        try tmux.waitFor("[> Transfer]")
        try tmux.type("DRILL-600W")
        try tmux.press("Enter")
        try tmux.waitFor("moved 1 pcs of DRILL-600W at MAIN/A-12-3 → SHOP")
        try tmux.type("=")
        try tmux.type("NUT-M8")
        try tmux.press("Enter")
        try tmux.waitFor("type the counted quantity")
        try tmux.type("4")
        try tmux.press("Enter")
        try tmux.waitFor("difference -7 posted")

        // the low-stock job runs in the open TUI (every 15 s) and the notice arrives as a toast
        try tmux.waitFor("Low stock: NUT-M8 Nut M8 at MAIN", timeout: 45)

        // the alert becomes a draft order for the product's supplier
        try tmux.press("Escape")
        try tmux.pause()
        try tmux.press("3")
        try tmux.waitFor("Open low-stock alerts")
        try tmux.waitUntil("the alert for NUT-M8") { $0.contains("NUT-M8") && $0.contains("open") }
        try tmux.press("Space")
        try tmux.waitFor("1 marked for a reorder")
        try tmux.press("o")
        try tmux.waitFor("Draft purchase orders for 1 alert?")
        try tmux.press("y")
        try tmux.waitFor("\(order) drafted")
        try tmux.waitUntil("the alert names its order") { $0.contains("NUT-M8") && $0.contains(order) }
                try tmux.press("4")
        let orders = try tmux.waitFor("Schrauben Krause GmbH")
        #expect(orders.contains("draft"))

        #expect(try s.query("""
            SELECT o.number, o.status, c.name, p.sku, l.quantity FROM purchase_orders o JOIN companies c ON c.id = o.supplier_company_id
            JOIN purchase_order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
            """) == ["\(order)|draft|Schrauben Krause GmbH|NUT-M8|50"])
        #expect(try s.query("SELECT COUNT(*) FROM stock_alerts") == ["1"], "one alert, however often the job ran")
        #expect(try s.query("SELECT on_hand FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE p.sku = 'NUT-M8' AND l.bin = 'A-12-3'") == ["4"])
    }
}
