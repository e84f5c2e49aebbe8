import CCWDomain
import GRDB

/// The tenant choke point for use cases: every business read and write runs through
/// `AppDatabase.read(as:in:)` / `write(as:_:in:)` and reaches tables only through
/// `ScopedDatabase.table(_:)` (a `ScopedTable`, which adds `org_id = ?` to every statement) or
/// `Scope.all(_:)` for GRDB record requests.
///
/// A write transaction re-reads the user's membership first: a role changed or a user
/// deactivated by an admin takes effect on the next write of an open session, not at its
/// next login.
public struct ScopedDatabase {
    public let db: Database
    public let scope: Scope
    /// The clock's time when the transaction began; use it for every timestamp it writes.
    public let now: Int64

    /// The rows of `name` that belong to this scope's organization.
    public func table(_ name: String, entity: String? = nil) -> ScopedTable {
        ScopedTable(name, orgId: scope.orgId, entity: entity)
    }

    /// Appends an audit row for this scope in the current transaction.
    @discardableResult
    public func audit(_ entity: String, id: Int64?, uid: String?, _ action: AuditAction, _ summary: String,
                      before: (any Encodable)? = nil, after: (any Encodable)? = nil) throws -> Int64 {
        try AuditLog.record(db, actor: scope.actor, at: now, entity: entity, entityId: id, entityUID: uid,
                            action: action, summary: summary, before: before, after: after)
    }
}

extension AppDatabase {
    /// Checks `action` on `module` against the user's current role, then runs `body` in one
    /// IMMEDIATE write transaction. Any error rolls everything back and becomes a `CoreError`.
    public func write<T>(as scope: Scope, _ action: Action, in module: Module,
                         _ body: (ScopedDatabase) throws -> T) throws -> T {
        try scope.require(action, in: module)
        return try write { db in
            let current = try Self.currentScope(db, scope)
            try current.require(action, in: module)
            return try body(ScopedDatabase(db: db, scope: current, now: try db.ccwNow()))
        }
    }

    /// Checks that the role may view `module`, then runs `body` in a read snapshot.
    public func read<T>(as scope: Scope, in module: Module, _ body: (ScopedDatabase) throws -> T) throws -> T {
        try scope.require(.view, in: module)
        return try read { db in try body(ScopedDatabase(db: db, scope: scope, now: clock.now())) }
    }

    /// The scope with the role stored now; refuses removed memberships and deactivated users.
    static func currentScope(_ db: Database, _ scope: Scope) throws -> Scope {
        let row = try Row.fetchOne(db, sql: """
            SELECT m.role, u.active FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.org_id = ? AND m.user_id = ? AND m.deleted_at IS NULL
            """, arguments: [scope.orgId, scope.userId])
        guard let row else { throw CoreError.noMembership(login: scope.login, org: scope.orgName) }
        guard row["active"] as Bool else { throw CoreError.inactiveUser(scope.login) }
        guard let role = Role(rawValue: row["role"]) else { throw CoreError.storage("unknown role \(row["role"] as String)") }
        return scope.with(role: role)
    }
}

/// Records of tables that carry `org_id` and `deleted_at`, for GRDB query-interface requests.
public protocol OrgScopedRecord: TableRecord {}

extension Scope {
    /// `R`'s rows in this organization (live rows unless `includingDeleted`).
    public func all<R: OrgScopedRecord>(_ type: R.Type, includingDeleted: Bool = false) -> QueryInterfaceRequest<R> {
        let request = R.filter(Column("org_id") == orgId)
        return includingDeleted ? request : request.filter(Column("deleted_at") == nil)
    }
}
