import Foundation
import Testing

/// The real `ccw` in tmux on Inventory › Entry, as a clerk with a scanner: three items received
/// into a bin by typing their codes and Enter, one transferred to the shop, a bin counted with
/// a difference; the ledger in the database file says the same.
@Suite(.serialized) struct StockEntryEndToEndTests {
    @Test func receiveThreeScansTransferOneAndCountABin() throws {
        let s = try Scratch()
        #expect(try s.ccw("init", "--login", "clerk").status == 0)
        #expect(try s.ccw("warehouses", "add", "MAIN", "--name", "Main warehouse", "--login", "clerk").status == 0)
        #expect(try s.ccw("warehouses", "add", "SHOP", "--name", "Shop", "--type", "store", "--login", "clerk").status == 0)
        #expect(try s.ccw("products", "add", "BOLT-M8", "--name", "Bolt M8", "--barcode", "4006381333931", "--cost", "0.12", "--login", "clerk").status == 0)
        #expect(try s.ccw("products", "add", "NUT-M8", "--name", "Nut M8", "--cost", "0.05", "--login", "clerk").status == 0)
        #expect(try s.ccw("products", "add", "DRILL-600W", "--name", "Hammer drill", "--barcode", "0012345678905", "--cost", "49.90", "--login", "clerk").status == 0)

        let tmux = try TmuxSession(command: try s.command("--login clerk"), width: 100, height: 30)
        try tmux.waitForStart()
        try tmux.press("g", "i", "6")
        try tmux.waitFor("Receive · Issue · Transfer · Count")
        // the bin, once: Tab to the bin field, type it, Enter goes back to the code field
        try tmux.press("Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.type("A-12-3")
        try tmux.press("Enter")
        // three scans: digits (or a SKU) then Enter, quantity 1 each
        try tmux.type("4006381333931")
        try tmux.press("Enter")
        try tmux.waitFor("received 1 pcs of BOLT-M8 at MAIN/A-12-3")
        try tmux.type("NUT-M8")
        try tmux.press("Enter")
        try tmux.waitFor("received 1 pcs of NUT-M8")
        try tmux.type("0012345678905")
        try tmux.press("Enter")
        try tmux.waitFor("received 1 pcs of DRILL-600W")
        // an unknown code rings and keeps what was typed
        try tmux.type("NOPE-1")
        try tmux.press("Enter")
        try tmux.waitFor("unknown code NOPE-1")
        try tmux.press("C-u")
        // transfer the drill to the shop: > chooses the mode, the target defaults to SHOP
        try tmux.type(">")
        try tmux.waitFor("[> Transfer]")
        try tmux.type("DRILL-600W")
        try tmux.press("Enter")
        try tmux.waitFor("moved 1 pcs of DRILL-600W at MAIN/A-12-3 → SHOP")
        // count the bin: 3 nuts are there, the book says 1
        try tmux.type("=")
        try tmux.type("NUT-M8")
        try tmux.press("Enter")
        try tmux.waitFor("type the counted quantity")
        try tmux.type("3")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("difference +2 posted")
        #expect(screen.contains("3 (+2)"), "the session list shows the count and its difference")

        // the ledger agrees
        let rows = try s.query("""
            SELECT p.sku, m.kind, w.code, m.bin, m.quantity, COALESCE(m.counted_quantity, ''), COALESCE(m.expected_quantity, '')
            FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN warehouses w ON w.id = m.warehouse_id ORDER BY m.id
            """)
        #expect(rows == ["BOLT-M8|receive|MAIN|A-12-3|1||", "NUT-M8|receive|MAIN|A-12-3|1||", "DRILL-600W|receive|MAIN|A-12-3|1||",
                         "DRILL-600W|transfer-out|MAIN|A-12-3|-1||", "DRILL-600W|transfer-in|SHOP||1||",
                         "NUT-M8|count|MAIN|A-12-3|2|3|1"], "\(rows)")
        let bins = try s.query("SELECT p.sku, l.bin, l.on_hand FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE l.bin <> '' ORDER BY p.sku")
        #expect(bins == ["BOLT-M8|A-12-3|1", "DRILL-600W|A-12-3|0", "NUT-M8|A-12-3|3"])
    }
}
