import CCWCore
import CCWViewModels
import CCWDomain
import Foundation
import GRDB

/// One booked movement through the real use case, `StockBooking.book`, as a clerk's scanner
/// entry sends it: a write transaction that reads the product, the place's level and cost
/// pool, applies the domain rules, appends the ledger row, writes level and pool back with
/// their version checked, evaluates the reorder rule, audits (hash chain) and publishes an
/// outbox event. Receipts and issues alternate at random over random stocked places (each
/// place at most once while there are enough); an issue takes one unit of the stock there, a
/// receipt brings 10 to 50 at about the product's cost. A few bookings first warm the writer
/// connection and are not timed. Target (issue 4): under 2 ms median.
struct InventoryBookingFigure {
    let bench: BenchSession
    let bookings: Int
    var warmUp = 3
    static let target = 2.0
    var log: (String) -> Void = { say($0) }

    struct Place {
        var product: Int64
        var warehouse: Int64
        var decimals: Int
        var cost: Int64
    }

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let scope = session.scope, booking = session.database.stockBooking
        var places = try session.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.product_id, l.warehouse_id, p.decimals, p.cost_minor FROM stock_levels l
                JOIN products p ON p.id = l.product_id AND p.org_id = l.org_id
                WHERE l.org_id = ? AND l.bin = '' AND l.batch = '' AND l.on_hand - l.allocated >= 5 * (CASE p.decimals
                    WHEN 0 THEN 1 WHEN 1 THEN 10 WHEN 2 THEN 100 ELSE 1000 END) AND p.active = 1 AND p.tracking = 'quantity'
                """, arguments: [scope.orgId]).map {
                Place(product: $0["product_id"], warehouse: $0["warehouse_id"], decimals: $0["decimals"], cost: $0["cost_minor"])
            }
        }
        guard !places.isEmpty else { throw BenchSession.Failure(description: "no place holds stock to book against") }
        var rng = SplitMix64(seed: 0xB0_0C_2026)
        for i in stride(from: places.count - 1, to: 0, by: -1) { places.swapAt(i, rng.below(i + 1)) }

        func request(_ i: Int, receive: Bool) -> StockMovementRequest {
            let place = places[i % places.count]
            let whole = Quantity(units: 0, scale: place.decimals).unitsPerWhole
            if receive {
                let cost = Money(minor: max(1, place.cost * Int64(95 + rng.below(11)) / 100), currency: scope.baseCurrency)
                return .receive(place.product, at: place.warehouse, Quantity(units: Int64(10 + rng.below(41)) * whole, scale: place.decimals),
                                unitCost: cost, reference: "PO-BENCH-\(i)")
            }
            // one unit: at most one issue per place per round, and each place holds at least five
            return .issue(place.product, at: place.warehouse, Quantity(units: whole, scale: place.decimals), reference: "SO-BENCH-\(i)")
        }
        for i in 0..<warmUp { try booking.book(scope, request(bookings + i, receive: true)) }
        var receipts: [Double] = [], issues: [Double] = []
        for i in 0..<bookings {
            let receive = rng.below(2) == 0
            let movement = request(i, receive: receive)
            let (_, ms) = try Stopwatch.time { try booking.book(scope, movement) }
            if receive { receipts.append(ms) } else { issues.append(ms) }
        }
        let all = Samples(receipts + issues)
        log("  \(receipts.count) receipts and \(issues.count) issues over \(min(bookings, places.count).grouped) places")
        return [
            Figure(metric: "book one movement (median of \(bookings))", ours: all.median, baseline: nil, target: Self.target),
            Figure(metric: "book one movement (p99)", ours: all.p99, baseline: nil),
            Figure(metric: "book a receipt (median)", ours: Samples(receipts).median, baseline: nil),
            Figure(metric: "book an issue (median)", ours: Samples(issues).median, baseline: nil),
        ]
    }
}
