import CCWCore
import CCWScreens
import CCWViewModels
import Foundation

/// The stock matrix (Inventory › Stock) through the core call its screen makes
/// (`StockQueries.matrixPage`, a window of 100 products as `PagedList` fetches it, all
/// warehouses as columns): the first page, then paging down from the top, each page after the
/// previous one's last product; and the exact product count the screen shows on entry.
/// Baselines: the very statements the core sent for the first page and for a page deep in
/// the list (traced, `CoreStatements`), run by `sqlite3`. Target (issue 4): a page under 10 ms,
/// judged on the core's medians. Then the same through the screen (key press + 120x40 frame).
struct InventoryMatrixFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let samples: Int
    let repeats: Int
    /// The rows the screen's keyset window fetches per query (`PagedList`'s default).
    let windowPage = 100
    static let target = 10.0
    var log: (String) -> Void = { say($0) }

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let stock = session.database.stockQueries, scope = session.scope
        let columns = try session.database.warehouses.list(scope).count
        let count = Samples(try Stopwatch.samples(repeats) { _ in _ = try stock.matrixCount(scope) })
        let first = Samples(try Stopwatch.samples(repeats) { _ in _ = try stock.matrixPage(scope, after: nil, limit: windowPage) })

        var cursor: ProductCursor?
        var rows = 0, cells = 0, wrapped = 0
        let down = Samples(try Stopwatch.samples(samples) { _ in
            let page = try stock.matrixPage(scope, after: cursor, limit: windowPage)
            rows += page.count
            cells += page.reduce(0) { $0 + $1.cells.count }
            if page.count < windowPage { cursor = nil; wrapped += 1 } else { cursor = page.last?.cursor }
        })
        let deep = try cursor ?? stock.matrixPage(scope, after: nil, limit: windowPage).last?.cursor

        let firstSQL = try CoreStatements.capture(session) { _ = try stock.matrixPage(scope, after: nil, limit: windowPage) }
        let deepSQL = try CoreStatements.capture(session) { _ = try stock.matrixPage(scope, after: deep, limit: windowPage) }
        let countSQL = try CoreStatements.capture(session) { _ = try stock.matrixCount(scope) }
        let firstBase = try shell.precise(CoreStatements.bound(firstSQL))
        let deepBase = try shell.precise(CoreStatements.bound(deepSQL))
        let countBase = try shell.precise(CoreStatements.bound(countSQL))
        let total = try stock.matrixCount(scope).count
        log("  matrix: \(total.grouped) stocked products × \(columns) warehouses; \(samples) pages of \(windowPage) read "
            + "\(rows.grouped) rows with \(cells.grouped) cells\(wrapped > 0 ? " (wrapped to the top \(wrapped)×)" : "")")
        return [
            Figure(metric: "stock matrix count (exact, on entry)", ours: count.median, baseline: countBase),
            Figure(metric: "stock matrix first page, \(windowPage) × \(columns) (median)", ours: first.median, baseline: firstBase,
                   target: Self.target),
            Figure(metric: "stock matrix first page (p99)", ours: first.p99, baseline: firstBase),
            Figure(metric: "stock matrix page down (median)", ours: down.median, baseline: deepBase, target: Self.target),
            Figure(metric: "stock matrix page down (p99)", ours: down.p99, baseline: deepBase),
        ] + (try screen(enterBase: countBase + firstBase, deepBase: deepBase))
    }

    /// The screen itself on a headless 120x40 app: entering Inventory › Stock (g i, then 2:
    /// warehouses, exact count, first window, a frame) and pgdn + frame from the top.
    private func screen(enterBase: Double, deepBase: Double) throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let driver = bench.driver(session)
        driver.press("g", "i")
        driver.render()
        let (_, enter) = Stopwatch.time { driver.press("2"); driver.render() }
        let code = try session.database.warehouses.list(session.scope).first?.code ?? "?"
        try BenchSession.expect(driver, shows: code, after: "g i 2 (Inventory › Stock)")
        let down = Samples(Stopwatch.samples(samples) { _ in driver.press("pgdn"); driver.render() })
        try BenchSession.expect(driver, shows: code, after: "\(samples) pgdn in Inventory › Stock")
        return [
            Figure(metric: "enter Inventory › Stock + frame (count + first page)", ours: enter, baseline: enterBase),
            Figure(metric: "Inventory › Stock pgdn + frame (median)", ours: down.median, baseline: deepBase),
            Figure(metric: "Inventory › Stock pgdn + frame (p99)", ours: down.p99, baseline: deepBase),
        ]
    }
}
