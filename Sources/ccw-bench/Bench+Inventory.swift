import CCWCore
import Foundation

extension Bench {
    /// The inventory figures (issue 4); returns the plans that are not as intended.
    func runInventory(_ bench: BenchSession, shell: SqliteShell) throws -> [QueryPlans.Finding] {
        let few = max(5, samples / 10)
        say("inventory consistency (ledger sums per place against stock levels and cost pools):")
        say("  " + (try InventoryConsistency(bench: bench).check()))
        say("inventory query plans (EXPLAIN QUERY PLAN; the core's statements as traced):")
        let plans = try InventoryQueryPlans(bench: bench).explain()
        say(QueryPlans.render(plans))

        var figures: [Figure] = []
        func add(_ group: [Figure]) {
            for f in group { say(String(format: "  = %@: %@ %@ (sqlite3 %@)", f.metric, Figure.format(f.ours), f.unit, f.baseline.map(Figure.format) ?? "-")) }
            figures += group
        }
        say("measuring the stock matrix (\(few) first pages, \(samples) pages down)…")
        add(try InventoryMatrixFigure(bench: bench, shell: shell, samples: samples, repeats: few).measure())
        say("measuring \(bookings.grouped) bookings through stockBooking.book…")
        add(try InventoryBookingFigure(bench: bench, bookings: bookings).measure())
        say("measuring the valuation (\(valuation.rawValue))…")
        add(try InventoryValuationFigure(bench: bench, shell: shell, method: valuation).measure())

        say("\nccw-bench inventory, \(products.grouped) products, \(warehouses) warehouses, \(movements.grouped) stock movements "
            + "(\(valuation.rawValue)); times in ms (ratio = ours / sqlite3)\n")
        return report(figures, plans: plans)
    }
}
