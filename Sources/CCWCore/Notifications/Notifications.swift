import CCWDomain
import Foundation
import GRDB

public enum NoticeSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    case info, success, warning, error
}

/// A message for one user's toasts and badges.
public struct AppNotification: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: String
    public var severity: NoticeSeverity
    public var title: String
    public var body: String
    public var createdAt: Int64
    public var readAt: Int64?

    init(row: Row) {
        id = row["id"]
        kind = row["kind"]
        severity = NoticeSeverity(rawValue: row["severity"]) ?? .info
        title = row["title"]
        body = row["body"]
        createdAt = row["created_at"]
        readAt = row["read_at"]
    }
}

/// In-app notifications. Background jobs and use cases post them in their transaction; each
/// open TUI polls `unread(_:since:)` with the last id it has seen and shows new ones as toasts,
/// so users of other processes see them too.
public struct Notifications: Sendable {
    let database: AppDatabase

    /// Posts to one user, or (userId nil) to every active member of the organization — one
    /// row per recipient, so each reads them independently. Returns how many rows were written.
    @discardableResult
    public static func post(_ db: Database, orgId: Int64, userId: Int64? = nil, kind: String,
                            severity: NoticeSeverity = .info, title: String, body: String = "") throws -> Int {
        let now = try db.ccwNow()
        let recipients: [Int64]
        if let userId {
            recipients = [userId]
        } else {
            recipients = try Int64.fetchAll(db, sql: """
                SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.org_id = ? AND m.deleted_at IS NULL AND u.active = 1 ORDER BY m.user_id
                """, arguments: [orgId])
        }
        for recipient in recipients {
            try db.execute(sql: """
                INSERT INTO notifications (org_id, user_id, kind, severity, title, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [orgId, recipient, kind, severity.rawValue, title, body, now])
        }
        return recipients.count
    }

    /// The scope user's unread notifications with an id greater than `since`, oldest first.
    public func unread(_ scope: Scope, since lastSeenId: Int64 = 0, limit: Int = 50) throws -> [AppNotification] {
        try database.read(as: scope, in: .home) { access in
            try access.table("notifications").rowsWithoutSoftDelete(
                access.db, where: "notifications.user_id = \(scope.userId) AND notifications.read_at IS NULL AND notifications.id > \(lastSeenId)",
                orderBy: "id", limit: limit
            ).map(AppNotification.init(row:))
        }
    }

    /// The badge number.
    public func unreadCount(_ scope: Scope) throws -> Int {
        try database.read(as: scope, in: .home) { access in
            try Int.fetchOne(access.db, sql: """
                SELECT COUNT(*) FROM notifications WHERE org_id = ? AND user_id = ? AND read_at IS NULL
                """, arguments: [scope.orgId, scope.userId]) ?? 0
        }
    }

    /// The user's recent notifications, read or not, newest first.
    public func recent(_ scope: Scope, limit: Int = 50) throws -> [AppNotification] {
        try database.read(as: scope, in: .home) { access in
            try access.table("notifications").rowsWithoutSoftDelete(
                access.db, where: "notifications.user_id = \(scope.userId)", orderBy: "id DESC", limit: limit
            ).map(AppNotification.init(row:))
        }
    }

    /// Marks some (or, with nil, all) of the user's notifications read; returns how many changed.
    @discardableResult
    public func markRead(_ scope: Scope, ids: [Int64]? = nil) throws -> Int {
        try database.write(as: scope, .view, in: .home) { access in
            var sql = "UPDATE notifications SET read_at = ? WHERE org_id = ? AND user_id = ? AND read_at IS NULL"
            var arguments: StatementArguments = [access.now, scope.orgId, scope.userId]
            if let ids {
                guard !ids.isEmpty else { return 0 }
                sql += " AND id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ", ")))"
                arguments += StatementArguments(ids)
            }
            try access.db.execute(sql: sql, arguments: arguments)
            return access.db.changesCount
        }
    }
}

extension AppDatabase {
    public var notifications: Notifications { Notifications(database: self) }
}
