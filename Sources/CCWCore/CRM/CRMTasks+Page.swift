import CCWDomain
import GRDB

/// The task list of `ccw tasks list`: one assignee's tasks or everyone's, open ones unless
/// asked for all, by due date (undated last), keyset paged by (due date, id).
extension CRMTasks {
    /// One page of tasks after `cursor`. `assignee` nil lists every member's tasks.
    public func page(_ scope: Scope, assignee: UserID?, includeClosed: Bool = false, after cursor: CRMTaskCursor? = nil,
                     limit: Int = 100) throws -> [CRMTaskRecord] {
        try database.read(as: scope, in: .crm) { access in
            var condition = SQL(sql: "1 = 1")
            if let assignee { condition += SQL(sql: " AND crm_tasks.assignee_id = ?", arguments: [assignee.rawValue]) }
            if !includeClosed { condition += " AND crm_tasks.status IN ('todo', 'in_progress')" }
            if let cursor {
                // Undated tasks sort last (`CRMTaskCursor.undated` stands in for a missing date).
                condition += SQL(sql: " AND (\(Self.dueKey), crm_tasks.id) > (?, ?)", arguments: [cursor.dueKey, cursor.id])
            }
            return try access.table(Self.table).rows(access.db, where: condition,
                                                     orderBy: "\(Self.dueKey), crm_tasks.id",
                                                     limit: max(1, min(limit, 1000)))
                .map(CRMTaskRecord.init(row:))
        }
    }

    /// The user id of an active member of the organization, for assigning a task by login.
    public func member(_ scope: Scope, login: String) throws -> UserID {
        try database.read(as: scope, in: .crm) { access in
            guard let id = try Int64.fetchOne(access.db, sql: """
                SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id
                WHERE m.org_id = ? AND m.deleted_at IS NULL AND u.active = 1 AND u.login = ?
                """, arguments: [access.scope.orgId, login]) else {
                throw CoreError.invalid("assignee", "\"\(login)\" is not an active member of \(access.scope.orgName)")
            }
            return UserID(id)
        }
    }

    /// Logins of the given users (members or not), for showing assignees.
    public func logins(_ scope: Scope, ids: some Collection<UserID>) throws -> [UserID: String] {
        let unique = Array(Set(ids.map(\.rawValue))).sorted()
        guard !unique.isEmpty else { return [:] }
        return try database.read(as: scope, in: .crm) { access in
            let marks = Array(repeating: "?", count: unique.count).joined(separator: ", ")
            let rows = try Row.fetchAll(access.db, sql: """
                SELECT u.id, u.login FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = ?
                WHERE u.id IN (\(marks))
                """, arguments: StatementArguments([access.scope.orgId] + unique))
            return Dictionary(uniqueKeysWithValues: rows.map { (UserID($0["id"] as Int64), $0["login"] as String) })
        }
    }
}
