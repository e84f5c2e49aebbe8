import Foundation
import CCWDomain
import GRDB

extension AppDatabase {
    /// Starts a session for a login (the `--login` name or the OS user).
    ///
    /// - Unknown login → `CoreError.unknownLogin` with the command an admin should run.
    /// - Deactivated user → `CoreError.inactiveUser`.
    /// - `org` (a name, case-insensitive, or a uid) picks the organization; without it the
    ///   first of the user's organizations by name is used.
    /// - No membership (or none in `org`) → `CoreError.noMembership`.
    public func login(_ login: String, org: String? = nil) throws -> Scope {
        let name = login.trimmingCharacters(in: .whitespaces)
        return try read { db in
            guard let user = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ? COLLATE NOCASE", arguments: [name]) else {
                let orgs = try String.fetchAll(db, sql: "SELECT name FROM organizations ORDER BY name LIMIT 2")
                throw CoreError.unknownLogin(name, org: org ?? (orgs.count == 1 ? orgs[0] : nil))
            }
            let storedLogin: String = user["login"]
            guard user["active"] as Bool else { throw CoreError.inactiveUser(storedLogin) }
            var sql = """
                SELECT o.*, m.role FROM memberships m JOIN organizations o ON o.id = m.org_id
                WHERE m.user_id = ? AND m.deleted_at IS NULL
                """
            var arguments: StatementArguments = [user["id"] as Int64]
            if let org = org?.nonBlank {
                sql += " AND (o.name = ? COLLATE NOCASE OR o.uid = ?)"
                arguments += [org, org]
            }
            guard let row = try Row.fetchOne(db, sql: sql + " ORDER BY o.name COLLATE NOCASE LIMIT 1", arguments: arguments) else {
                throw CoreError.noMembership(login: storedLogin, org: org?.nonBlank)
            }
            return try Self.scope(orgRow: row, userRow: user, role: row["role"])
        }
    }

    /// The organizations a scope's user may switch to, by name, with the role in each.
    public func organizations(of scope: Scope) throws -> [(organization: Organization, role: Role)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.*, m.role FROM memberships m JOIN organizations o ON o.id = m.org_id
                WHERE m.user_id = ? AND m.deleted_at IS NULL ORDER BY o.name COLLATE NOCASE
                """, arguments: [scope.userId]).map { row in
                (try Organization(row: row), Role(rawValue: row["role"]) ?? .readOnly)
            }
        }
    }

    /// The scope again with current names, role, currency and time zone (after settings changed).
    public func refresh(_ scope: Scope) throws -> Scope {
        try login(scope.login, org: scope.orgUID)
    }

    static func scope(orgRow: Row, userRow: Row, role: String) throws -> Scope {
        guard let role = Role(rawValue: role) else { throw CoreError.storage("unknown role \(role)") }
        return Scope(orgId: orgRow["id"], orgUID: orgRow["uid"], orgName: orgRow["name"], userId: userRow["id"],
                     login: userRow["login"], displayName: userRow["display_name"], role: role,
                     baseCurrency: try CurrencyCode(orgRow["base_currency"] as String), timeZone: orgRow["time_zone"])
    }
}
