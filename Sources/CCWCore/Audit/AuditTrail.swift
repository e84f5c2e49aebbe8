import Foundation
import CCWDomain
import GRDB

/// Reading the audit trail of the scope's organization (Admin → Audit, `ccw audit list`).
/// Viewing needs the `view` permission on Admin (admins and managers).
public struct AuditTrail: Sendable {
    let database: AppDatabase

    /// Newest first; pass the last entry's `cursor` as `after` for the next page.
    ///
    /// Two shapes, each driven by an index so a page costs the same at any depth:
    /// without a text filter the list is ordered by `(at, id)` and the cursor is a row value
    /// (`(at, id) < (?, ?)`), which SQLite seeks to in `audit_log_by_org_at`; with a text filter
    /// the FTS index drives the query (`CROSS JOIN`, so SQLite does not probe it once per row)
    /// and the list is ordered by id, the order of the hash chain.
    public func page(_ scope: Scope, filter: AuditFilter = AuditFilter(), after cursor: AuditCursor? = nil,
                     limit: Int = 50) throws -> [AuditEntry] {
        try database.read(as: scope, in: .admin) { access in
            try fetch(access.db, scope: scope, filter: filter, cursor: cursor.map { ($0, .older) }, newestFirst: true, limit: limit)
        }
    }

    /// How many entries match (for "row 120 of 3,450"). Without filters this is read from the
    /// chain head, not counted.
    public func count(_ scope: Scope, filter: AuditFilter = AuditFilter()) throws -> Int {
        try countMatching(scope, filter: filter, cap: nil).count
    }

    /// Like `count`, but a text search stops counting after `cap` matches (`exact` is then false
    /// and the screen shows "1,000+"), so a common word costs no more than a rare one.
    public func countMatching(_ scope: Scope, filter: AuditFilter = AuditFilter(), cap: Int?) throws -> (count: Int, exact: Bool) {
        try database.read(as: scope, in: .admin) { access in
            if Self.isUnfiltered(filter) {
                let n = try Int.fetchOne(access.db, sql: "SELECT entries FROM audit_heads WHERE org_id = ?", arguments: [scope.orgId]) ?? 0
                return (n, true)
            }
            if let match = ftsMatch(filter) {
                let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
                let request: SQL = """
                    SELECT COUNT(*) FROM (SELECT 1 FROM audit_log_fts f CROSS JOIN audit_log ON audit_log.id = f.rowid
                    WHERE audit_log_fts MATCH \(match) AND \(literal: conditions(filter, scope: scope, includeText: false))\(literal: SQL(sql: limit)))
                    """
                let n = try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0
                if let cap, n > cap { return (cap, false) }
                return (n, true)
            }
            let request: SQL = "SELECT COUNT(*) FROM audit_log WHERE \(literal: conditions(filter, scope: scope))"
            return (try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0, true)
        }
    }

    /// The history of one record, newest first.
    public func history(_ scope: Scope, entity: String, entityId: Int64, limit: Int = 200) throws -> [AuditEntry] {
        try database.read(as: scope, in: .admin) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT * FROM audit_log WHERE org_id = ? AND entity = ? AND entity_id = ?
                ORDER BY at DESC, id DESC LIMIT ?
                """, arguments: [scope.orgId, entity, entityId, limit]).map(AuditEntry.init(row:))
        }
    }

    /// Checks the scope's organization's hash chain.
    public func verify(_ scope: Scope) throws -> AuditVerification {
        try database.read(as: scope, in: .admin) { access in try AuditLog.verify(access.db, orgId: scope.orgId) }
    }

    enum Direction { case older, newer }

    static func isUnfiltered(_ f: AuditFilter) -> Bool {
        f.entity?.nonBlank == nil && f.login?.nonBlank == nil && f.action == nil && f.from == nil && f.to == nil && f.text?.nonBlank == nil
    }

    /// The FTS MATCH expression for a text filter that the trigram index can answer (3+ characters).
    func ftsMatch(_ filter: AuditFilter) -> String? {
        filter.text?.nonBlank.flatMap { SearchIndex.matchExpression($0) }
    }

    /// One page in display order. `cursor` continues below (`.older`) or above (`.newer`) a row;
    /// `newestFirst: false` without a cursor reads the oldest rows (the end of the list).
    func fetch(_ db: Database, scope: Scope, filter: AuditFilter, cursor: (AuditCursor, Direction)?,
               newestFirst: Bool, limit: Int) throws -> [AuditEntry] {
        let limit = max(1, min(limit, 1000))
        let descending = cursor.map { $0.1 == .older } ?? newestFirst
        let order = descending ? "DESC" : "ASC"
        let rows: [Row]
        if let match = ftsMatch(filter) {
            var condition = conditions(filter, scope: scope, includeText: false)
            if let (c, direction) = cursor { condition += direction == .older ? " AND f.rowid < \(c.id)" : " AND f.rowid > \(c.id)" }
            let request: SQL = """
                SELECT audit_log.* FROM audit_log_fts f CROSS JOIN audit_log ON audit_log.id = f.rowid
                WHERE audit_log_fts MATCH \(match) AND \(literal: condition)
                ORDER BY f.rowid \(literal: SQL(sql: order)) LIMIT \(limit)
                """
            rows = try Row.fetchAll(db, SQLRequest<Row>(literal: request))
        } else {
            var condition = conditions(filter, scope: scope)
            if let (c, direction) = cursor {
                condition += direction == .older ? " AND (audit_log.at, audit_log.id) < (\(c.at), \(c.id))"
                                                 : " AND (audit_log.at, audit_log.id) > (\(c.at), \(c.id))"
            }
            let request: SQL = """
                SELECT * FROM audit_log WHERE \(literal: condition)
                ORDER BY audit_log.at \(literal: SQL(sql: order)), audit_log.id \(literal: SQL(sql: order)) LIMIT \(limit)
                """
            rows = try Row.fetchAll(db, SQLRequest<Row>(literal: request))
        }
        let entries = rows.map(AuditEntry.init(row:))
        return descending ? entries : entries.reversed()
    }

    func conditions(_ filter: AuditFilter, scope: Scope, includeText: Bool = true) -> SQL {
        var sql: SQL = "audit_log.org_id = \(scope.orgId)"
        if let entity = filter.entity?.nonBlank { sql += " AND audit_log.entity = \(entity)" }
        if let login = filter.login?.nonBlank { sql += " AND audit_log.login = \(login) COLLATE NOCASE" }
        if let action = filter.action { sql += " AND audit_log.action = \(action.rawValue)" }
        if let from = filter.from { sql += " AND audit_log.at >= \(ZonedTime.startOfDay(from, in: scope.zone))" }
        if let to = filter.to { sql += " AND audit_log.at < \(ZonedTime.startOfDay(to.adding(days: 1), in: scope.zone))" }
        if includeText, let text = filter.text,
           let search = SearchIndex.condition(table: "audit_log", columns: ["summary", "entity", "login"], text: text) {
            sql += " AND " + search
        }
        return sql
    }
}

extension AppDatabase {
    public var audit: AuditTrail { AuditTrail(database: self) }
}

extension String {
    /// The trimmed text, or nil when it is blank.
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
