import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct StockConcurrencyTests {
    /// Four `AppDatabase` instances on one file (four connections, as four `ccw` processes
    /// would have) book receipts and issues on the same products for about two seconds.
    @Test func bookingsFromFourConnectionsAreNeitherLostNorDoubled() throws {
        // given three products in two warehouses, and four independent handles on the file
        let f = try InventoryFixture()
        let products = try ["C-1", "C-2", "C-3"].map { try f.product($0, valuation: $0 == "C-2" ? .weightedAverage : .fifo) }
        let warehouses = [f.main, f.outlet]
        let handles = try [f.database] + (1..<4).map { _ in try AppDatabase.open(path: f.database.path, clock: f.seeded.clock) }
        let scope = f.scope
        let tally = Tally()
        // when each thread books random receipts and issues until the deadline
        let deadline = Date().addingTimeInterval(2)
        DispatchQueue.concurrentPerform(iterations: handles.count) { index in
            let database = handles[index]
            var mine = 0, short = 0
            var problems: [String] = []
            while Date() < deadline {
                let product = products.randomElement()!
                let warehouse = warehouses.randomElement()!
                let kind: StockMovementRequest.Kind = Bool.random()
                    ? .receive(Quantity(Int64.random(in: 1...10)), unitCost: Money(minor: Int64.random(in: 50...500), currency: .EUR))
                    : .issue(Quantity(Int64.random(in: 1...6)), fromAllocation: false)
                do {
                    try database.stockBooking.book(scope, StockMovementRequest(productId: product.id, warehouseId: warehouse.id, kind: kind))
                    mine += 1
                } catch let error as CoreError {
                    if case let .rule(text) = error, text.contains("cannot take") { short += 1 } else { problems.append("\(error)") }
                } catch {
                    problems.append("\(error)")
                }
            }
            tally.add(booked: mine, refused: short, failures: problems)
        }
        let (booked, refused, failures) = tally.totals
        // then no booking failed for any other reason than insufficient stock (no lock errors)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(booked > 40, "only \(booked) bookings in two seconds")
        // and every booking wrote exactly one row, and levels, pools and value agree with the ledger
        let rows = try f.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_movements")! }
        #expect(rows == booked)
        let check = try LedgerCheck(f.database)
        #expect(check.mismatches.isEmpty, "\(check.mismatches)")
        #expect(check.poolValue + check.costOfGoods == check.receivedValue)
        let audited = try f.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE entity = 'stock movement'")!
        }
        #expect(audited == booked)
        #expect(try f.database.audit.verify(scope) == .ok(entries: try f.seeded.auditCount(scope.orgId)))
        print("concurrency: \(booked) bookings, \(refused) refused for insufficient stock, 4 connections, 2 s")
    }
}

/// Results collected from the booking threads.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var booked = 0, refused = 0
    private var failures: [String] = []

    func add(booked: Int, refused: Int, failures: [String]) {
        lock.withLock {
            self.booked += booked
            self.refused += refused
            self.failures += failures
        }
    }

    var totals: (booked: Int, refused: Int, failures: [String]) { lock.withLock { (booked, refused, failures) } }
}
