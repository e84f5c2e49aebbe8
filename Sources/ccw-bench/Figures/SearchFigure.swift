import CCWCore
import CCWViewModels
import Foundation

/// Substring search over the whole trail. Ours: `AuditLogModel.send(.setText(term))`, which
/// counts the matches (stopping after `AuditLogModel.countCap`, shown as "1,000+") and loads the
/// first window page, both driven by the FTS5 trigram index. Baseline: the same capped count
/// and first page run by `sqlite3`. Then the way a user really searches: `/` in the grid and the
/// term typed key by key, each key of 3+ characters re-running the search (shorter input only
/// shows a hint and sends no query); and paging down through the matches of a common word.
struct SearchFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let repeats: Int
    /// Page-down presses timed through the matches of the common word.
    let pages: Int
    /// The rows the grid's window fetches per query (`PagedList`'s default).
    let windowPage = 100
    var log: (String) -> Void = { say($0) }

    static let common = "invoice"
    static let terms: [(label: String, text: String)] = [
        ("rare", "INV-2026-0471"), ("medium", "üller"), ("common", common),
    ]
    static let typed = "üller"

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let model = AuditLogModel(session: session)
        var figures: [Figure] = []
        for (label, text) in Self.terms {
            var times: [Double] = []
            var hits = ""
            for _ in 0..<repeats {
                model.send(.setText(""))
                times.append(Stopwatch.time { model.send(.setText(text)) }.1)
                hits = model.list.count.grouped + (model.list.countIsExact ? "" : "+")
                if let error = model.list.error { throw BenchSession.Failure(description: "search \(text): \(error)") }
            }
            let sql = AuditSQL(orgId: session.scope.orgId, text: text)
            let base = try shell.precise([sql.count(), sql.first(limit: windowPage)])
            figures.append(Figure(metric: "search \(label) \"\(text)\" (\(hits) hits)", ours: Samples(times).median,
                                  baseline: base, target: 50))
        }
        return figures + (try typing(session)) + (try paging(session))
    }

    /// `/` then `üller` key by key in the grid, a frame after each key. Keys that leave fewer
    /// than 3 characters send no query (the grid shows a hint), so their baseline is nothing.
    private func typing(_ session: AppSession) throws -> [Figure] {
        let driver = bench.driver(session)
        driver.press("g", "a")
        driver.press("3")
        driver.render()
        driver.press("/")
        var keys: [Double] = []
        var prefixes: [String] = []
        for ch in Self.typed {
            let prefix = (prefixes.last ?? "") + String(ch)
            prefixes.append(prefix)
            keys.append(Stopwatch.time { driver.type(String(ch)); driver.render() }.1)
            if prefix.count < AuditLogModel.minimumSearchLength {
                try BenchSession.expect(driver, shows: "type at least", after: "typing /\(prefix)")
            }
        }
        try BenchSession.expect(driver, shows: "/ \(Self.typed)", after: "typing /\(Self.typed)")
        var base: [Double] = []
        for prefix in prefixes {
            if prefix.count < AuditLogModel.minimumSearchLength { base.append(0); continue }
            let sql = AuditSQL(orgId: session.scope.orgId, text: prefix)
            base.append(try shell.precise([sql.count(), sql.first(limit: windowPage)]))
        }
        for (i, prefix) in prefixes.enumerated() {
            let queries = prefix.count >= AuditLogModel.minimumSearchLength
            log(String(format: "  typed /%@ (%@): ours %.1f ms, sqlite3 %@", prefix, queries ? "FTS" : "hint, no query", keys[i],
                       queries ? String(format: "%.1f ms", base[i]) : "-"))
        }
        let slowest = keys.indices.max { keys[$0] < keys[$1] } ?? 0
        return [
            Figure(metric: "type /\(Self.typed) in grid, slowest key (/\(prefixes[slowest]))", ours: keys[slowest],
                   baseline: base[slowest] > 0 ? base[slowest] : nil, target: 50),
            Figure(metric: "type /\(Self.typed) in grid, all \(keys.count) keys", ours: keys.reduce(0, +),
                   baseline: base.reduce(0, +)),
        ]
    }

    /// `/invoice`, Enter, then page down through the matches from the top, a frame after each
    /// key: the window reads the next matches by `f.rowid < ?` (FTS-driven keyset paging), past
    /// the capped count. Baseline: that page query at half the depth reached, run by `sqlite3`.
    private func paging(_ session: AppSession) throws -> [Figure] {
        let driver = bench.driver(session)
        driver.press("g", "a")
        driver.press("3")
        driver.render()
        driver.press("/")
        driver.type(Self.common)
        driver.press("enter")
        driver.render()
        try BenchSession.expect(driver, shows: "filtered: /\(Self.common)", after: "/\(Self.common) Enter")
        let down = Samples(Stopwatch.samples(pages) { _ in driver.press("pgdn"); driver.render() })
        let reached = try GridFigure.position(driver)
        let halfway = try bench.matchCursor(session, text: Self.common, atOffset: reached / 2)
        let sql = AuditSQL(orgId: session.scope.orgId, text: Self.common)
        let base = try shell.precise([sql.after(halfway, limit: windowPage)])
        let mean = down.values.reduce(0, +) / Double(max(1, down.values.count))
        log(String(format: "  search paging: %d pgdn through \"%@\" to match %@; median %.2f ms, mean %.2f ms, p99 %.2f ms",
                   pages, Self.common, reached.grouped, down.median, mean, down.p99))
        return [
            Figure(metric: "search, page down through matches (median)", ours: down.median, baseline: base),
        ]
    }
}
