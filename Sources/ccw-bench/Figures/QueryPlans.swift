import CCWCore
import Foundation
import GRDB

/// `EXPLAIN QUERY PLAN` of the audit grid's statements (`AuditSQL`, the core's own), as SQLite
/// plans them on the data set, printed for the reader, plus a check of the two that must cost
/// the same at any depth:
/// - a keyset page deep in the list seeks to its cursor in `audit_log_by_org_at`
///   (`(org_id=? AND at<?)`), not walking the index from the top (`org_id=?` alone as the
///   search key would make the cursor a mere filter);
/// - a text search page is driven by the FTS index (`SCAN f VIRTUAL TABLE INDEX`) and reads
///   each match by primary key (`SEARCH audit_log USING INTEGER PRIMARY KEY`), rather than
///   walking `audit_log` and probing the index per row.
/// Neither may sort (`USE TEMP B-TREE FOR ORDER BY`): the index order is the display order.
struct QueryPlans {
    let bench: BenchSession

    struct Finding {
        var name: String
        var plan: [String]
        /// What the plan must show, or nil when it is only printed.
        var expected: String?
        /// Nil when there is nothing to check, else whether the plan is the intended one.
        var asIntended: Bool?
    }

    enum Expectation {
        case seekAtCursor(op: String)
        case ftsDriven

        var text: String {
            switch self {
            case .seekAtCursor(let op): "SEARCH audit_log USING INDEX audit_log_by_org_at (org_id=? AND at\(op)?), no sort"
            case .ftsDriven: "SCAN f VIRTUAL TABLE INDEX, then SEARCH audit_log USING INTEGER PRIMARY KEY, no sort"
            }
        }

        func holds(_ plan: [String]) -> Bool {
            let sorts = plan.contains { $0.contains("USE TEMP B-TREE") }
            switch self {
            case .seekAtCursor(let op):
                return !sorts && plan.contains { $0.contains("SEARCH audit_log USING INDEX audit_log_by_org_at (org_id=? AND at\(op)?)") }
            case .ftsDriven:
                guard let scan = plan.firstIndex(where: { $0.hasPrefix("SCAN f VIRTUAL TABLE INDEX") }),
                      let search = plan.firstIndex(where: { $0.hasPrefix("SEARCH audit_log USING INTEGER PRIMARY KEY") })
                else { return false }
                return !sorts && scan < search
            }
        }
    }

    func explain() throws -> [Finding] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let org = session.scope.orgId
        let total = try session.database.audit.count(session.scope)
        let deep = try bench.cursor(session, atOffset: total / 2)
        let sql = AuditSQL(orgId: org)
        let common = AuditSQL(orgId: org, text: SearchFigure.common)
        let deepMatch = try bench.matchCursor(session, text: SearchFigure.common, atOffset: 5_000)
        let statements: [(String, BoundSQL, Expectation?)] = [
            ("first page", sql.first(limit: 100), nil),
            ("page after cursor, row \((total / 2).grouped)", sql.after(deep, limit: 100), .seekAtCursor(op: "<")),
            ("page before cursor, row \((total / 2).grouped)", sql.before(deep, limit: 100), .seekAtCursor(op: ">")),
            ("last page", sql.last(limit: 100), nil),
            ("count (chain head)", sql.count(), nil),
            ("FTS count \"\(SearchFigure.common)\", capped", common.count(), .ftsDriven),
            ("FTS first page \"\(SearchFigure.common)\"", common.first(limit: 100), .ftsDriven),
            ("FTS page after match 5,000 \"\(SearchFigure.common)\"", common.after(deepMatch, limit: 100), .ftsDriven),
        ]
        return try session.database.pool.read { db in
            try statements.map { name, statement, expectation in
                let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                let plan = rows.map { row -> String in row["detail"] }
                return Finding(name: name, plan: plan, expected: expectation?.text, asIntended: expectation?.holds(plan))
            }
        }
    }

    static func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            let verdict = switch f.asIntended {
            case .some(true): "   as intended"
            case .some(false): "   <-- NOT the intended plan (\(f.expected ?? ""))"
            case .none: ""
            }
            out += "  \(f.name)\(verdict)\n"
            for line in f.plan { out += "      \(line)\n" }
        }
        return out
    }
}
