import CCWCore
import CCWViewModels
import Foundation

/// Substring search over the whole trail. Ours: `AuditLogModel.send(.setText(term))`, which
/// counts the matches and loads the first window page (FTS5 trigram MATCH). Baseline: the same
/// count and first page run by `sqlite3`. Then the way a user really searches: `/` in the grid
/// and the term typed key by key, each key re-running the filter (terms under 3 characters
/// cannot use the trigram index and fall back to LIKE).
struct SearchFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let repeats: Int
    var log: (String) -> Void = { say($0) }

    static let terms: [(label: String, text: String)] = [
        ("rare", "INV-2026-0471"), ("medium", "üller"), ("common", "invoice"),
    ]
    static let typed = "üller"

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let model = AuditLogModel(session: session)
        var figures: [Figure] = []
        for (label, text) in Self.terms {
            var times: [Double] = []
            var matches = 0
            for _ in 0..<repeats {
                model.send(.setText(""))
                times.append(Stopwatch.time { model.send(.setText(text)) }.1)
                matches = model.list.count
                if let error = model.list.error { throw BenchSession.Failure(description: "search \(text): \(error)") }
            }
            let sql = AuditSQL(orgId: session.scope.orgId, text: text)
            let base = try shell.precise([sql.count(), sql.first(limit: 100)])
            figures.append(Figure(metric: "search \(label) \"\(text)\" (\(matches.grouped) hits)", ours: Samples(times).median,
                                  baseline: base, target: 50))
        }
        return figures + (try typing(session))
    }

    /// `/` then `üller` key by key in the grid, a frame after each key.
    private func typing(_ session: AppSession) throws -> [Figure] {
        let driver = bench.driver(session)
        driver.press("g", "a")
        driver.press("3")
        driver.render()
        driver.press("/")
        var keys: [Double] = []
        var prefixes: [String] = []
        for ch in Self.typed {
            prefixes.append((prefixes.last ?? "") + String(ch))
            keys.append(Stopwatch.time { driver.type(String(ch)); driver.render() }.1)
        }
        try BenchSession.expect(driver, shows: "üller", after: "typing /\(Self.typed)")
        var base: [Double] = []
        for prefix in prefixes {
            let sql = AuditSQL(orgId: session.scope.orgId, text: prefix)
            base.append(try shell.precise([sql.count(), sql.first(limit: 100)]))
        }
        for (i, prefix) in prefixes.enumerated() {
            let how = SearchIndex.matchExpression(prefix) == nil ? "LIKE" : "FTS"
            log(String(format: "  typed /%@ (%@): ours %.1f ms, sqlite3 %.1f ms", prefix, how, keys[i], base[i]))
        }
        let slowest = keys.indices.max { keys[$0] < keys[$1] } ?? 0
        return [
            Figure(metric: "type /\(Self.typed) in grid, slowest key (/\(prefixes[slowest]))", ours: keys[slowest],
                   baseline: base[slowest], target: 50),
            Figure(metric: "type /\(Self.typed) in grid, all \(keys.count) keys", ours: keys.reduce(0, +),
                   baseline: base.reduce(0, +)),
        ]
    }
}
