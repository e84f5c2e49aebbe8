import CCWDomain
import GRDB

/// Sends task reminders: for each open task whose `reminder_at` has passed and whose reminder
/// was not sent yet, one notification to the task's assignee (only them), which their open TUI
/// shows as a toast on its next poll.
///
/// Exactly once: the task is marked `reminded_at` in the same IMMEDIATE transaction that
/// writes the notification, and only if it was still unmarked, so neither two processes nor
/// two runs can send it twice; a crash before the commit sends nothing and the next run
/// retries. Each reminder is audited as the job (`job:crm.task-reminders`). A run sends at
/// most `batchSize` reminders (oldest first); the rest go out on the next run.
public enum TaskReminderJob {
    public static let name = "crm.task-reminders"
    /// How often the job looks for due reminders.
    public static let interval: Int64 = 30_000
    public static let batchSize = 500

    public static let job = Job(name: name, every: interval) { ctx in
        let sent = try send(ctx.database, now: ctx.now)
        return sent == 0 ? .idle : JobOutcome(summary: "\(sent) task reminder\(sent == 1 ? "" : "s") sent")
    }

    /// Sends every reminder due at `now` (up to `limit`); returns how many were sent.
    @discardableResult
    public static func send(_ database: AppDatabase, now: Int64, limit: Int = batchSize) throws -> Int {
        try database.write { db in
            let due = try Row.fetchAll(db, sql: """
                SELECT t.id, t.uid, t.org_id, t.title, t.due_date, t.priority, t.assignee_id, u.login
                FROM crm_tasks t JOIN users u ON u.id = t.assignee_id
                WHERE t.deleted_at IS NULL AND t.reminded_at IS NULL AND t.reminder_at IS NOT NULL
                  AND t.status IN ('todo', 'in_progress') AND t.reminder_at <= ?
                ORDER BY t.reminder_at, t.id LIMIT ?
                """, arguments: [now, max(1, limit)])
            var sent = 0
            for row in due {
                let id: Int64 = row["id"]
                try db.execute(sql: "UPDATE crm_tasks SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
                               arguments: [now, id])
                guard db.changesCount == 1 else { continue }
                let orgId: Int64 = row["org_id"], title: String = row["title"], login: String = row["login"]
                try Notifications.post(db, orgId: orgId, userId: row["assignee_id"], kind: "crm.task.reminder",
                                       severity: .info, title: message(title: title, due: row["due_date"], priority: row["priority"]))
                try AuditLog.record(db, actor: .job(name, orgId: orgId), at: now, entity: "task", entityId: id,
                                    entityUID: row["uid"], action: "remind", summary: "reminder for task \"\(title)\" sent to \(login)")
                sent += 1
            }
            return sent
        }
    }

    /// "Reminder: Call Jürgen about the offer (due 2026-11-26, urgent)".
    static func message(title: String, due: String?, priority: String) -> String {
        let details = [due.map { "due \($0)" }, priority == "urgent" || priority == "high" ? priority : nil].compactMap { $0 }
        return "Reminder: \(title)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }
}
