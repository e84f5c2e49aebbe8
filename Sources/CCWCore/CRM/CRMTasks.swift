import CCWDomain
import GRDB

/// A stored CRM task with its row stamp.
public struct CRMTaskRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var task: CRMTask

    public var id: Int64 { stamp.id }
    public var version: Int64 { stamp.version }

    init(row: Row) {
        stamp = RowStamp(row: row)
        task = CRMTask(id: row["id"], title: row["title"], description: row["description"],
                       priority: CRMTask.Priority(rawValue: row["priority"]) ?? .medium,
                       status: CRMTask.Status(rawValue: row["status"]) ?? .todo, dueDate: CRMStore.date(row["due_date"]),
                       completedAt: row["completed_at"], reminderAt: row["reminder_at"],
                       contactID: (row["contact_id"] as Int64?).map { ContactID($0) },
                       companyID: (row["company_id"] as Int64?).map { CompanyID($0) },
                       dealID: (row["deal_id"] as Int64?).map { DealID($0) }, assigneeID: UserID(row["assignee_id"] as Int64),
                       tags: CRMStore.tags(row["tags"]), customFields: CRMStore.customFields(row["custom_fields"]))
    }
}

/// To-dos about contacts, companies and deals, and each user's "my tasks" view.
///
/// Adding needs CRM `create`; completing CRM `edit` (optimistic locking); deleting CRM
/// `delete`. Each write is audited; adding publishes `crm.task.created`, completing
/// `crm.task.completed`. "My tasks" reads only the user's open tasks through the
/// `crm_tasks_open_by_assignee` index and groups them with `MyTasks`.
public struct CRMTasks: Sendable {
    let database: AppDatabase

    static let table = "crm_tasks"
    static let entity = "task"

    public func add(_ scope: Scope, _ task: CRMTask) throws -> CRMTaskRecord {
        try database.write(as: scope, .create, in: .crm) { access in
            try CRMStore.check(task.validate())
            try CRMStore.requireLink(access, "contacts", id: task.contactID?.rawValue, field: "contact")
            try CRMStore.requireLink(access, "companies", id: task.companyID?.rawValue, field: "company")
            try CRMStore.requireLink(access, "deals", id: task.dealID?.rawValue, field: "deal")
            try CRMStore.requireMember(access, task.assigneeID.rawValue, field: "assignee")
            let inserted = try access.table(Self.table).insert(access.db, by: access.scope.actor, at: access.now, values: [
                "title": task.title.trimmingCharacters(in: .whitespaces), "description": task.description,
                "priority": task.priority.rawValue, "status": task.status.rawValue, "due_date": task.dueDate?.description,
                "completed_at": task.completedAt, "reminder_at": task.reminderAt,
                "contact_id": task.contactID?.rawValue, "company_id": task.companyID?.rawValue, "deal_id": task.dealID?.rawValue,
                "assignee_id": task.assigneeID.rawValue, "tags": CRMStore.json(Tags.normalize(task.tags)),
                "custom_fields": CRMStore.json(task.customFields),
            ])
            try access.audit(Self.entity, id: inserted.id, uid: inserted.uid, .create, "task \"\(task.title)\" added",
                             after: try CRMStore.snapshot(access, Self.table, id: inserted.id))
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.task.created",
                                    payload: CRMStore.payload(id: inserted.id, uid: inserted.uid,
                                                              ["assignee_id": .int(task.assigneeID.rawValue)]))
            return try Self.require(access, inserted.id)
        }
    }

    /// Marks an open task completed now.
    public func complete(_ scope: Scope, id: Int64, expectedVersion: Int64) throws -> CRMTaskRecord {
        try database.write(as: scope, .edit, in: .crm) { access in
            let before = try Self.require(access, id)
            guard before.task.status.isOpen else {
                throw CoreError.rule("task \"\(before.task.title)\" is already \(before.task.status.rawValue)")
            }
            let done = before.task.completed(at: access.now)
            try VersionedUpdate.run(access.db, table: Self.table, id: id, expectedVersion: expectedVersion, scope: access.scope,
                                    assignments: ["status": done.status.rawValue, "completed_at": done.completedAt],
                                    entity: Self.entity, at: access.now)
            try access.audit(Self.entity, id: id, uid: before.stamp.uid, .update, "task \"\(done.title)\" completed",
                             before: ["status": before.task.status.rawValue], after: ["status": done.status.rawValue])
            try EventOutbox.publish(access.db, scope: access.scope, type: "crm.task.completed",
                                    payload: CRMStore.payload(id: id, uid: before.stamp.uid))
            return try Self.require(access, id)
        }
    }

    public func delete(_ scope: Scope, id: Int64, expectedVersion: Int64) throws {
        try database.write(as: scope, .delete, in: .crm) { access in
            let record = try Self.require(access, id)
            try SoftDelete.delete(access, table: Self.table, id: id, expectedVersion: expectedVersion,
                                  entity: Self.entity, summary: "task \"\(record.task.title)\" deleted")
        }
    }

    public func get(_ scope: Scope, id: Int64) throws -> CRMTaskRecord {
        try database.read(as: scope, in: .crm) { access in try Self.require(access, id) }
    }

    /// The scope user's open tasks: overdue, today, upcoming (within `upcomingDays` when
    /// given) and undated, "today" in the organization's time zone.
    public func myTasks(_ scope: Scope, upcomingDays: Int? = nil) throws -> MyTasks {
        let records = try open(scope, assignee: UserID(scope.userId))
        let today = ZonedTime.date(at: database.now(), in: scope.zone)
        return MyTasks(tasks: records.map(\.task), assignee: UserID(scope.userId), today: today, upcomingDays: upcomingDays)
    }

    /// A user's open tasks by due date (undated last), as records with their versions.
    public func open(_ scope: Scope, assignee: UserID, limit: Int = 1000) throws -> [CRMTaskRecord] {
        try database.read(as: scope, in: .crm) { access in
            try access.table(Self.table).rows(access.db, where: """
                crm_tasks.assignee_id = \(assignee.rawValue) AND crm_tasks.status IN ('todo', 'in_progress')
                """, orderBy: "crm_tasks.due_date IS NULL, crm_tasks.due_date, crm_tasks.id", limit: max(1, min(limit, 5000)))
                .map(CRMTaskRecord.init(row:))
        }
    }

    static func require(_ access: ScopedDatabase, _ id: Int64) throws -> CRMTaskRecord {
        CRMTaskRecord(row: try access.table(table, entity: entity).requireRow(access.db, id: id))
    }
}

extension AppDatabase {
    public var crmTasks: CRMTasks { CRMTasks(database: self) }
}
