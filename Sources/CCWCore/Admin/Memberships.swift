import CCWDomain
import GRDB

/// Who belongs to the scope's organization. Adding needs Admin `create`, removing Admin
/// `delete`; an organization always keeps at least one active admin.
public struct Memberships: Sendable {
    let database: AppDatabase

    /// Adds an existing user (by login) to the organization with a role.
    public func add(_ scope: Scope, login: String, role: Role) throws -> OrgUser {
        try database.write(as: scope, .create, in: .admin) { access in
            guard let user = try Row.fetchOne(access.db, sql: "SELECT * FROM users WHERE login = ? COLLATE NOCASE",
                                              arguments: [login.trimmingCharacters(in: .whitespaces)]) else {
                throw CoreError.notFound(entity: "user", key: "\"\(login)\"")
            }
            return try Self.join(access, userRow: user, role: role)
        }
    }

    /// Removes a member (soft delete: their history stays). Refused for the last active admin.
    public func remove(_ scope: Scope, login: String, expectedVersion: Int64? = nil) throws {
        try database.write(as: scope, .delete, in: .admin) { access in
            let member = try OrgUser.require(access, login: login)
            if member.role == .admin { try Self.requireAnotherAdmin(access, besides: member, doing: "remove") }
            try SoftDelete.delete(access, table: "memberships", id: member.membershipId,
                                  expectedVersion: expectedVersion ?? member.membershipVersion, entity: "membership",
                                  summary: "\(member.login) removed from \(scope.orgName)")
        }
    }

    /// Makes a user a member with a role: a new membership, or a removed one restored.
    static func join(_ access: ScopedDatabase, userRow: Row, role: Role) throws -> OrgUser {
        let userId: Int64 = userRow["id"]
        let login: String = userRow["login"]
        let memberships = access.table("memberships", entity: "membership")
        let existing = try memberships.rows(access.db, where: "memberships.user_id = \(userId)", includingDeleted: true).first
        if let existing {
            guard existing["deleted_at"] as Int64? != nil else {
                throw CoreError.duplicate(field: "member", value: login)
            }
            let id: Int64 = existing["id"]
            let version = try SoftDelete.restore(access, table: "memberships", id: id, expectedVersion: existing["version"],
                                                 entity: "membership", summary: "\(login) rejoined \(access.scope.orgName)")
            if existing["role"] as String != role.rawValue {
                try VersionedUpdate.run(access.db, table: "memberships", id: id, expectedVersion: version, scope: access.scope,
                                        assignments: ["role": role.rawValue], entity: "membership", at: access.now)
                try access.audit("membership", id: id, uid: existing["uid"], .update,
                                 "\(login): role \(existing["role"] as String) → \(role.rawValue)")
            }
        } else {
            let inserted = try memberships.insert(access.db, by: access.scope.actor, at: access.now,
                                                  values: ["user_id": userId, "role": role.rawValue])
            try access.audit("membership", id: inserted.id, uid: inserted.uid, .create,
                             "\(login) joined \(access.scope.orgName) as \(role.rawValue)",
                             after: ["login": login, "role": role.rawValue])
        }
        return try OrgUser.require(access, login: login)
    }

    /// Refuses when `member` is the organization's only active admin.
    static func requireAnotherAdmin(_ access: ScopedDatabase, besides member: OrgUser, doing verb: String) throws {
        let others = try OrgUser.fetch(access, where: "memberships.role = 'admin' AND u.active = 1 AND u.id <> \(member.userId)")
        if others.isEmpty {
            throw CoreError.rule("cannot \(verb) \(member.login): they are the last admin of \(access.scope.orgName); "
                + "make someone else admin first")
        }
    }
}

extension AppDatabase {
    public var memberships: Memberships { Memberships(database: self) }
}
