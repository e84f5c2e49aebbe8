import CCWCore
import CCWDomain
import CCWScreens
import CCWViewModels
import Foundation

/// The deal kanban (g c 3: CRM › Deals) of the default pipeline over every deal: opening it to
/// its first 120x40 frame (pipelines, per-stage totals in SQL, the first 30 cards of each
/// column). Baseline: the board's totals and card statements (`BoardSQL`) run by `sqlite3`.
/// Then the win/loss section (g c 5) and the core's `winLoss` and `forecast` alone, which
/// have no target and no baseline; win/loss takes seconds at 200,000 deals, so those are
/// timed `analysisRuns` times only.
struct CRMBoardFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let repeats: Int
    var analysisRuns = 3
    var log: (String) -> Void = { say($0) }

    func measure() throws -> [Figure] {
        var opens: [Double] = []
        var analyses: [Double] = []
        for _ in 0..<repeats {
            let session = try bench.open()
            let driver = bench.driver(session)
            driver.press("g", "c")
            driver.render()
            opens.append(Stopwatch.time { driver.press("3"); driver.render() }.1)
            try BenchSession.expect(driver, shows: "Negotiation", after: "g c 3 (CRM › Deals)")
            if analyses.count < analysisRuns { analyses.append(Stopwatch.time { driver.press("5"); driver.render() }.1) }
            try session.database.close()
        }
        let session = try bench.open()
        defer { try? session.database.close() }
        let scope = session.scope, deals = session.database.deals
        let pipeline = try session.database.pipelines.defaultPipeline(scope).pipeline
        let sql = BoardSQL(orgId: scope.orgId, pipelineId: pipeline.id.rawValue)
        var base = try shell.precise([sql.totals()])
        for stage in pipeline.stages { base += try shell.precise([sql.cards(stage: stage.id.rawValue, limit: 30)]) }

        let board = Samples(try Stopwatch.samples(repeats) { _ in _ = try deals.board(scope, pipeline: pipeline.id) })
        let winLoss = Samples(try Stopwatch.samples(analysisRuns) { _ in _ = try deals.winLoss(scope, pipeline: pipeline.id) })
        let month = Forecast.Month(session.today)
        let forecast = Samples(try Stopwatch.samples(repeats) { _ in
            _ = try deals.forecast(scope, pipeline: pipeline.id, from: month, months: 12)
        })
        let counts = try deals.board(scope, pipeline: pipeline.id).columns.map { "\($0.stage.name) \($0.totals.count.grouped)" }
        log("  board: " + counts.joined(separator: ", "))
        return [
            Figure(metric: "open deal kanban + frame (median)", ours: Samples(opens).median, baseline: base, target: 100),
            Figure(metric: "core deals.board alone (median)", ours: board.median, baseline: base),
            Figure(metric: "open win/loss + forecast + frame (median of \(analysisRuns))", ours: Samples(analyses).median, baseline: nil),
            Figure(metric: "core winLoss, all closed deals (median of \(analysisRuns))", ours: winLoss.median, baseline: nil),
            Figure(metric: "core forecast, 12 months (median)", ours: forecast.median, baseline: nil),
        ]
    }
}
