import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct DemoInventoryTests {
    /// 2025-11-28 10:00 UTC: the demo's "now".
    static let end: Int64 = 1_764_324_000_000

    @Test func theDemoHistoryFillsNorthwindWithAConsistentInventory() throws {
        // given a demo database written on a clock that walks through four weeks
        let clock = ManualClock()
        let database = try makeDatabase(clock: clock)
        let identity = try DemoHistory.seed(database: database, clock: clock, adminLogin: "ada", adminName: "Ada Admin", end: Self.end)
        let nw = identity.northwind, hb = identity.harbour
        #expect(clock.now() == Self.end)

        // then the catalogue has a category tree, about 150 products and three managed warehouses
        let categories = try database.productCategories.list(nw)
        #expect((10...16).contains(categories.count))
        let tree = try database.productCategories.tree(nw)
        _ = tree
        #expect(categories.contains { category in
            category.parentId.flatMap { id in categories.first { $0.id == id }?.parentId } != nil
        }, "a third level exists")
        let products = try database.products.page(nw, limit: 1000)
        #expect((130...170).contains(products.count))
        for product in products where product.barcode != nil {
            #expect((try? Barcode(product.barcode!))?.symbology == .ean13, "\(product.sku)")
        }
        #expect(products.filter { $0.barcode == nil }.count == 2, "only the two variant parents have no barcode")
        #expect(products.filter { $0.parentId != nil }.count == 20)
        #expect(products.contains { $0.decimals == 3 })
        let methods = Dictionary(grouping: products, by: \.valuation).mapValues(\.count)
        #expect((methods[.lifo] ?? 0) >= 1 && (methods[.weightedAverage] ?? 0) >= 10 && (methods[.fifo] ?? 0) > products.count / 2)
        let warehouses = try database.warehouses.list(nw)
        #expect(warehouses.map(\.code) == ["MAIN", "RET", "SHOP"])
        let staff = try database.users.list(nw)
        for warehouse in warehouses {
            #expect(staff.first { $0.userId == warehouse.managerUserId }?.role == .warehouse, "\(warehouse.code)")
        }

        // and every level and cost pool equals the sum of its ledger rows, none negative
        let check = try LedgerCheck(database)
        #expect(check.mismatches.isEmpty, "\(check.mismatches.prefix(5))")
        let levels = try database.stockQueries.levels(nw, limit: 10_000)
        #expect(levels.allSatisfy { !$0.level.onHand.isNegative })
        let counts = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM stock_movements WHERE org_id = ? GROUP BY kind",
                             arguments: [nw.orgId]).reduce(into: [String: Int]()) { $0[$1["kind"]] = $1["n"] }
        }
        #expect((1200...3000).contains(counts.values.reduce(0, +)), "\(counts)")
        for kind in ["receive", "issue", "transfer-out", "transfer-in", "adjust", "count"] {
            #expect((counts[kind] ?? 0) > 0, "\(kind): \(counts)")
        }
        let (first, last) = try database.read { db in
            (try Int64.fetchOne(db, sql: "SELECT MIN(created_at) FROM stock_movements")!,
             try Int64.fetchOne(db, sql: "SELECT MAX(created_at) FROM stock_movements")!)
        }
        #expect(Self.end - first > 364 * ZonedTime.millisecondsPerDay && last < Self.end, "a year of movements")
        let months = try database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT SUBSTR(movement_date, 1, 7)) FROM stock_movements WHERE org_id = ?",
                             arguments: [nw.orgId])!
        }
        #expect(months == 13, "every month of the year has movements")
        let inOrder = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM stock_movements a JOIN stock_movements b ON b.id = a.id + 1
                WHERE b.created_at < a.created_at OR b.movement_date < a.movement_date
                """)!
        }
        #expect(inOrder == 0, "the ledger is written in time order")

        // and FIFO, LIFO and average differ because receipts came at different costs
        let costs = try database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT product_id FROM stock_movements WHERE kind = 'receive' GROUP BY product_id
                HAVING COUNT(DISTINCT unit_cost_minor) > 1)
                """)!
        }
        #expect(costs > 30)

        // and low-stock alerts are open, one of them raised again after its rule re-armed
        let open = try database.stockQueries.alerts(nw)
        #expect(open.count >= 5)
        #expect(try database.stockQueries.levels(nw, limit: 10_000).filter(\.isLow).count >= 5)
        let all = try database.stockQueries.alerts(nw, openOnly: false, limit: 1000)
        let raisedAgain = Dictionary(grouping: all, by: { "\($0.productId)/\($0.warehouseId)" })
            .values.filter { alerts in alerts.contains { $0.resolvedAt != nil } && alerts.contains { $0.resolvedAt == nil } }
        #expect(!raisedAgain.isEmpty)

        // and batches expire, some within 30 days of the end; serials are tracked
        let today = ZonedTime.date(at: Self.end, in: nw.zone)
        #expect(!(try database.stockQueries.expiringBatches(nw, onOrBefore: today.adding(days: 30))).isEmpty)
        let serialTracked = products.filter { $0.tracking == .serial }
        #expect(serialTracked.count >= 2)
        for product in serialTracked {
            let serials = try database.stockQueries.serials(nw, productId: product.id)
            let inStock = serials.filter { $0.warehouseId != nil }.count
            let onHand = levels.filter { $0.productId == product.id }.reduce(0) { $0 + $1.level.onHand.units }
            #expect(serials.allSatisfy { $0.serial.hasPrefix("SN-") } && Int64(inStock) == onHand, "\(product.sku)")
        }

        // and the audit chain verifies; Harbour has no inventory
        #expect(try database.audit.verify(nw).isOK)
        #expect(try database.audit.verify(hb).isOK)
        #expect(try database.products.page(hb).isEmpty)
        #expect(try database.warehouses.list(hb).isEmpty)
        #expect(try database.productCategories.list(hb).isEmpty)
        #expect(try database.stockQueries.levels(hb).isEmpty)
    }

    /// Reports how long seeding takes (the demo prints its progress; speed is ccw-bench's
    /// business, not a timed unit test's, on a machine shared with other builds).
    @Test func seedingTimeIsReported() throws {
        let clock = ManualClock()
        let database = try makeDatabase(clock: clock)
        let started = Date()
        try DemoHistory.seed(database: database, clock: clock, adminLogin: "ada", adminName: "Ada Admin", end: Self.end)
        let total = Date().timeIntervalSince(started)
        // The inventory part alone, on a second database.
        let clock2 = ManualClock(Self.end - Int64(DemoHistory.days) * ZonedTime.millisecondsPerDay)
        let database2 = try makeDatabase(clock: clock2)
        let identity = try DemoSeed.identity(database: database2, adminLogin: "ada")
        let inventoryStarted = Date()
        let summary = try DemoInventory.seed(database: database2, clock: clock2, scope: identity.northwind, end: Self.end)
        print("DemoInventory.seed: \(String(format: "%.2f", Date().timeIntervalSince(inventoryStarted))) s, \(summary)")
        print("DemoHistory.seed with inventory: \(String(format: "%.2f", total)) s")
        #expect(summary.products > 0)
    }
}
