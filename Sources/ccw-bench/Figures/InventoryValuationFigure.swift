import CCWCore
import CCWViewModels
import CCWDomain
import Foundation

/// The value of all stock through the real use case, `StockQueries.valuation(asOf:)`: every
/// product at every warehouse, as of today and as of half a year ago (the Value screen's "as
/// of" date), and `valueByCategory` (the same plus the category tree). The method is the data
/// set's (`--valuation`): the core books each movement's value change under the product's
/// method, so valuation is one aggregate over the ledger whatever the method. Baseline: the
/// traced valuation statement run by `sqlite3`. Target (issue 4): a full FIFO valuation under
/// 2 s (applied here to whichever method the data set uses). Each timed `runs` times.
struct InventoryValuationFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let method: BenchValuation
    var runs = 3
    static let target = 2_000.0
    var log: (String) -> Void = { say($0) }

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let stock = session.database.stockQueries, scope = session.scope
        let today = session.today, earlier = session.today.adding(days: -182)
        var lines: [StockValuationLine] = []
        let full = Samples(try Stopwatch.samples(runs) { _ in lines = try stock.valuation(scope, asOf: today) })
        var half: [StockValuationLine] = []
        let past = Samples(try Stopwatch.samples(runs) { _ in half = try stock.valuation(scope, asOf: earlier) })
        let byCategory = Samples(try Stopwatch.samples(runs) { _ in _ = try stock.valueByCategory(scope, asOf: today) })

        let statements = try CoreStatements.capture(session) { _ = try stock.valuation(scope, asOf: today) }
        let base = try shell.precise(CoreStatements.bound(statements))
        let pastBase = try shell.precise(CoreStatements.bound(try CoreStatements.capture(session) {
            _ = try stock.valuation(scope, asOf: earlier)
        }))
        let total = InventoryValueReport.grandTotal(lines, currency: scope.baseCurrency)
        let totalThen = InventoryValueReport.grandTotal(half, currency: scope.baseCurrency)
        log("  valuation as of \(today): \(lines.count.grouped) places, \(total); as of \(earlier): \(half.count.grouped) places, \(totalThen)")
        return [
            Figure(metric: "full valuation, \(method.rawValue), as of today (median of \(runs))", ours: full.median, baseline: base,
                   target: Self.target),
            Figure(metric: "full valuation as of 182 days ago (median of \(runs))", ours: past.median, baseline: pastBase),
            Figure(metric: "value by category, as of today (median of \(runs))", ours: byCategory.median, baseline: nil),
        ]
    }
}
