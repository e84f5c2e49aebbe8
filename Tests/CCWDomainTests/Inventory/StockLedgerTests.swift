import Foundation
import Testing
@testable import CCWDomain

/// Builds movements with increasing ids and the given day of March 2026.
struct MovementMaker {
    var nextID: Int64 = 1

    static func day(_ day: Int) -> CalendarDate { try! CalendarDate(year: 2026, month: 3, day: day) }
    static func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: .EUR) }

    mutating func make(_ kind: StockMovement.Kind, day: Int = 1, product: ProductID = 1, warehouse: WarehouseID = 1,
                       batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = []) -> StockMovement {
        defer { nextID += 1 }
        return StockMovement(id: MovementID(nextID), date: Self.day(day), product: product, warehouse: warehouse,
                             kind: kind, batch: batch, expiry: expiry, serials: serials)
    }
}

@Suite struct StockLevelTests {
    @Test func keepsOnHandAllocatedAndAvailableInStep() throws {
        var level = StockLevel.zero()
        level = try level.applying(.receive(Quantity(8)))
        level = try level.applying(.allocate(Quantity(5)))
        #expect(level.available == Quantity(3))
        #expect(throws: StockError.insufficientAvailable(requested: Quantity(4), level: level)) {
            try level.applying(.issue(Quantity(4)))
        }
        #expect("\(StockError.insufficientAvailable(requested: Quantity(4), level: level))"
            == "cannot take 4: only 3 available (5 of 8 on hand are allocated)")
        level = try level.applying(.issueAllocated(Quantity(5)))
        #expect(level == StockLevel(onHand: Quantity(3)))
        #expect(throws: StockError.exceedsAllocation(requested: Quantity(1), allocated: Quantity(0))) {
            try level.applying(.release(Quantity(1)))
        }
        #expect(throws: StockError.cannotAllocate(requested: Quantity(4), available: Quantity(3))) {
            try level.applying(.allocate(Quantity(4)))
        }
        // Allowed negative stock: on hand goes below zero.
        #expect(try level.applying(.issue(Quantity(5)), policy: .allow).onHand == Quantity(-2))
        #expect(try level.applying(.adjust(Quantity(-2))).onHand == Quantity(1))
    }
}

@Suite struct StockLedgerTests {
    let eur = MovementMaker.eur

    func ledger(_ products: [StockedProduct] = [StockedProduct(id: 1)], policy: NegativeStockPolicy = .refuse) -> StockLedger {
        StockLedger(currency: .EUR, negativeStock: policy, products: products)
    }

    @Test func receivesIssuesAndReservesWithCostOfGoods() throws {
        var ledger = ledger(), m = MovementMaker()
        try ledger.post(m.make(.receive(Quantity(10), unitCost: eur(400))))
        try ledger.post(m.make(.receive(Quantity(10), unitCost: eur(500)), day: 2))
        try ledger.post(m.make(.allocate(Quantity(12)), day: 2))
        let sale = try ledger.post(m.make(.issue(Quantity(12), fromAllocation: true), day: 3))
        // FIFO: 10 × 4.00 + 2 × 5.00 = 50.00.
        #expect(sale.costOfGoods == eur(5000) && sale.valueChange == eur(-5000))
        #expect(ledger.level(1, at: 1) == StockLevel(onHand: Quantity(8)))
        #expect(ledger.value(1, at: 1) == eur(4000))
        #expect(throws: StockError.self) { try ledger.post(m.make(.issue(Quantity(9), fromAllocation: false), day: 3)) }
        // A refused movement changes nothing.
        #expect(ledger.level(1, at: 1).onHand == Quantity(8) && ledger.value(1, at: 1) == eur(4000))
    }

    @Test func refusesOutOfOrderAndBackdatedMovements() throws {
        var ledger = ledger(), m = MovementMaker()
        try ledger.post(m.make(.receive(Quantity(1), unitCost: eur(1)), day: 5))
        #expect(throws: StockError.backdated(2, date: MovementMaker.day(4), last: MovementMaker.day(5))) {
            try ledger.post(m.make(.receive(Quantity(1), unitCost: eur(1)), day: 4))
        }
        let stale = StockMovement(id: 1, date: MovementMaker.day(6), product: 1, warehouse: 1, kind: .allocate(Quantity(1)))
        #expect(throws: StockError.outOfOrder(1, after: 1)) { try ledger.post(stale) }
        #expect(throws: StockError.unknownProduct(9)) { try ledger.post(m.make(.allocate(Quantity(1)), day: 6, product: 9)) }
    }

    @Test func countsPostTheDifferenceAndAdjustmentsNeedAReason() throws {
        var ledger = ledger(), m = MovementMaker()
        try ledger.post(m.make(.receive(Quantity(10), unitCost: eur(300))))
        let count = try ledger.post(m.make(.count(counted: Quantity(7))))
        // 3 missing at 3.00 = 9.00 written off; not a sale.
        #expect(count.countedDifference == Quantity(-3) && count.valueChange == eur(-900) && count.costOfGoods == eur(0))
        let found = try ledger.post(m.make(.count(counted: Quantity(8))))
        // 1 found, booked at the current average 3.00.
        #expect(found.countedDifference == Quantity(1) && found.valueChange == eur(300))
        let same = try ledger.post(m.make(.count(counted: Quantity(8))))
        #expect(same.countedDifference == Quantity(0) && same.levels.isEmpty)
        #expect(throws: StockError.emptyReason) {
            try ledger.post(m.make(.adjustment(Quantity(-1), reason: " ", unitCost: nil)))
        }
        try ledger.post(m.make(.adjustment(Quantity(-1), reason: "broken in the aisle", unitCost: nil)))
        #expect(ledger.level(1, at: 1).onHand == Quantity(7))
    }

    @Test func transfersMoveValueBetweenWarehouses() throws {
        var ledger = ledger(), m = MovementMaker()
        try ledger.post(m.make(.receive(Quantity(10), unitCost: eur(400))))
        let move = try ledger.post(m.make(.transfer(Quantity(4), to: 2)))
        #expect(move.valueChange == eur(0) && move.costOfGoods == eur(0))
        #expect(ledger.value(1, at: 1) == eur(2400) && ledger.value(1, at: 2) == eur(1600))
        #expect(ledger.level(1, at: 2).onHand == Quantity(4))
        #expect(throws: StockError.sameWarehouse(1)) { try ledger.post(m.make(.transfer(Quantity(1), to: 1))) }
        // Reversing the transfer brings the goods and their value back.
        try ledger.post(m.make(.reversal(of: move.movement.id)))
        #expect(ledger.value(1, at: 1) == eur(4000) && ledger.level(1, at: 2).onHand == Quantity(0))
    }

    @Test func reversalsUndoAndAreRecorded() throws {
        var ledger = ledger(), m = MovementMaker()
        let receipt = try ledger.post(m.make(.receive(Quantity(10), unitCost: eur(400))))
        let sale = try ledger.post(m.make(.issue(Quantity(3), fromAllocation: false)))
        let undo = try ledger.post(m.make(.reversal(of: sale.movement.id)))
        #expect(undo.costOfGoods == eur(-1200) && ledger.level(1, at: 1).onHand == Quantity(10))
        #expect(ledger.postings[sale.movement.id]?.reversedBy == undo.movement.id)
        #expect(throws: StockError.alreadyReversed(sale.movement.id)) { try ledger.post(m.make(.reversal(of: sale.movement.id))) }
        #expect(throws: StockError.reversalOfReversal(undo.movement.id)) { try ledger.post(m.make(.reversal(of: undo.movement.id))) }
        #expect(throws: StockError.unknownMovement(99)) { try ledger.post(m.make(.reversal(of: 99))) }
        #expect(throws: StockError.reversalMismatch(receipt.movement.id, product: 1, warehouse: 1)) {
            try ledger.post(m.make(.reversal(of: receipt.movement.id), warehouse: 2))
        }
        try ledger.post(m.make(.reversal(of: receipt.movement.id)))
        #expect(ledger.level(1, at: 1).onHand == Quantity(0) && ledger.value(1, at: 1) == eur(0))
    }

    @Test func receiptReversalIsRefusedOnceStockIsReserved() throws {
        var ledger = ledger(), m = MovementMaker()
        let receipt = try ledger.post(m.make(.receive(Quantity(5), unitCost: eur(100))))
        try ledger.post(m.make(.allocate(Quantity(2))))
        #expect(throws: StockError.self) { try ledger.post(m.make(.reversal(of: receipt.movement.id))) }
    }

    @Test func negativeStockFollowsTheOrgPolicy() throws {
        var strict = ledger(), m = MovementMaker()
        #expect(throws: StockError.insufficientAvailable(requested: Quantity(1), level: .zero())) {
            try strict.post(m.make(.issue(Quantity(1), fromAllocation: false)))
        }
        var lenient = ledger(policy: .allow)
        var n = MovementMaker()
        try lenient.post(n.make(.receive(Quantity(2), unitCost: eur(100))))
        try lenient.post(n.make(.issue(Quantity(5), fromAllocation: false)))
        #expect(lenient.level(1, at: 1).onHand == Quantity(-3) && lenient.value(1, at: 1) == eur(-300))
        let arrival = try lenient.post(n.make(.receive(Quantity(4), unitCost: eur(150)), day: 2))
        // 3 owed at 1.00 really cost 1.50: +1.50 cost of goods; 1 left worth 1.50.
        #expect(arrival.costOfGoods == eur(150) && lenient.value(1, at: 1) == eur(150))
    }

    @Test func batchesAreReceivedByNumberAndPickedFirstExpiredFirstOut() throws {
        var ledger = ledger([StockedProduct(id: 1, tracking: .batch)]), m = MovementMaker()
        #expect(throws: StockError.batchRequired(1)) { try ledger.post(m.make(.receive(Quantity(1), unitCost: eur(1)))) }
        try ledger.post(m.make(.receive(Quantity(5), unitCost: eur(100)), batch: "L2", expiry: MovementMaker.day(20)))
        try ledger.post(m.make(.receive(Quantity(5), unitCost: eur(100)), batch: "L1", expiry: MovementMaker.day(10)))
        try ledger.post(m.make(.receive(Quantity(5), unitCost: eur(100)), batch: "L0"))
        #expect(throws: StockError.batchMismatch(batch: "L1", expiry: MovementMaker.day(11), existing: MovementMaker.day(10))) {
            try ledger.post(m.make(.receive(Quantity(1), unitCost: eur(1)), batch: "L1", expiry: MovementMaker.day(11)))
        }
        let sale = try ledger.post(m.make(.issue(Quantity(7), fromAllocation: false), day: 2))
        #expect(sale.batches == [BatchPick(batch: "L1", quantity: Quantity(5)), BatchPick(batch: "L2", quantity: Quantity(2))])
        let stock = ledger.batches[StockKey(1, 1)]!
        #expect(stock.fefoOrder.map(\.number) == ["L2", "L0"])
        #expect(stock.expiringSoon(on: MovementMaker.day(15), horizonDays: 7).map(\.number) == ["L2"])
        #expect(stock.expiringSoon(on: MovementMaker.day(1), horizonDays: 7).isEmpty)
        #expect(stock.expired(on: MovementMaker.day(21)).map(\.number) == ["L2"])
        #expect(throws: StockError.batchShort(batch: "L0", requested: Quantity(6), available: Quantity(5))) {
            try ledger.post(m.make(.issue(Quantity(6), fromAllocation: false), day: 2, batch: "L0"))
        }
        try ledger.post(m.make(.reversal(of: sale.movement.id), day: 3))
        #expect(ledger.batches[StockKey(1, 1)]!.batches["L1"]?.quantity == Quantity(5))
    }

    @Test func serialsAreInOnePlaceAtATime() throws {
        var ledger = ledger([StockedProduct(id: 1, tracking: .serial)]), m = MovementMaker()
        #expect(throws: StockError.serialCount(expected: Quantity(2), given: 1)) {
            try ledger.post(m.make(.receive(Quantity(2), unitCost: eur(1)), serials: ["A"]))
        }
        try ledger.post(m.make(.receive(Quantity(2), unitCost: eur(100)), serials: ["A", "B"]))
        #expect(throws: StockError.serialInStock("A", at: 1)) {
            try ledger.post(m.make(.receive(Quantity(1), unitCost: eur(1)), warehouse: 2, serials: ["A"]))
        }
        try ledger.post(m.make(.transfer(Quantity(1), to: 2), serials: ["B"]))
        #expect(throws: StockError.serialElsewhere("B", at: 2, expected: 1)) {
            try ledger.post(m.make(.issue(Quantity(1), fromAllocation: false), serials: ["B"]))
        }
        #expect(throws: StockError.serialUnknown("Z")) {
            try ledger.post(m.make(.issue(Quantity(1), fromAllocation: false), serials: ["Z"]))
        }
        let sale = try ledger.post(m.make(.issue(Quantity(1), fromAllocation: false), serials: ["A"]))
        #expect(throws: StockError.self) { try ledger.post(m.make(.issue(Quantity(1), fromAllocation: false), serials: ["A"])) }
        #expect(ledger.serials.state(of: "A", product: 1) == .issued)
        try ledger.post(m.make(.reversal(of: sale.movement.id)))
        #expect(ledger.serials.inStock(product: 1, at: 1) == ["A"])
        #expect(throws: StockError.serialsNotTracked(2)) {
            var other = StockLedger(currency: .EUR, products: [StockedProduct(id: 2)])
            try other.post(m.make(.receive(Quantity(1), unitCost: eur(1)), product: 2, serials: ["X"]))
        }
    }

    @Test func valueAsOfADateReplaysTheLedger() throws {
        var m = MovementMaker()
        let products = [StockedProduct(id: 1, category: 2), StockedProduct(id: 2, category: 3, valuation: .weightedAverage)]
        let movements = [
            m.make(.receive(Quantity(10), unitCost: eur(400)), day: 1),
            m.make(.receive(Quantity(4), unitCost: eur(1000)), day: 1, product: 2, warehouse: 2),
            m.make(.issue(Quantity(5), fromAllocation: false), day: 3),
            m.make(.transfer(Quantity(2), to: 2), day: 5),
        ]
        let day2 = try StockLedger.valueAsOf(MovementMaker.day(2), movements: movements, products: products, currency: .EUR)
        #expect(InventoryValueReport.grandTotal(day2, currency: .EUR) == eur(8000))
        let day9 = try StockLedger.valueAsOf(MovementMaker.day(9), movements: movements, products: products, currency: .EUR)
        #expect(InventoryValueReport.grandTotal(day9, currency: .EUR) == eur(6000))
        #expect(InventoryValueReport.byWarehouse(day9, currency: .EUR) == [1: eur(1200), 2: eur(4800)])
        #expect(InventoryValueReport.byProduct(day9, currency: .EUR) == [1: eur(2000), 2: eur(4000)])
        let tree = try CategoryTree([.init(id: 1, name: "All"), .init(id: 2, name: "Tools", parent: 1),
                                     .init(id: 3, name: "Paint", parent: 1)])
        #expect(InventoryValueReport.byCategory(day9, tree: tree, currency: .EUR) == [1: eur(6000), 2: eur(2000), 3: eur(4000)])
        #expect(InventoryValueReport.byCategory(day9, currency: .EUR) == [2: eur(2000), 3: eur(4000)])
        #expect(InventoryValueReport.uncategorized(day9, currency: .EUR) == eur(0))
    }

    @Test func ledgerAndPoolsSurviveAJSONRoundTrip() throws {
        var ledger = ledger([StockedProduct(id: 1, tracking: .batch)]), m = MovementMaker()
        try ledger.post(m.make(.receive(Quantity(5), unitCost: eur(123)), batch: "L1", expiry: MovementMaker.day(30)))
        try ledger.post(m.make(.issue(Quantity(2), fromAllocation: false)))
        var decoded = try JSONDecoder().decode(StockLedger.self, from: JSONEncoder().encode(ledger))
        #expect(decoded == ledger)
        let sale = try decoded.post(m.make(.issue(Quantity(3), fromAllocation: false)))
        #expect(sale.costOfGoods == eur(369) && decoded.totalValue == eur(0))
    }
}
