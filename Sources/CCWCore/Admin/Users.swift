import CCWDomain
import Foundation
import GRDB

/// Managing the users of the scope's organization (Admin → Users, `ccw user …`). Users are
/// global (one login across organizations); membership and role are per organization.
/// Every change needs the matching Admin permission, is audited in the scope's organization,
/// and edits check versions.
public struct Users: Sendable {
    let database: AppDatabase

    /// Adds a login to the scope's organization with a role, creating the user if the login is
    /// new. A login already in the organization is refused as a duplicate; a removed member is
    /// brought back with the new role.
    public func add(_ scope: Scope, login: String, displayName: String, email: String? = nil, role: Role) throws -> OrgUser {
        try database.write(as: scope, .create, in: .admin) { access in
            var errors = ValidationErrors()
            let cleanLogin = errors.check("login") { try AdminValidation.login(login) }
            let name = errors.check("name") { try AdminValidation.displayName(displayName) }
            let mail = errors.check("email") { try AdminValidation.email(email) }
            try errors.throwIfAny()
            let found = try Self.findOrCreate(access.db, login: cleanLogin!, displayName: name!, email: mail ?? nil,
                                              by: scope.userId, at: access.now)
            if found.created {
                try access.audit("user", id: found.row["id"], uid: found.row["uid"], .create, "created user \(cleanLogin!)",
                                 after: CanonicalJSON.object(found.row))
            }
            return try Memberships.join(access, userRow: found.row, role: role)
        }
    }

    /// The organization's members with their roles, by login.
    public func list(_ scope: Scope, includeInactive: Bool = true) throws -> [OrgUser] {
        try database.read(as: scope, in: .admin) { access in
            try OrgUser.fetch(access, where: includeInactive ? nil : "u.active = 1")
        }
    }

    /// One member by login, or `notFound`.
    public func get(_ scope: Scope, login: String) throws -> OrgUser {
        try database.read(as: scope, in: .admin) { access in try OrgUser.require(access, login: login) }
    }

    /// Changes a member's role. `expectedVersion` is the membership version read by the form
    /// (nil: the current one, for one-shot commands). Demoting the last admin is refused.
    public func setRole(_ scope: Scope, login: String, role: Role, expectedVersion: Int64? = nil) throws -> OrgUser {
        try database.write(as: scope, .edit, in: .admin) { access in
            let member = try OrgUser.require(access, login: login)
            guard member.role != role else { return member }
            if member.role == .admin { try Memberships.requireAnotherAdmin(access, besides: member, doing: "change the role of") }
            try VersionedUpdate.run(access.db, table: "memberships", id: member.membershipId,
                                    expectedVersion: expectedVersion ?? member.membershipVersion, scope: access.scope,
                                    assignments: ["role": role.rawValue], entity: "membership", at: access.now)
            let after = try OrgUser.require(access, login: login)
            try access.audit("membership", id: member.membershipId, uid: member.membershipUID, .update,
                             "\(member.login): role \(member.role.rawValue) → \(role.rawValue)", before: member, after: after)
            return after
        }
    }

    /// Changes a member's name and e-mail (version-checked against the user row).
    public func update(_ scope: Scope, login: String, displayName: String, email: String?, expectedVersion: Int64) throws -> OrgUser {
        try database.write(as: scope, .edit, in: .admin) { access in
            var errors = ValidationErrors()
            let name = errors.check("name") { try AdminValidation.displayName(displayName) }
            let mail = errors.check("email") { try AdminValidation.email(email) }
            try errors.throwIfAny()
            let member = try OrgUser.require(access, login: login)
            try VersionedUpdate.run(access.db, table: "users", id: member.userId, expectedVersion: expectedVersion,
                                    scope: access.scope, assignments: ["display_name": name!, "email": mail ?? nil],
                                    entity: "user", tenancy: .orgMembers, at: access.now)
            let after = try OrgUser.require(access, login: login)
            try access.audit("user", id: member.userId, uid: member.userUID, .update, "updated user \(member.login)",
                             before: member, after: after)
            return after
        }
    }

    /// Blocks a login everywhere (the user keeps their memberships and history). Refused for
    /// yourself and for the last active admin of any organization.
    public func deactivate(_ scope: Scope, login: String, expectedVersion: Int64? = nil) throws -> OrgUser {
        try setActive(scope, login: login, active: false, expectedVersion: expectedVersion)
    }

    public func activate(_ scope: Scope, login: String, expectedVersion: Int64? = nil) throws -> OrgUser {
        try setActive(scope, login: login, active: true, expectedVersion: expectedVersion)
    }

    private func setActive(_ scope: Scope, login: String, active: Bool, expectedVersion: Int64?) throws -> OrgUser {
        try database.write(as: scope, .edit, in: .admin) { access in
            let member = try OrgUser.require(access, login: login)
            guard member.active != active else { return member }
            if !active {
                guard member.userId != scope.userId else { throw CoreError.rule("you cannot deactivate yourself") }
                if let org = try Self.orgLosingLastAdmin(access.db, userId: member.userId) {
                    throw CoreError.rule("\(member.login) is the last active admin of \(org): make someone else admin there first")
                }
            }
            try VersionedUpdate.run(access.db, table: "users", id: member.userId,
                                    expectedVersion: expectedVersion ?? member.userVersion, scope: access.scope,
                                    assignments: ["active": active], entity: "user", tenancy: .orgMembers, at: access.now)
            let after = try OrgUser.require(access, login: login)
            try access.audit("user", id: member.userId, uid: member.userUID, active ? .activate : .deactivate,
                             "\(active ? "activated" : "deactivated") user \(member.login)", before: member, after: after)
            return after
        }
    }

    /// The name of an organization where this user is the only active admin, if any.
    static func orgLosingLastAdmin(_ db: Database, userId: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = ? AND m.role = 'admin' AND m.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM memberships other JOIN users ou ON ou.id = other.user_id
                              WHERE other.org_id = m.org_id AND other.user_id <> m.user_id AND other.role = 'admin'
                                AND other.deleted_at IS NULL AND ou.active = 1)
            ORDER BY o.name LIMIT 1
            """, arguments: [userId])
    }

    /// The user row for a login, inserting it when the login is new.
    static func findOrCreate(_ db: Database, login: String, displayName: String, email: String?, by author: Int64?,
                             at now: Int64) throws -> (row: Row, created: Bool) {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE login = ? COLLATE NOCASE", arguments: [login]) {
            return (row, false)
        }
        try db.execute(sql: """
            INSERT INTO users (uid, login, display_name, email, active, created_at, updated_at, created_by, updated_by, version)
            VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, 1)
            """, arguments: [UID.make(at: now), login, displayName, email, now, now, author, author])
        return (try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [db.lastInsertedRowID])!, true)
    }
}

extension AppDatabase {
    public var users: Users { Users(database: self) }
}
