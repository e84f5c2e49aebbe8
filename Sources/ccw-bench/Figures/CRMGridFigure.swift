import CCWCore
import CCWScreens
import CCWViewModels
import Foundation

/// The contacts grid (g c: CRM › Contacts) over every contact: entering it (exact count +
/// first page + the selected contact's overview + a 120x40 frame), paging down from the top,
/// jumping to the end; each step timed as key handling + a frame. Baselines: the statements
/// the grid sends for that step (`ContactSQL`), run by `sqlite3` at the same place in the
/// list. Then the core's keyset page alone in the middle of the list.
struct CRMGridFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let samples: Int
    /// The rows the grid's window fetches per query (`PagedList`'s default).
    let windowPage = 100
    var log: (String) -> Void = { say($0) }

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let sql = ContactSQL(orgId: session.scope.orgId)
        let driver = bench.driver(session)
        driver.press("g")
        let (_, enter) = Stopwatch.time { driver.press("c"); driver.render() }
        try BenchSession.expect(driver, shows: "Contacts · / search", after: "g c (CRM › Contacts)")
        try BenchSession.expect(driver, shows: "row 1 of", after: "g c (CRM › Contacts)")
        let enterBase = try shell.precise([sql.count(), sql.first(limit: windowPage)])

        let down = Stopwatch.samples(samples) { _ in driver.press("pgdn"); driver.render() }
        let reached = try GridFigure.position(driver)
        let perPage = max(1, (reached - 1) / samples)
        let halfway = try bench.contactCursor(session, atOffset: reached / 2)
        let downBase = try shell.precise([sql.after(halfway, limit: windowPage)])

        var ends: [Double] = []
        for _ in 0..<3 {
            driver.press("home"); driver.render()
            ends.append(Stopwatch.time { driver.press("end"); driver.render() }.1)
        }
        let endBase = try shell.precise([sql.last(limit: windowPage + perPage + 1)])
        let total = try session.database.contacts.count(session.scope)
        let d = Samples(down)
        log("  contacts grid: \(total.grouped) contacts, \(perPage) per page; \(samples) pgdn from the top (to row \(reached.grouped))")
        return [
            Figure(metric: "enter contacts grid (exact count + first page)", ours: enter, baseline: enterBase),
            Figure(metric: "contacts pgdn + frame, from top (median)", ours: d.median, baseline: downBase),
            Figure(metric: "contacts pgdn + frame, from top (p99)", ours: d.p99, baseline: downBase),
            Figure(metric: "contacts end + frame (median of 3)", ours: Samples(ends).median, baseline: endBase),
        ] + (try middle(session, sql: sql, total: total))
    }

    /// The core's keyset page query alone, 100 contacts after the middle one.
    private func middle(_ session: AppSession, sql: ContactSQL, total: Int) throws -> [Figure] {
        let cursor = try bench.contactCursor(session, atOffset: total / 2)
        let contacts = session.database.contacts, scope = session.scope
        let after = Samples(try Stopwatch.samples(20) { _ in _ = try contacts.page(scope, after: cursor, limit: windowPage) })
        let afterBase = try shell.precise([sql.after(cursor, limit: windowPage)])
        return [
            Figure(metric: "core contacts page(after:) at row \((total / 2).grouped)", ours: after.median, baseline: afterBase),
        ]
    }
}
