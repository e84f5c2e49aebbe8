import CCWCore
import CCWViewModels
import CCWDomain
import Foundation
import GRDB

/// Checks that the inventory data set is what the core would have written: per place
/// (product × warehouse), the ledger's quantity equals `stock_levels.on_hand` and
/// `cost_pools.on_hand`, its value change sum equals `cost_pools.value_minor`; no level or
/// pool lacks ledger rows; the stored pool states (a sample) add up to their row; and the
/// core's valuation as of today equals the sum of the pools. Throws on the first difference,
/// so a figure never times an inconsistent data set.
struct InventoryConsistency {
    let bench: BenchSession
    var sampledPools = 1_000

    func check() throws -> String {
        let session = try bench.open()
        defer { try? session.database.close() }
        let org = session.scope.orgId
        let (places, off, orphans, poolSum, states) = try session.database.pool.read { db in
            let places = try Int.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT product_id || ':' || warehouse_id) FROM stock_movements WHERE org_id = ?
                """, arguments: [org]) ?? 0
            let off = try Row.fetchAll(db, sql: """
                WITH ledger AS (SELECT product_id, warehouse_id, SUM(quantity) AS q, SUM(value_change_minor) AS v
                                FROM stock_movements WHERE org_id = ?1 GROUP BY product_id, warehouse_id)
                SELECT ledger.product_id, ledger.warehouse_id, ledger.q, ledger.v, l.on_hand, c.on_hand AS pool_q, c.value_minor
                FROM ledger
                LEFT JOIN stock_levels l ON l.org_id = ?1 AND l.product_id = ledger.product_id AND l.warehouse_id = ledger.warehouse_id
                    AND l.bin = '' AND l.batch = ''
                LEFT JOIN cost_pools c ON c.org_id = ?1 AND c.product_id = ledger.product_id AND c.warehouse_id = ledger.warehouse_id
                WHERE l.on_hand IS NOT ledger.q OR c.on_hand IS NOT ledger.q OR c.value_minor IS NOT ledger.v LIMIT 5
                """, arguments: [org])
            let orphans = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM stock_levels l WHERE l.org_id = ?1 AND l.bin = '' AND l.batch = '' AND NOT EXISTS
                           (SELECT 1 FROM stock_movements m WHERE m.org_id = ?1 AND m.product_id = l.product_id AND m.warehouse_id = l.warehouse_id))
                     + (SELECT COUNT(*) FROM cost_pools c WHERE c.org_id = ?1 AND NOT EXISTS
                           (SELECT 1 FROM stock_movements m WHERE m.org_id = ?1 AND m.product_id = c.product_id AND m.warehouse_id = c.warehouse_id))
                """, arguments: [org]) ?? 0
            let poolSum = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(value_minor), 0) FROM cost_pools WHERE org_id = ?",
                                             arguments: [org]) ?? 0
            let states = try Row.fetchAll(db, sql: """
                SELECT product_id, warehouse_id, on_hand, value_minor, state FROM cost_pools WHERE org_id = ? ORDER BY id DESC LIMIT ?
                """, arguments: [org, sampledPools])
            return (places, off, orphans, poolSum, states)
        }
        if let row = off.first {
            throw BenchSession.Failure(description: "product #\(row["product_id"] as Int64) at warehouse #\(row["warehouse_id"] as Int64): "
                + "ledger \(row["q"] as Int64) units worth \(row["v"] as Int64), level \(row["on_hand"] as Int64? ?? 0), "
                + "pool \(row["pool_q"] as Int64? ?? 0) units worth \(row["value_minor"] as Int64? ?? 0)")
        }
        guard orphans == 0 else { throw BenchSession.Failure(description: "\(orphans) stock levels or cost pools have no ledger rows") }
        for row in states {
            let pool = try JSONDecoder().decode(CostPool.self, from: Data((row["state"] as String).utf8))
            guard pool.onHand.units == row["on_hand"], pool.value.minor == row["value_minor"] else {
                throw BenchSession.Failure(description: "the stored cost pool of product #\(row["product_id"] as Int64) at warehouse "
                    + "#\(row["warehouse_id"] as Int64) holds \(pool.onHand) worth \(pool.value), its row says otherwise")
            }
        }
        let lines = try session.database.stockQueries.valuation(session.scope, asOf: session.today)
        let valued = InventoryValueReport.grandTotal(lines, currency: session.scope.baseCurrency)
        guard valued.minor == poolSum else {
            throw BenchSession.Failure(description: "the valuation as of today is \(valued), the cost pools add up to \(poolSum) minor units")
        }
        return "consistent: \(places.grouped) places, ledger = stock levels = cost pools; \(states.count.grouped) pool states add up; "
            + "valuation as of today = Σ pools = \(valued)"
    }
}
