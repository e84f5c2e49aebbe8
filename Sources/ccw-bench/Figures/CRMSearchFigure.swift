import CCWCore
import CCWViewModels
import Foundation

/// Substring search over every contact. Ours: `ContactsModel.send(.setText(term))`, which
/// counts the matches (stopping after `ContactsModel.countCap`, shown as "1,000+"), loads the
/// first window page (the trigram index drives the query and the matches are sorted by name;
/// for the common term a bounded walk of the name index, `ContactSearchWalk`) and the first
/// match's overview. Baseline: the same capped count and first page run by `sqlite3`. Then `/` in the grid and a surname typed key by key, each key of 3+ characters
/// re-running the search (shorter input only shows a hint).
struct CRMSearchFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let repeats: Int
    let windowPage = 100
    var log: (String) -> Void = { say($0) }

    static let common = "mann"
    static let wide = "ski"
    static let terms: [(label: String, text: String)] = [
        ("rare", "Zofia Wójcik"), ("medium", "Wójcik"), ("common", common), ("wide", wide), ("domain", ".de"),
    ]
    static let typed = "Wójcik"

    func measure() throws -> [Figure] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let model = ContactsModel(session: session)
        var figures: [Figure] = []
        for (label, text) in Self.terms {
            var times: [Double] = []
            var hits = ""
            for _ in 0..<repeats {
                model.send(.setText(""))
                times.append(Stopwatch.time { model.send(.setText(text)) }.1)
                hits = model.list.count.grouped + (model.list.countIsExact ? "" : "+")
                if let error = model.list.error ?? model.error { throw BenchSession.Failure(description: "search \(text): \(error)") }
            }
            let base = try baseline(session, text)
            figures.append(Figure(metric: "contacts search \(label) \"\(text)\" (\(hits) hits)", ours: Samples(times).median,
                                  baseline: base, target: 50))
        }
        return figures + (try typing(session))
    }

    /// The capped count and the first page in the `sqlite3` shell, as the core sent them
    /// (`CRMSearchStatements`). The count and the trigram plan share their parameters and run
    /// together; the statements of a walk each have their own.
    private func baseline(_ session: AppSession, _ text: String) throws -> Double {
        let page = try CRMSearchStatements.firstPage(session, text: text, limit: windowPage)
        let statements = [ContactSQL(orgId: session.scope.orgId, text: text).count()] + page
        guard page.count > 1 else { return try shell.precise(statements) }
        return try statements.map { try shell.precise([$0]) }.reduce(0, +)
    }

    /// g c, `/`, then the surname key by key, a frame after each key.
    private func typing(_ session: AppSession) throws -> [Figure] {
        let driver = bench.driver(session)
        driver.press("g", "c")
        driver.render()
        driver.press("/")
        var keys: [Double] = []
        var prefixes: [String] = []
        for ch in Self.typed {
            let prefix = (prefixes.last ?? "") + String(ch)
            prefixes.append(prefix)
            keys.append(Stopwatch.time { driver.type(String(ch)); driver.render() }.1)
        }
        try BenchSession.expect(driver, shows: Self.typed, after: "typing /\(Self.typed)")
        var base: [Double] = []
        for prefix in prefixes {
            if prefix.count < ContactsModel.minimumSearchLength { base.append(0); continue }
            base.append(try baseline(session, prefix))
        }
        for (i, prefix) in prefixes.enumerated() {
            let queries = prefix.count >= ContactsModel.minimumSearchLength
            log(String(format: "  typed /%@ (%@): ours %.1f ms, sqlite3 %@", prefix, queries ? "FTS" : "hint, no query", keys[i],
                       queries ? String(format: "%.1f ms", base[i]) : "-"))
        }
        let slowest = keys.indices.max { keys[$0] < keys[$1] } ?? 0
        return [
            Figure(metric: "type /\(Self.typed) in contacts grid, slowest key (/\(prefixes[slowest]))", ours: keys[slowest],
                   baseline: base[slowest] > 0 ? base[slowest] : nil, target: 50),
        ]
    }
}
