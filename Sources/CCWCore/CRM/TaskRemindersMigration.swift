import GRDB

/// Task reminders and the task and lookup lists of the CRM screens (after `v2-crm`, which is
/// never edited):
/// - `crm_tasks.reminded_at`: when the reminder of a task was sent (NULL: not yet). The
///   reminder job sets it in the transaction that writes the notification, so a reminder goes
///   out exactly once whatever number of processes run the job;
/// - `crm_tasks_reminders_pending`: the job's query (reminders not sent yet, by time);
/// - `crm_tasks_open_by_due`: every open task of the organization by due date, undated last,
///   for the paged "all open tasks" list;
/// - `deals_by_name`: deal lookup by name prefix (a task's link to a deal).
enum TaskRemindersMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE crm_tasks ADD COLUMN reminded_at INTEGER;
            CREATE INDEX crm_tasks_reminders_pending ON crm_tasks(reminder_at, id)
                WHERE deleted_at IS NULL AND reminded_at IS NULL AND reminder_at IS NOT NULL
                  AND status IN ('todo', 'in_progress');
            CREATE INDEX crm_tasks_open_by_due ON crm_tasks(org_id, IFNULL(due_date, '9999-12-31'), id)
                WHERE deleted_at IS NULL AND status IN ('todo', 'in_progress');
            CREATE INDEX deals_by_name ON deals(org_id, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
            """)
    }
}
