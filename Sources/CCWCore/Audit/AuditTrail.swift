import Foundation
import CCWDomain
import GRDB

/// Reading the audit trail of the scope's organization (Admin → Audit, `ccw audit list`).
/// Viewing needs the `view` permission on Admin (admins and managers).
public struct AuditTrail: Sendable {
    let database: AppDatabase

    /// Newest first; pass the last entry's `cursor` as `after` for the next page.
    public func page(_ scope: Scope, filter: AuditFilter = AuditFilter(), after cursor: AuditCursor? = nil,
                     limit: Int = 50) throws -> [AuditEntry] {
        try database.read(as: scope, in: .admin) { access in
            var condition = conditions(filter, scope: scope)
            if let cursor {
                condition += " AND (audit_log.at < \(cursor.at) OR (audit_log.at = \(cursor.at) AND audit_log.id < \(cursor.id)))"
            }
            let request: SQL = """
                SELECT * FROM audit_log WHERE \(literal: condition)
                ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT \(max(1, min(limit, 1000)))
                """
            return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map(AuditEntry.init(row:))
        }
    }

    /// How many entries match (for "row 120 of 3,450").
    public func count(_ scope: Scope, filter: AuditFilter = AuditFilter()) throws -> Int {
        try database.read(as: scope, in: .admin) { access in
            let request: SQL = "SELECT COUNT(*) FROM audit_log WHERE \(literal: conditions(filter, scope: scope))"
            return try Int.fetchOne(access.db, SQLRequest<Int>(literal: request)) ?? 0
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

    private func conditions(_ filter: AuditFilter, scope: Scope) -> SQL {
        var sql: SQL = "audit_log.org_id = \(scope.orgId)"
        if let entity = filter.entity?.nonBlank { sql += " AND audit_log.entity = \(entity)" }
        if let login = filter.login?.nonBlank { sql += " AND audit_log.login = \(login) COLLATE NOCASE" }
        if let action = filter.action { sql += " AND audit_log.action = \(action.rawValue)" }
        if let from = filter.from { sql += " AND audit_log.at >= \(ZonedTime.startOfDay(from, in: scope.zone))" }
        if let to = filter.to { sql += " AND audit_log.at < \(ZonedTime.startOfDay(to.adding(days: 1), in: scope.zone))" }
        if let text = filter.text,
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
