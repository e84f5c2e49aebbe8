import CCWDomain
import GRDB

/// A task as the task screens show it: the record with the names it links to.
public struct CRMTaskRow: Sendable, Hashable, Identifiable {
    public var record: CRMTaskRecord
    public var contactName: String?
    public var companyName: String?
    public var dealName: String?
    public var assigneeLogin: String
    /// When the reminder was sent (nil: not yet, or no reminder).
    public var remindedAt: Int64?

    public var id: Int64 { record.id }
    public var task: CRMTask { record.task }
    /// The position in the "all open tasks" list (due date, undated last, then id).
    public var cursor: CRMTaskCursor { CRMTaskCursor(dueKey: task.dueDate?.description ?? CRMTaskCursor.undated, id: id) }

    /// The contact, company or deal names, "Jürgen Müller · Müller & Söhne GmbH".
    public var linkText: String { [contactName, companyName, dealName].compactMap { $0 }.joined(separator: " · ") }
}

/// A position in the list of open tasks by due date.
public struct CRMTaskCursor: Sendable, Hashable {
    /// Sorts after every real date.
    public static let undated = "9999-12-31"
    public var dueKey: String
    public var id: Int64

    public init(dueKey: String, id: Int64) {
        self.dueKey = dueKey
        self.id = id
    }

    public init(dueDate: CalendarDate?, id: Int64) {
        self.init(dueKey: dueDate?.description ?? Self.undated, id: id)
    }
}

/// A member who can be given a task.
public struct TaskAssignee: Sendable, Hashable {
    public var id: UserID
    public var login: String
    public var displayName: String
}

/// The lists of the task screens. Every query is bounded (a limit, keyset pages) and runs on
/// an index: `crm_tasks_open_by_assignee` for one user's open tasks, `crm_tasks_open_by_due`
/// for all open tasks of the organization.
extension CRMTasks {
    static let dueKey = "IFNULL(crm_tasks.due_date, '\(CRMTaskCursor.undated)')"

    /// A user's open tasks with their link names (at most `limit`), by due date, undated last.
    public func openRows(_ scope: Scope, assignee: UserID, limit: Int = 1000) throws -> [CRMTaskRow] {
        try database.read(as: scope, in: .crm) { access in
            try Self.fetchRows(access, where: SQL(sql: "crm_tasks.assignee_id = ?", arguments: [assignee.rawValue]),
                               orderBy: "\(Self.dueKey), crm_tasks.id", limit: limit)
        }
    }

    /// One page of the organization's open tasks by due date (undated last): after `cursor`,
    /// or (with `before`) the page ending just before it; without a cursor, the first page
    /// (or, `before`, the last).
    public func openPage(_ scope: Scope, after cursor: CRMTaskCursor?, limit: Int = 50) throws -> [CRMTaskRow] {
        try database.read(as: scope, in: .crm) { access in
            var condition: SQL = "1"
            if let cursor { condition = SQL(sql: "(\(Self.dueKey), crm_tasks.id) > (?, ?)", arguments: [cursor.dueKey, cursor.id]) }
            return try Self.fetchRows(access, where: condition, orderBy: "\(Self.dueKey), crm_tasks.id", limit: limit)
        }
    }

    public func openPage(_ scope: Scope, before cursor: CRMTaskCursor?, limit: Int = 50) throws -> [CRMTaskRow] {
        try database.read(as: scope, in: .crm) { access in
            var condition: SQL = "1"
            if let cursor { condition = SQL(sql: "(\(Self.dueKey), crm_tasks.id) < (?, ?)", arguments: [cursor.dueKey, cursor.id]) }
            return try Self.fetchRows(access, where: condition, orderBy: "\(Self.dueKey) DESC, crm_tasks.id DESC", limit: limit)
                .reversed()
        }
    }

    /// How many open tasks the organization has.
    public func countOpen(_ scope: Scope) throws -> Int {
        try database.read(as: scope, in: .crm) { access in
            try Int.fetchOne(access.db, sql: """
                SELECT COUNT(*) FROM crm_tasks WHERE org_id = ? AND deleted_at IS NULL AND status IN ('todo', 'in_progress')
                """, arguments: [scope.orgId]) ?? 0
        }
    }

    /// One task with its link names (open or not).
    public func row(_ scope: Scope, id: Int64) throws -> CRMTaskRow {
        try database.read(as: scope, in: .crm) { access in
            guard let row = try Self.fetchRows(access, where: SQL(sql: "crm_tasks.id = ?", arguments: [id]), orderBy: "crm_tasks.id",
                                               limit: 1, openOnly: false).first else {
                throw CoreError.notFound(entity: Self.entity, key: "#\(id)")
            }
            return row
        }
    }

    /// The active members of the organization, by login: who a task can be assigned to.
    /// Needs only CRM `view` (the Admin user list needs more).
    public func assignees(_ scope: Scope) throws -> [TaskAssignee] {
        try database.read(as: scope, in: .crm) { access in
            try Row.fetchAll(access.db, sql: """
                SELECT u.id, u.login, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.org_id = ? AND m.deleted_at IS NULL AND u.active = 1 ORDER BY u.login LIMIT 1000
                """, arguments: [scope.orgId]).map {
                TaskAssignee(id: UserID($0["id"] as Int64), login: $0["login"], displayName: $0["display_name"])
            }
        }
    }

    static func fetchRows(_ access: ScopedDatabase, where condition: SQL, orderBy: String, limit: Int,
                          openOnly: Bool = true) throws -> [CRMTaskRow] {
        var clause: SQL = "crm_tasks.org_id = \(access.scope.orgId) AND crm_tasks.deleted_at IS NULL AND "
        if openOnly { clause += "crm_tasks.status IN ('todo', 'in_progress') AND " }
        clause += condition
        let request: SQL = """
            SELECT crm_tasks.*, TRIM(c.first_name || ' ' || c.last_name) AS link_contact, co.name AS link_company,
                   d.name AS link_deal, u.login AS assignee_login
            FROM crm_tasks
            JOIN users u ON u.id = crm_tasks.assignee_id
            LEFT JOIN contacts c ON c.id = crm_tasks.contact_id
            LEFT JOIN companies co ON co.id = crm_tasks.company_id
            LEFT JOIN deals d ON d.id = crm_tasks.deal_id
            WHERE \(clause) ORDER BY \(sql: orderBy) LIMIT \(max(1, min(limit, 5000)))
            """
        return try Row.fetchAll(access.db, SQLRequest<Row>(literal: request)).map { row in
            CRMTaskRow(record: CRMTaskRecord(row: row), contactName: row["link_contact"], companyName: row["link_company"],
                       dealName: row["link_deal"], assigneeLogin: row["assignee_login"], remindedAt: row["reminded_at"])
        }
    }
}
