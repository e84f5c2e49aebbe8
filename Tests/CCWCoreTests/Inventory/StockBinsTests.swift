import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// Stock per bin and batch: locations and warehouse totals move in step with the ledger.
@Suite struct StockBinsTests {
    private func request(_ f: InventoryFixture, _ p: Product, _ kind: StockMovementRequest.Kind, at w: Warehouse? = nil,
                         bin: String? = nil, toBin: String? = nil, batch: String? = nil, expiry: CalendarDate? = nil,
                         document: StockDocument? = nil) throws -> StockBookingResult {
        try f.database.stockBooking.book(f.scope, StockMovementRequest(productId: p.id, warehouseId: (w ?? f.main).id, kind: kind,
                                                                       batch: batch, expiry: expiry, bin: bin, toBin: toBin,
                                                                       document: document))
    }

    private func locations(_ f: InventoryFixture, _ p: Product) throws -> [String: Int64] {
        let rows = try f.database.stockQueries.locations(f.scope, productId: p.id)
        return Dictionary(uniqueKeysWithValues: rows.map { ("\($0.warehouseCode)/\($0.bin)/\($0.batch)", $0.level.onHand.units) })
    }

    @Test func receiveIntoBinsMoveBetweenBinsAndCountABin() throws {
        // given 10 received into bin A-12-3 and 5 without a bin
        let f = try InventoryFixture()
        let p = try f.product("BIN-1")
        let received = try request(f, p, .receive(Quantity(10), unitCost: f.eur(200)), bin: "a-12-3")
        #expect(received.movements[0].bin == "A-12-3")
        #expect(received.locations.first?.level.onHand == Quantity(10))
        try request(f, p, .receive(Quantity(5), unitCost: f.eur(200)))
        // when 4 move from A-12-3 to B-1 in the same warehouse: no value moves, the total stays
        let move = try request(f, p, .transfer(Quantity(4), toWarehouse: f.main.id), bin: "A-12-3", toBin: "B-1")
        #expect(move.movements.map(\.quantity) == [Quantity(-4), Quantity(4)])
        #expect(move.valueChange == f.eur(0))
        #expect(move.totals.map(\.level.onHand) == [Quantity(15)])
        // when bin B-1 is counted at 3: one is written off there, counted and book are recorded
        let count = try request(f, p, .count(counted: Quantity(3)), bin: "B-1")
        #expect(count.movements[0].quantity == Quantity(-1))
        #expect(count.movements[0].counted == Quantity(3) && count.movements[0].expected == Quantity(4))
        // when 2 move to the outlet's bin S-1
        try request(f, p, .transfer(Quantity(2), toWarehouse: f.outlet.id), bin: "A-12-3", toBin: "S-1")
        // then every location and total agrees with the ledger
        #expect(try locations(f, p) == ["BER-1//": 5, "BER-1/A-12-3/": 4, "BER-1/B-1/": 3, "HAM-2/S-1/": 2])
        #expect(try f.database.stockQueries.levels(f.scope, productId: p.id).map(\.level.onHand) == [Quantity(12), Quantity(2)])
        let check = try LocationCheck(f.database)
        #expect(check.mismatches.isEmpty, "\(check.mismatches)")
        #expect(try LedgerCheck(f.database).mismatches.isEmpty)
    }

    @Test func takingMoreThanABinHoldsOrFromAnUnknownBinIsRefused() throws {
        let f = try InventoryFixture()
        let p = try f.product("BIN-2")
        try request(f, p, .receive(Quantity(3), unitCost: f.eur(100)), bin: "A-1")
        try request(f, p, .receive(Quantity(10), unitCost: f.eur(100)))
        // the warehouse holds 13, but bin A-1 only 3
        #expect(throws: CoreError.self) { try request(f, p, .issue(Quantity(4), fromAllocation: false), bin: "A-1") }
        // unassigned stock holds 10: the bin's 3 cannot be issued without naming the bin
        #expect(throws: CoreError.self) { try request(f, p, .issue(Quantity(11), fromAllocation: false)) }
        do {
            try request(f, p, .issue(Quantity(1), fromAllocation: false), bin: "Z-9")
            Issue.record("an unknown bin was accepted")
        } catch let error as CoreError {
            #expect(error.description.contains("bin Z-9 is not known"))
        }
        #expect(throws: CoreError.self) { try request(f, p, .receive(Quantity(1), unitCost: f.eur(100)), bin: "A 1") }
        #expect(throws: CoreError.self) { try request(f, p, .count(counted: Quantity(1)), bin: "NEW-1") }
        // nothing of the refused bookings was written
        #expect(try locations(f, p) == ["BER-1//": 10, "BER-1/A-1/": 3])
        #expect(try LocationCheck(f.database).mismatches.isEmpty)
    }

    @Test func negativeStockAtABinIsAllowedOnlyWhenTheOrganizationAllowsIt() throws {
        let f = try InventoryFixture()
        let p = try f.product("BIN-3")
        try request(f, p, .receive(Quantity(2), unitCost: f.eur(100)), bin: "A-1")
        #expect(throws: CoreError.self) { try request(f, p, .issue(Quantity(3), fromAllocation: false), bin: "A-1") }
        let org = try f.database.orgSettings.get(f.scope)
        _ = try f.database.orgSettings.update(f.scope, name: org.name, baseCurrency: org.baseCurrency.code, timeZone: org.timeZone,
                                              settings: org.settings.merging(["inventory_negative_stock": .string("allow")]) { $1 },
                                              expectedVersion: org.version)
        let issued = try request(f, p, .issue(Quantity(3), fromAllocation: false), bin: "A-1")
        #expect(issued.locations.first?.level.onHand == Quantity(-1))
        #expect(try LocationCheck(f.database).mismatches.isEmpty)
    }

    @Test func batchesAreIssuedFirstExpiredFirstOutFromTheBin() throws {
        let f = try InventoryFixture()
        let p = try f.product("MILK-1", tracking: .batch)
        try request(f, p, .receive(Quantity(5), unitCost: f.eur(100)), bin: "C-1", batch: "L2", expiry: try CalendarDate(year: 2027, month: 3, day: 1))
        try request(f, p, .receive(Quantity(5), unitCost: f.eur(100)), bin: "C-1", batch: "L1", expiry: try CalendarDate(year: 2027, month: 1, day: 1))
        let issue = try request(f, p, .issue(Quantity(7), fromAllocation: false), bin: "C-1")
        #expect(issue.movements.map(\.batch) == ["L1", "L2"])
        #expect(issue.movements.map(\.quantity) == [Quantity(-5), Quantity(-2)])
        #expect(try locations(f, p) == ["BER-1/C-1/L1": 0, "BER-1/C-1/L2": 3])
        // undo reverses both rows of the booking
        try f.database.stockBooking.reverse(f.scope, movementId: issue.bookingId)
        #expect(try locations(f, p) == ["BER-1/C-1/L1": 5, "BER-1/C-1/L2": 5])
        #expect(try LocationCheck(f.database).mismatches.isEmpty)
    }

    @Test func reversingAMoveBetweenBinsPutsTheGoodsBack() throws {
        let f = try InventoryFixture()
        let p = try f.product("BIN-4")
        try request(f, p, .receive(Quantity(6), unitCost: f.eur(100)), bin: "A-1")
        let move = try request(f, p, .transfer(Quantity(6), toWarehouse: f.main.id), bin: "A-1", toBin: "A-2")
        let undo = try f.database.stockBooking.reverse(f.scope, movementId: move.bookingId)
        #expect(undo.movements.map(\.kind) == ["reversal", "reversal"])
        #expect(try locations(f, p) == ["BER-1/A-1/": 6, "BER-1/A-2/": 0])
        #expect(try f.database.stockQueries.bins(f.scope, warehouseId: f.main.id) == ["A-1", "A-2"])
        #expect(try LocationCheck(f.database).mismatches.isEmpty)
    }
}

/// Each bin/batch row against the sum of its ledger rows, and each unassigned stock
/// (total minus bin/batch rows) against the sum of the ledger rows without bin and batch.
struct LocationCheck {
    var mismatches: [String] = []

    init(_ database: AppDatabase) throws {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.org_id, m.product_id, m.warehouse_id, m.bin, m.batch, SUM(m.quantity) AS q, SUM(m.allocated_change) AS a,
                       l.on_hand, l.allocated
                FROM stock_movements m
                LEFT JOIN stock_levels l ON l.org_id = m.org_id AND l.product_id = m.product_id AND l.warehouse_id = m.warehouse_id
                     AND l.bin = m.bin AND l.batch = m.batch
                WHERE m.bin <> '' OR m.batch <> ''
                GROUP BY m.org_id, m.product_id, m.warehouse_id, m.bin, m.batch
                """)
            for row in rows where row["q"] as Int64 != row["on_hand"] as Int64? ?? -999_999 || row["a"] as Int64 != row["allocated"] as Int64? ?? -999_999 {
                mismatches.append("product \(row["product_id"] as Int64) at \(row["warehouse_id"] as Int64)/\(row["bin"] as String)/\(row["batch"] as String)")
            }
            let unassigned = try Row.fetchAll(db, sql: """
                SELECT t.product_id, t.warehouse_id, t.on_hand - COALESCE((SELECT SUM(on_hand) FROM stock_levels d WHERE d.org_id = t.org_id
                         AND d.product_id = t.product_id AND d.warehouse_id = t.warehouse_id AND (d.bin <> '' OR d.batch <> '')), 0) AS level,
                       COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.org_id = t.org_id AND m.product_id = t.product_id
                         AND m.warehouse_id = t.warehouse_id AND m.bin = '' AND m.batch = ''), 0) AS ledger
                FROM stock_levels t WHERE t.bin = '' AND t.batch = ''
                """)
            for row in unassigned where row["level"] as Int64 != row["ledger"] as Int64 {
                mismatches.append("unassigned product \(row["product_id"] as Int64) at \(row["warehouse_id"] as Int64)")
            }
        }
    }
}
