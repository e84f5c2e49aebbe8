import CCWCore
import CCWViewModels
import Foundation
import GRDB

/// The statements the core sends for the contacts grid (`Contacts+List.swift`) and the deal
/// kanban (`DealBoard.swift`), character for character and with the same parameters, so the
/// `sqlite3` shell runs the very same statements as the baseline. `CRMParity` checks at every
/// run that the core still sends exactly these.
///
/// Contacts, name order (the grid's default): without text the list walks `contacts_by_name`
/// from a row-value cursor; with text of 3+ characters the trigram index drives the query
/// (`CROSS JOIN`), the matches are sorted by name from the narrow `contacts_search_keys` index
/// and only the page's rows are read from `contacts`; the count of a text search stops after
/// `countCap + 1` matches, the count without text is exact. A term with thousands of matches
/// is answered by `ContactSearchWalk`: probes of the trigram index, then a bounded walk of
/// `contacts_by_name` testing each row with `LIKE` (`walk(…)`) or by membership in the
/// matches (`membershipWalk`, then `rows`).
struct ContactSQL {
    let orgId: Int64
    var text: String?
    var countCap: Int = ContactsModel.countCap

    var match: String? {
        text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : SearchIndex.matchExpression($0) }
    }

    private var source: String {
        match == nil ? "contacts" : "contacts_fts f CROSS JOIN contacts INDEXED BY contacts_search_keys ON contacts.id = f.rowid"
    }

    private var conditions: (sql: String, values: [BoundSQL.Value]) {
        var sql = "contacts.org_id = ? AND contacts.deleted_at IS NULL"
        var values: [BoundSQL.Value] = [.int(orgId)]
        if let match {
            sql += " AND contacts_fts MATCH ?"
            values.append(.text(match))
        }
        return (sql, values)
    }

    /// `countMatching(cap:)` as the grid calls it: capped with text, exact without.
    func count() -> BoundSQL {
        let c = conditions
        let limit = match == nil ? "" : " LIMIT \(countCap + 1)"
        return BoundSQL(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(source) WHERE \(c.sql)\(limit))", values: c.values)
    }

    func first(limit: Int) -> BoundSQL { page(cursor: nil, forwards: true, limit: limit) }
    func after(_ cursor: ContactCursor, limit: Int) -> BoundSQL { page(cursor: cursor, forwards: true, limit: limit) }
    func before(_ cursor: ContactCursor, limit: Int) -> BoundSQL { page(cursor: cursor, forwards: false, limit: limit) }
    func last(limit: Int) -> BoundSQL { page(cursor: nil, forwards: false, limit: limit) }

    /// Every statement the core may send for the grid's first page of this text, in the order
    /// it would send them (`ContactSearchWalk`): the probe, the tested walk, the second probe,
    /// the walk by membership and its rows by id (`pageIds`), or the trigram plan.
    /// `CRMSearchStatements` keeps those the core did send.
    func firstPageCandidates(limit: Int, pageIds: [Int64]) -> [BoundSQL] {
        var candidates = [probe(limit: 2_000)]
        if rowTest != nil { candidates.append(walk(limit: limit)) }
        candidates += [probe(limit: 20_000), membershipWalk(limit: limit)]
        if !pageIds.isEmpty { candidates.append(rows(pageIds)) }
        return candidates + [first(limit: limit)]
    }

    /// `SearchIndex.rowTest` over `Contacts.searchColumns`, written out.
    private var rowTest: (sql: String, values: [BoundSQL.Value])? {
        guard let text, SearchIndex.matchExpression(text) != nil else { return nil }
        let terms = SearchIndex.terms(text)
        guard terms.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) }) else { return nil }
        let columns = ["first_name", "last_name", "email", "phone", "mobile", "title"]
        var values: [BoundSQL.Value] = []
        let sql = terms.map { term -> String in
            let lower = term.lowercased()
            values += Array(repeating: .text(SearchIndex.likePattern(term)), count: columns.count)
            return "(" + columns.map { column in
                var value = "contacts.\(column)"
                if lower.contains("k") { value = "replace(\(value), '\u{212A}', 'k')" }
                if lower.contains("s") { value = "replace(\(value), '\u{017F}', 's')" }
                return "\(value) LIKE ? ESCAPE '\\'"
            }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        return (sql, values)
    }

    /// `ContactSearchWalk.probe`: up to `limit` matches from the trigram index.
    func probe(limit: Int) -> BoundSQL {
        BoundSQL(sql: """
            SELECT COUNT(*) AS n, MAX(rowid) AS last FROM (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT \(limit))
            """, values: [.text(match ?? "")])
    }

    /// The walk by membership from the top in name order: the sort index alone, each id looked
    /// up among the trigram matches, at most 200 rows per page row (20,000 at least).
    func membershipWalk(limit: Int) -> BoundSQL {
        let budget = max(20_000, max(1, min(limit, 1000)) * 200)
        return BoundSQL(sql: """
            SELECT contacts.id, contacts.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) AS search_hit
            FROM contacts WHERE contacts.org_id = ? AND contacts.deleted_at IS NULL
            ORDER BY contacts.last_name ASC, contacts.first_name ASC, contacts.id ASC LIMIT ?
            """, values: [.text(match ?? ""), .int(orgId), .int(Int64(budget))])
    }

    /// The page's rows by id, after a walk by membership.
    func rows(_ ids: [Int64]) -> BoundSQL {
        BoundSQL(sql: """
            SELECT contacts.* FROM contacts WHERE contacts.id IN (\(ids.map { _ in "?" }.joined(separator: ","))) \
            ORDER BY contacts.last_name ASC, contacts.first_name ASC, contacts.id ASC
            """, values: ids.map { .int($0) })
    }

    /// The tested walk from the top in name order: each row tested, at most forty rows per
    /// page row (2,000 at least).
    func walk(limit: Int) -> BoundSQL {
        let test = rowTest ?? (sql: "0", values: [])
        let budget = max(2_000, max(1, min(limit, 1000)) * 40)
        return BoundSQL(sql: """
            SELECT contacts.*, \(test.sql) AS search_hit FROM contacts
            WHERE contacts.org_id = ? AND contacts.deleted_at IS NULL
            ORDER BY contacts.last_name ASC, contacts.first_name ASC, contacts.id ASC LIMIT ?
            """, values: test.values + [.int(orgId), .int(Int64(budget))])
    }

    /// `Contacts.fetch` for the name order, ascending.
    private func page(cursor: ContactCursor?, forwards: Bool, limit: Int) -> BoundSQL {
        var (condition, values) = conditions
        if let cursor {
            condition += " AND (contacts.last_name, contacts.first_name, contacts.id) \(forwards ? ">" : "<") (?, ?, ?)"
            values += [.text(cursor.lastName), .text(cursor.firstName), .int(cursor.id)]
        }
        let order = forwards ? "ASC" : "DESC"
        let orderBy = "contacts.last_name \(order), contacts.first_name \(order), contacts.id \(order)"
        let limit = BoundSQL.Value.int(Int64(max(1, min(limit, 1000))))
        if match == nil {
            return BoundSQL(sql: """
                SELECT contacts.* FROM \(source) WHERE \(condition)
                ORDER BY \(orderBy) LIMIT ?
                """, values: values + [limit])
        }
        return BoundSQL(sql: """
            SELECT contacts.* FROM contacts WHERE contacts.id IN (
                SELECT contacts.id FROM \(source) WHERE \(condition)
                ORDER BY \(orderBy) LIMIT ?)
            ORDER BY \(orderBy)
            """, values: values + [limit])
    }
}

/// The kanban's own statements (`Deals.board` without a filter): the per-stage totals over
/// the pipeline and each column's first cards. (The board also reads the pipeline and its
/// stages first: two small statements, left out of the baseline.)
struct BoardSQL {
    let orgId: Int64
    let pipelineId: Int64

    func totals() -> BoundSQL {
        BoundSQL(sql: """
            SELECT stage_id, currency, COUNT(*) AS n, SUM(value_minor) AS total, SUM(\(Self.weighted)) AS weighted
            FROM deals WHERE deals.org_id = ? AND deals.pipeline_id = ? AND deals.deleted_at IS NULL GROUP BY stage_id, currency
            """, values: [.int(orgId), .int(pipelineId)])
    }

    func cards(stage: Int64, limit: Int) -> BoundSQL {
        BoundSQL(sql: """
            SELECT deals.id, deals.version, deals.name, deals.value_minor, deals.currency, deals.probability, deals.stage_id,
                   deals.owner_id, deals.expected_close_date, deals.stage_entered_at,
                   companies.name AS company_name, users.login AS owner_login
            FROM deals
            LEFT JOIN companies ON companies.id = deals.company_id
            LEFT JOIN users ON users.id = deals.owner_id WHERE deals.org_id = ? AND deals.pipeline_id = ? AND deals.deleted_at IS NULL AND deals.stage_id = ?
            ORDER BY deals.value_minor DESC, deals.id DESC LIMIT ?
            """, values: [.int(orgId), .int(pipelineId), .int(stage), .int(Int64(max(1, min(limit, 500))))])
    }

    /// `Deals.weightedSQL`.
    static let weighted = """
        (CASE WHEN value_minor >= 0
              THEN (value_minor * CAST(ROUND(CAST(probability AS REAL) * 100) AS INTEGER) + 5000) / 10000
              ELSE -((-value_minor * CAST(ROUND(CAST(probability AS REAL) * 100) AS INTEGER) + 5000) / 10000) END)
        """
}
