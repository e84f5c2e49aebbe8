import CCWDomain
import GRDB

/// Optimistic locking: a row is updated only if nobody changed it since the caller read it.
///
/// The statement is `UPDATE t SET …, version = version + 1, updated_at = ?, updated_by = ?
/// WHERE id = ? AND org_id = ? AND version = ? AND deleted_at IS NULL`. When it changes no
/// row, the row is looked up again: gone or soft-deleted → `CoreError.notFound`; otherwise
/// `CoreError.conflict` with who changed it and when (the TUI offers reload / keep mine /
/// cancel; "keep mine" calls again with `ConflictInfo.currentVersion`).
public enum VersionedUpdate {
    /// Which rows a scope may update in a table.
    public enum Tenancy: Sendable {
        /// Business tables: `org_id = scope.orgId AND deleted_at IS NULL`.
        case orgRows
        /// Deleted business rows (for restore): `org_id = scope.orgId AND deleted_at IS NOT NULL`.
        case deletedOrgRows
        /// The `organizations` table: only the scope's own organization.
        case ownOrganization
        /// The global `users` table: only users who are members of the scope's organization.
        case orgMembers
    }

    /// Updates one row and returns its new version.
    @discardableResult
    public static func run(_ db: Database, table: String, id: Int64, expectedVersion: Int64, scope: Scope,
                           assignments: [String: (any DatabaseValueConvertible)?], entity: String? = nil,
                           tenancy: Tenancy = .orgRows, at now: Int64? = nil) throws -> Int64 {
        let now = try now ?? db.ccwNow()
        let pairs = assignments.sorted { $0.key < $1.key }
        var setClause = pairs.map { "\($0.key) = ?" }
        setClause += ["version = version + 1", "updated_at = ?", "updated_by = ?"]
        var arguments = StatementArguments(pairs.map { $0.value?.databaseValue ?? .null })
        arguments += [now, scope.userId, id, expectedVersion]
        let tenant = condition(tenancy, table: table, scope: scope)
        try db.execute(sql: "UPDATE \(table) SET \(setClause.joined(separator: ", ")) WHERE id = ? AND version = ? AND \(tenant.sql)",
                       arguments: arguments + tenant.arguments)
        if db.changesCount == 1 { return expectedVersion + 1 }
        throw try failure(db, table: table, id: id, expectedVersion: expectedVersion, scope: scope,
                          entity: entity ?? table, tenancy: tenancy)
    }

    /// The version of a row the scope may see, or `notFound`.
    public static func currentVersion(_ db: Database, table: String, id: Int64, scope: Scope,
                                      entity: String? = nil, tenancy: Tenancy = .orgRows) throws -> Int64 {
        let tenant = condition(tenancy, table: table, scope: scope)
        guard let version = try Int64.fetchOne(db, sql: "SELECT version FROM \(table) WHERE id = ? AND \(tenant.sql)",
                                               arguments: [id] + tenant.arguments) else {
            throw CoreError.notFound(entity: entity ?? table, key: "#\(id)")
        }
        return version
    }

    private static func failure(_ db: Database, table: String, id: Int64, expectedVersion: Int64, scope: Scope,
                                entity: String, tenancy: Tenancy) throws -> CoreError {
        let tenant = condition(tenancy, table: table, scope: scope)
        let row = try Row.fetchOne(db, sql: """
            SELECT t.version, t.updated_at, u.login FROM \(table) t LEFT JOIN users u ON u.id = t.updated_by
            WHERE t.id = ? AND \(tenant.sql.replacingTable(table, with: "t"))
            """, arguments: [id] + tenant.arguments)
        guard let row else { return .notFound(entity: entity, key: "#\(id)") }
        return .conflict(ConflictInfo(entity: entity, id: id, changedBy: row["login"], changedAt: row["updated_at"],
                                      currentVersion: row["version"], expectedVersion: expectedVersion))
    }

    static func condition(_ tenancy: Tenancy, table: String, scope: Scope) -> (sql: String, arguments: StatementArguments) {
        switch tenancy {
        case .orgRows:
            return ("\(table).org_id = ? AND \(table).deleted_at IS NULL", [scope.orgId])
        case .deletedOrgRows:
            return ("\(table).org_id = ? AND \(table).deleted_at IS NOT NULL", [scope.orgId])
        case .ownOrganization:
            return ("\(table).id = ?", [scope.orgId])
        case .orgMembers:
            return ("EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = \(table).id AND m.org_id = ?)", [scope.orgId])
        }
    }
}

private extension String {
    func replacingTable(_ table: String, with alias: String) -> String {
        split(separator: "\(table).", omittingEmptySubsequences: false).joined(separator: "\(alias).")
    }
}

/// Soft delete and restore of business rows, each audited in the same transaction.
public enum SoftDelete {
    /// Marks a row deleted (`deleted_at = now`, version + 1) after checking its version; the
    /// audit row keeps the row as it was.
    @discardableResult
    public static func delete(_ access: ScopedDatabase, table: String, id: Int64, expectedVersion: Int64,
                              entity: String? = nil, summary: String) throws -> Int64 {
        let scoped = access.table(table, entity: entity)
        let before = try scoped.requireRow(access.db, id: id)
        let version = try VersionedUpdate.run(access.db, table: table, id: id, expectedVersion: expectedVersion,
                                              scope: access.scope, assignments: ["deleted_at": access.now],
                                              entity: scoped.entity, at: access.now)
        try access.audit(scoped.entity, id: id, uid: before["uid"], .delete, summary, before: CanonicalJSON.object(before))
        return version
    }

    /// Brings a soft-deleted row back (`deleted_at = NULL`, version + 1), audited.
    @discardableResult
    public static func restore(_ access: ScopedDatabase, table: String, id: Int64, expectedVersion: Int64,
                               entity: String? = nil, summary: String) throws -> Int64 {
        let scoped = access.table(table, entity: entity)
        let version = try VersionedUpdate.run(access.db, table: table, id: id, expectedVersion: expectedVersion,
                                              scope: access.scope, assignments: ["deleted_at": nil],
                                              entity: scoped.entity, tenancy: .deletedOrgRows, at: access.now)
        let after = try scoped.requireRow(access.db, id: id)
        try access.audit(scoped.entity, id: id, uid: after["uid"], .restore, summary, after: CanonicalJSON.object(after))
        return version
    }
}
