import CCWDomain
import Foundation
import GRDB

/// The jobs every installation runs, whichever modules exist: checking each organization's audit
/// chain (admins are told at once if a row was tampered with) and clearing delivered events and
/// read notifications after their retention period. Modules register their own jobs beside these.
public enum MaintenanceJobs {
    public static let auditCheckInterval: Int64 = 3_600_000
    public static let purgeInterval: Int64 = 86_400_000
    /// How long processed events and read notifications are kept.
    public static let retentionMs: Int64 = 30 * 86_400_000

    public static var all: [Job] { [auditChainCheck, purge] }

    /// Verifies every organization's hash chain; a broken chain notifies that organization's admins.
    public static let auditChainCheck = Job(name: "audit.chain-check", every: auditCheckInterval) { ctx in
        let orgIds = try ctx.database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM organizations ORDER BY id") }
        var notices: [JobNotice] = []
        for orgId in orgIds {
            let result = try ctx.database.read { db in try AuditLog.verify(db, orgId: orgId) }
            guard !result.isOK else { continue }
            let message = "audit chain check failed: \(result)"
            try ctx.database.write { db in
                let admins = try Int64.fetchAll(db, sql: """
                    SELECT user_id FROM memberships WHERE org_id = ? AND role = 'admin' AND deleted_at IS NULL
                    """, arguments: [orgId])
                for admin in admins {
                    _ = try Notifications.post(db, orgId: orgId, userId: admin, kind: "audit.chain-broken",
                                               severity: .error, title: message)
                }
            }
            notices.append(JobNotice(orgId: orgId, severity: .error, message: message, job: "audit.chain-check"))
        }
        return notices.isEmpty ? JobOutcome(summary: "\(orgIds.count) chains verified") : JobOutcome(summary: "broken chain", notices: notices)
    }

    /// Deletes events processed and notifications read more than the retention period ago.
    public static let purge = Job(name: "maintenance.purge", every: purgeInterval) { ctx in
        let cutoff = ctx.now - retentionMs
        let (events, notes) = try ctx.database.write { db -> (Int, Int) in
            try db.execute(sql: "DELETE FROM event_outbox WHERE processed_at IS NOT NULL AND processed_at < ?", arguments: [cutoff])
            let e = db.changesCount
            try db.execute(sql: "DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < ?", arguments: [cutoff])
            return (e, db.changesCount)
        }
        return JobOutcome(summary: "purged \(events) events, \(notes) notifications")
    }
}
