import CCWDomain
import Foundation
import GRDB

/// Paging upwards and jumping to the end of the audit trail (for the virtualized grid), the
/// values that appear in it (for filter pick lists), and activity per day (for the home screen).
extension AuditTrail {
    /// Which column `distinct` lists.
    public enum DistinctColumn: String, Sendable {
        case entity, login, action
    }

    /// The `limit` entries just above `cursor` (newer), in display order (newest first).
    public func page(_ scope: Scope, filter: AuditFilter = AuditFilter(), before cursor: AuditCursor,
                     limit: Int = 50) throws -> [AuditEntry] {
        try database.read(as: scope, in: .admin) { access in
            try fetch(access.db, scope: scope, filter: filter, cursor: (cursor, .newer), newestFirst: true, limit: limit)
        }
    }

    /// The oldest `limit` entries, in display order (newest first): the end of the list.
    public func lastPage(_ scope: Scope, filter: AuditFilter = AuditFilter(), limit: Int = 50) throws -> [AuditEntry] {
        try database.read(as: scope, in: .admin) { access in
            try fetch(access.db, scope: scope, filter: filter, cursor: nil, newestFirst: false, limit: limit)
        }
    }

    /// The distinct values of a column in this organization's trail, sorted (at most 500).
    public func distinct(_ scope: Scope, _ column: DistinctColumn) throws -> [String] {
        try database.read(as: scope, in: .admin) { access in
            try String.fetchAll(access.db, sql: """
                SELECT DISTINCT \(column.rawValue) FROM audit_log WHERE org_id = ? ORDER BY 1 LIMIT 500
                """, arguments: [scope.orgId])
        }
    }

    /// How many changes were recorded on each of the `days` days ending `today` (in the
    /// organization's time zone), oldest first. Readable by every role: it names no records.
    public func dailyCounts(_ scope: Scope, days: Int, today: CalendarDate) throws -> [(day: CalendarDate, count: Int)] {
        try database.read(as: scope, in: .home) { access in
            var out: [(CalendarDate, Int)] = []
            for offset in stride(from: days - 1, through: 0, by: -1) {
                let day = today.adding(days: -offset)
                let start = ZonedTime.startOfDay(day, in: scope.zone)
                let end = ZonedTime.startOfDay(day.adding(days: 1), in: scope.zone)
                let n = try Int.fetchOne(access.db, sql: "SELECT COUNT(*) FROM audit_log WHERE org_id = ? AND at >= ? AND at < ?",
                                         arguments: [scope.orgId, start, end]) ?? 0
                out.append((day, n))
            }
            return out
        }
    }
}
