import CCWCore
import CCWScreens
import CCWViewModels
import Foundation

/// The audit log grid (g a, then 3) over the whole data set: entering it, paging down from the
/// top, jumping to the end, paging up from there; each step timed as key handling + a frame.
/// Baselines: the keyset query the window sends for that step, run by `sqlite3` at the same
/// place in the list (the count is the chain head's entry count). Then the core's keyset query
/// alone at the middle of the list, where a cursor that is only a filter would cost most.
struct GridFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let samples: Int
    /// The rows the grid's window fetches per query (`PagedList`'s default).
    let windowPage = 100
    var log: (String) -> Void = { say($0) }

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let sql = AuditSQL(orgId: session.scope.orgId)
        let driver = bench.driver(session)
        driver.press("g", "a")
        driver.render()
        let (_, enter) = Stopwatch.time { driver.press("3"); driver.render() }
        try BenchSession.expect(driver, shows: "all changes", after: "g a 3 (audit log)")
        let enterBase = try shell.precise([sql.count(), sql.first(limit: windowPage)])

        let down = Stopwatch.samples(samples) { _ in driver.press("pgdn"); driver.render() }
        // The frame's "row N of M" tells how far the key presses went, hence the rows per page.
        let reached = try Self.position(driver)
        let perPage = max(1, (reached - 1) / samples)
        let halfway = try bench.cursor(session, atOffset: reached / 2)
        let downBase = try shell.precise([sql.after(halfway, limit: windowPage)])

        var ends: [Double] = []
        for _ in 0..<3 {
            driver.press("home"); driver.render()
            ends.append(Stopwatch.time { driver.press("end"); driver.render() }.1)
        }
        // End loads the last page plus one window page (KeysetWindow.ensure).
        let endBase = try shell.precise([sql.last(limit: windowPage + perPage + 1)])
        let up = Stopwatch.samples(samples) { _ in driver.press("pgup"); driver.render() }
        let total = try session.database.audit.count(session.scope)
        let nearEnd = try bench.cursor(session, atOffset: max(0, total - samples * perPage / 2))
        let upBase = try shell.precise([sql.before(nearEnd, limit: windowPage)])

        let d = Samples(down), u = Samples(up)
        log("  grid: \(total.grouped) rows, \(perPage) per page; \(samples) pgdn from the top (to row \(reached.grouped)), "
            + "\(samples) pgup from the end")
        return [
            Figure(metric: "enter audit grid (count + first page)", ours: enter, baseline: enterBase),
            Figure(metric: "grid pgdn + frame, from top (median)", ours: d.median, baseline: downBase, target: 5),
            Figure(metric: "grid pgdn + frame, from top (p99)", ours: d.p99, baseline: downBase),
            Figure(metric: "grid end + frame (median of 3)", ours: Samples(ends).median, baseline: endBase, target: 5),
            Figure(metric: "grid pgup + frame, from end (median)", ours: u.median, baseline: upBase, target: 5),
            Figure(metric: "grid pgup + frame, from end (p99)", ours: u.p99, baseline: upBase),
        ] + (try middle(session, sql: sql, total: total))
    }

    /// The selected row's position (1-based) from the grid's "row N of M" caption.
    static func position(_ driver: ScreenDriver) throws -> Int {
        let frame = driver.snapshot()
        guard let range = frame.range(of: #"row [0-9,]+ of"#, options: .regularExpression) else {
            throw BenchSession.Failure(description: "the audit grid shows no \"row N of M\":\n\(frame)")
        }
        return Int(frame[range].filter(\.isNumber)) ?? 0
    }

    /// The core's keyset page query alone, 100 rows below and above the middle row.
    private func middle(_ session: AppSession, sql: AuditSQL, total: Int) throws -> [Figure] {
        let cursor = try bench.cursor(session, atOffset: total / 2)
        let audit = session.database.audit, scope = session.scope
        let after = Samples(try Stopwatch.samples(20) { _ in _ = try audit.page(scope, after: cursor, limit: windowPage) })
        let before = Samples(try Stopwatch.samples(20) { _ in _ = try audit.page(scope, before: cursor, limit: windowPage) })
        let afterBase = try shell.precise([sql.after(cursor, limit: windowPage)])
        let beforeBase = try shell.precise([sql.before(cursor, limit: windowPage)])
        let at = "row \((total / 2).grouped)"
        return [
            Figure(metric: "core page(after:) at \(at)", ours: after.median, baseline: afterBase, target: 5),
            Figure(metric: "core page(before:) at \(at)", ours: before.median, baseline: beforeBase, target: 5),
        ]
    }
}
