import CCWCore
import Foundation
import GRDB

/// `EXPLAIN QUERY PLAN` of the audit grid's queries, as SQLite plans them on the data set,
/// printed for the reader, plus a check of the one that matters at depth: a keyset page must
/// seek to its cursor in `audit_log_by_org_at`, not walk the index from the top (`org_id=?`
/// alone as the search key means the cursor is only a filter).
struct QueryPlans {
    let bench: BenchSession

    struct Finding {
        var name: String
        var plan: [String]
        /// True when the plan seeks on `at` (the cursor), not only on `org_id`.
        var seeksCursor: Bool
    }

    func explain() throws -> [Finding] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let org = session.scope.orgId
        let sql = AuditSQL(orgId: org)
        let mid = try bench.cursor(session, atOffset: 1_000)
        let statements: [(String, BoundSQL, Bool)] = [
            ("first page", sql.first(limit: 100), false),
            ("page after cursor (core)", sql.after(mid, limit: 100), true),
            ("page before cursor (core)", sql.before(mid, limit: 100), true),
            ("page after cursor (row value)", sql.after(mid, limit: 100, form: .rowValue), true),
            ("page before cursor (row value)", sql.before(mid, limit: 100, form: .rowValue), true),
            ("last page", sql.last(limit: 100), false),
            ("count", sql.count(), false),
            ("FTS count", AuditSQL(orgId: org, text: "üller").count(), false),
            ("FTS first page", AuditSQL(orgId: org, text: "üller").first(limit: 100), false),
        ]
        return try session.database.pool.read { db in
            try statements.map { name, statement, needsSeek in
                let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                let plan = rows.map { row -> String in row["detail"] }
                let seeks = plan.contains { $0.contains("audit_log_by_org_at (org_id=? AND at") || $0.contains("(org_id=? AND (at,rowid)") }
                return Finding(name: name, plan: plan, seeksCursor: needsSeek ? seeks : true)
            }
        }
    }

    static func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            out += "  \(f.name)\(f.seeksCursor ? "" : "   <-- does not seek to the cursor")\n"
            for line in f.plan { out += "      \(line)\n" }
        }
        return out
    }
}
