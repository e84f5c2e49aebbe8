import CCWDomain
import Testing
@testable import CCWCore

/// Reservations for deals, orders and invoices: available = on hand − allocated per location.
@Suite struct StockReservationsTests {
    private func book(_ f: InventoryFixture, _ p: Product, _ kind: StockMovementRequest.Kind, bin: String? = nil,
                      for document: StockDocument? = nil) throws -> StockBookingResult {
        try f.database.stockBooking.book(f.scope, StockMovementRequest(productId: p.id, warehouseId: f.main.id, kind: kind,
                                                                       bin: bin, document: document))
    }

    @Test func allocateReleaseAndIssueAgainstADocument() throws {
        // given 10 in bin A-1 and two orders
        let f = try InventoryFixture()
        let p = try f.product("RES-1")
        let order = try StockDocument(parsing: "order:SO-1")
        let other = try StockDocument(kind: .deal, id: "42")
        try book(f, p, .receive(Quantity(10), unitCost: f.eur(100)), bin: "A-1")
        // when SO-1 reserves 6 and the deal 3: 1 stays available in the bin
        let reserved = try book(f, p, .allocate(Quantity(6)), bin: "A-1", for: order)
        #expect(reserved.locations.first?.level.available == Quantity(4))
        try book(f, p, .allocate(Quantity(3)), bin: "A-1", for: other)
        // then allocating more than is available is refused, and so is an unreserved issue of 2
        #expect(throws: CoreError.self) { try book(f, p, .allocate(Quantity(2)), bin: "A-1", for: order) }
        #expect(throws: CoreError.self) { try book(f, p, .issue(Quantity(2), fromAllocation: false), bin: "A-1") }
        // when SO-1 ships 4 against its reservation and releases 2
        let shipped = try book(f, p, .issue(Quantity(4), fromAllocation: true), bin: "A-1", for: order)
        #expect(shipped.movements[0].document == order)
        #expect(shipped.movements[0].allocatedChange == Quantity(-4))
        // then it cannot release more than it still holds (2), and the deal cannot ship the order's stock
        #expect(throws: CoreError.self) { try book(f, p, .release(Quantity(3)), bin: "A-1", for: order) }
        #expect(throws: CoreError.self) { try book(f, p, .issue(Quantity(4), fromAllocation: true), bin: "A-1", for: other) }
        try book(f, p, .release(Quantity(2)), bin: "A-1", for: order)
        #expect(try f.database.stockQueries.reservations(f.scope, document: order).isEmpty)
        #expect(try f.database.stockQueries.reservations(f.scope, document: other).map(\.reserved) == [Quantity(3)])
        // and the location and total agree: 6 on hand, 3 allocated, 3 available
        let location = try #require(try f.database.stockQueries.locations(f.scope, productId: p.id).first)
        #expect(location.bin == "A-1" && location.level.onHand == Quantity(6) && location.level.allocated == Quantity(3))
        let total = try #require(try f.database.stockQueries.levels(f.scope, productId: p.id).first)
        #expect(total.level.available == Quantity(3))
        #expect(try LocationCheck(f.database).mismatches.isEmpty)
        #expect(try LedgerCheck(f.database).mismatches.isEmpty)
    }

    @Test func documentsAreParsedWithClearMessages() throws {
        #expect(try StockDocument(parsing: "invoice/INV-7").kind == .invoice)
        #expect(throws: InputError.self) { try StockDocument(parsing: "quote:1") }
        #expect(throws: InputError.self) { try StockDocument(parsing: "SO-1") }
        #expect(try BinCode("a-12-3").code == "A-12-3")
        #expect(throws: InputError.self) { try BinCode("A--1") }
        #expect(throws: InputError.self) { try BinCode("A-1-2-3-4") }
        #expect(throws: InputError.self) { try BinCode("A_1") }
    }
}
