import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct StockBookingTests {
    @Test func receiveIssueTransferCountAdjustAndReverseAreExactToTheCent() throws {
        // given a FIFO product received twice at different costs
        let f = try InventoryFixture()
        let p = try f.product("BOLT-M8")
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(100)))
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(150)))
        // when 15 are sold: the 10 oldest at 1.00, then 5 at 1.50
        let sale = try f.book(p, at: f.main, .issue(Quantity(15), fromAllocation: false))
        #expect(sale.costOfGoods == f.eur(1750))
        #expect(sale.valueChange == f.eur(-1750))
        // when 3 move to the outlet: value moves at cost, no cost of goods
        let transfer = try f.book(p, at: f.main, .transfer(Quantity(3), toWarehouse: f.outlet.id))
        #expect(transfer.movements.map(\.kind) == ["transfer-out", "transfer-in"])
        #expect(transfer.movements.map(\.valueChange) == [f.eur(-450), f.eur(450)])
        #expect(transfer.movements[0].bookingId == transfer.movements[1].bookingId)
        #expect(transfer.costOfGoods == f.eur(0))
        // when the outlet counts 1 of its 3: 2 are written off at their cost, not as cost of goods
        let count = try f.book(p, at: f.outlet, .count(counted: Quantity(1)))
        #expect(count.movements.map(\.quantity) == [Quantity(-2)])
        #expect(count.valueChange == f.eur(-300) && count.costOfGoods == f.eur(0))
        // when 4 are found at main: booked at the current unit cost 1.50
        let found = try f.book(p, at: f.main, .adjust(Quantity(4), reason: "found behind shelf", unitCost: nil))
        #expect(found.valueChange == f.eur(600))
        #expect(found.movements[0].unitCost == f.eur(150))
        // when the sale is reversed: the goods come back at the cost they left with
        let reversal = try f.database.stockBooking.reverse(f.scope, movementId: sale.bookingId)
        #expect(reversal.costOfGoods == f.eur(-1750))
        #expect(reversal.movements[0].reversalOf == sale.bookingId)
        // then levels, pools and ledger agree
        let levels = try f.database.stockQueries.levels(f.scope, productId: p.id)
        #expect(levels.map(\.level.onHand) == [Quantity(21), Quantity(1)])
        #expect(levels.map(\.value) == [f.eur(2650), f.eur(150)])
        let check = try LedgerCheck(f.database)
        #expect(check.mismatches.isEmpty, "\(check.mismatches)")
        #expect(check.receivedValue + 600 - 300 == check.poolValue + check.costOfGoods)
        // and a movement is reversed once only; a reversal is not reversed
        #expect(coreError { try f.database.stockBooking.reverse(f.scope, movementId: sale.bookingId) }?.description
                .contains("already been reversed") == true)
        #expect(coreError { try f.database.stockBooking.reverse(f.scope, movementId: reversal.bookingId) }?.exitCode == 1)
    }

    @Test func aTransferIsReversedAtBothWarehouses() throws {
        let f = try InventoryFixture()
        let p = try f.product("NUT-M8")
        try f.book(p, at: f.main, .receive(Quantity(5), unitCost: f.eur(40)))
        let transfer = try f.book(p, at: f.main, .transfer(Quantity(2), toWarehouse: f.outlet.id))
        let back = try f.database.stockBooking.reverse(f.scope, movementId: transfer.movements[1].id)
        #expect(back.movements.count == 2 && back.valueChange == f.eur(0))
        #expect(try f.database.stockQueries.levels(f.scope, productId: p.id).map(\.level.onHand) == [Quantity(5), Quantity(0)])
        #expect(try LedgerCheck(f.database).mismatches.isEmpty)
    }

    @Test func weightedAverageIssuesTakeExactShares() throws {
        let f = try InventoryFixture()
        let p = try f.product("OIL-5L", valuation: .weightedAverage)
        try f.book(p, at: f.main, .receive(Quantity(3), unitCost: f.eur(100)))
        try f.book(p, at: f.main, .receive(Quantity(1), unitCost: f.eur(200)))
        #expect(try f.book(p, at: f.main, .issue(Quantity(1), fromAllocation: false)).costOfGoods == f.eur(125))
        #expect(try f.book(p, at: f.main, .issue(Quantity(3), fromAllocation: false)).costOfGoods == f.eur(375))
        #expect(try f.database.stockQueries.levels(f.scope, productId: p.id).first?.value == f.eur(0))
    }

    @Test func negativeStockIsRefusedUnlessTheOrganizationAllowsIt() throws {
        // given an empty product
        let f = try InventoryFixture()
        let p = try f.product("GLUE-1")
        try f.book(p, at: f.main, .receive(Quantity(1), unitCost: f.eur(300)))
        try f.book(p, at: f.main, .allocate(Quantity(1)))
        // when more is issued than is available, it is refused and nothing is written
        let error = coreError { try f.book(p, at: f.main, .issue(Quantity(1), fromAllocation: false)) }
        #expect(error?.description.contains("BOLT") == false && error?.description.contains("GLUE-1 at BER-1") == true)
        #expect(try f.database.stockQueries.ledger(f.scope, productId: p.id).count == 2)
        // when the organization allows negative stock
        try f.database.write { db in
            try db.execute(sql: "UPDATE organizations SET settings = ? WHERE id = ?",
                           arguments: ["{\"\(StockLedgerStore.negativeStockSetting)\":\"allow\"}", f.scope.orgId])
        }
        let sale = try f.book(p, at: f.main, .issue(Quantity(3), fromAllocation: false))
        // then the shortfall is costed at the last receipt's cost and stock goes below zero
        #expect(sale.costOfGoods == f.eur(900))
        #expect(try f.database.stockQueries.levels(f.scope, productId: p.id).first?.level.onHand == Quantity(-2))
        #expect(try LedgerCheck(f.database).mismatches.isEmpty)
    }

    @Test func lowStockIsAlertedOnceWhenCrossingAndReArmedAboveThePoint() throws {
        let f = try InventoryFixture()
        let p = try f.product("TAPE-50")
        try f.database.reorderRules.set(f.scope, productId: p.id, warehouseId: f.main.id, point: Quantity(5), quantity: Quantity(20))
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(10)))
        #expect(try f.book(p, at: f.main, .issue(Quantity(4), fromAllocation: false)).alerts.isEmpty)
        let crossing = try f.book(p, at: f.main, .issue(Quantity(2), fromAllocation: false))
        #expect(crossing.alerts.map(\.level) == [Quantity(4)])
        #expect(try f.book(p, at: f.main, .issue(Quantity(1), fromAllocation: false)).alerts.isEmpty)
        #expect(try f.database.stockQueries.levels(f.scope, productId: p.id).first?.isLow == true)
        // when stock rises above the point the rule re-arms and the open alert is resolved
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(10)))
        #expect(try f.database.stockQueries.alerts(f.scope).isEmpty)
        #expect(try f.book(p, at: f.main, .issue(Quantity(9), fromAllocation: false)).alerts.count == 1)
        let all = try f.database.stockQueries.alerts(f.scope, openOnly: false)
        #expect(all.count == 2 && all[0].suggestedQuantity == Quantity(20))
        let events = try f.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event_outbox WHERE type = ?", arguments: [StockBooking.lowEvent])
        }
        #expect(events == 2)
    }

    @Test func valueAsOfADateSumsTheLedgerUpToThatDay() throws {
        let f = try InventoryFixture()
        let tools = try f.database.productCategories.add(f.scope, name: "Tools")
        let drills = try f.database.productCategories.add(f.scope, name: "Drills", parentId: tools.id)
        var draft = ProductDraft(sku: "DRILL-1", name: "Drill")
        draft.categoryId = drills.id
        let p = try f.database.products.add(f.scope, draft)
        try f.book(p, at: f.main, .receive(Quantity(10), unitCost: f.eur(100)))
        f.seeded.clock.advance(by: 2 * ZonedTime.millisecondsPerDay)
        try f.book(p, at: f.main, .issue(Quantity(4), fromAllocation: false))
        let first = try CalendarDate(year: 2026, month: 1, day: 1)
        #expect(try f.database.stockQueries.valuation(f.scope, asOf: first).map(\.value) == [f.eur(1000)])
        #expect(try f.database.stockQueries.valuation(f.scope, asOf: first.adding(days: 2)).map(\.onHand) == [Quantity(6)])
        let byCategory = try f.database.stockQueries.valueByCategory(f.scope, asOf: first.adding(days: 2))
        #expect(byCategory[CategoryID(tools.id)] == f.eur(600) && byCategory[CategoryID(drills.id)] == f.eur(600))
        #expect(try f.database.stockQueries.ledger(f.scope, productId: p.id).map(\.kind) == ["issue", "receive"])
    }

    @Test func batchesAndSerialsAreTracked() throws {
        let f = try InventoryFixture()
        let milk = try f.product("MILK-1L", tracking: .batch)
        #expect(coreError { try f.book(milk, at: f.main, .receive(Quantity(5), unitCost: f.eur(80))) }?.fieldErrors.first?.field == "batch")
        let expiry = try CalendarDate(year: 2026, month: 1, day: 20)
        try f.book(milk, at: f.main, .receive(Quantity(5), unitCost: f.eur(80)), batch: "L42", expiry: expiry)
        #expect(try f.database.stockQueries.expiringBatches(f.scope, onOrBefore: expiry).map(\.batch) == ["L42"])
        let phone = try f.product("PHONE-X", tracking: .serial)
        try f.book(phone, at: f.main, .receive(Quantity(2), unitCost: f.eur(40_000)), serials: ["SN1", "SN2"])
        try f.book(phone, at: f.main, .issue(Quantity(1), fromAllocation: false), serials: ["SN2"])
        #expect(try f.database.stockQueries.serials(f.scope, productId: phone.id).map(\.warehouseId) == [f.main.id, nil])
        #expect(coreError { try f.book(phone, at: f.main, .receive(Quantity(1), unitCost: f.eur(1)), serials: ["SN1"]) }?.exitCode == 1)
        #expect(coreError { try f.book(phone, at: f.main, .issue(Quantity(1), fromAllocation: false), serials: []) }?.exitCode == 1)
    }

    @Test func theLedgerIsAppendOnly() throws {
        let f = try InventoryFixture()
        let p = try f.product("PIN-1")
        try f.book(p, at: f.main, .receive(Quantity(1), unitCost: f.eur(1)))
        #expect(throws: (any Error).self) { try f.database.pool.write { db in try db.execute(sql: "UPDATE stock_movements SET quantity = 5") } }
        #expect(throws: (any Error).self) { try f.database.pool.write { db in try db.execute(sql: "DELETE FROM stock_movements") } }
    }
}
