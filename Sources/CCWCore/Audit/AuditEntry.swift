import CCWDomain
import GRDB

/// What an audit row records was done. Open-ended: modules add their own
/// (`static let approve: AuditAction = "approve"`).
public struct AuditAction: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public static let create: AuditAction = "create"
    public static let update: AuditAction = "update"
    public static let delete: AuditAction = "delete"
    public static let restore: AuditAction = "restore"
    public static let merge: AuditAction = "merge"
    public static let login: AuditAction = "login"
    public static let activate: AuditAction = "activate"
    public static let deactivate: AuditAction = "deactivate"
}

/// One row of the audit trail as the admin screen and `ccw audit list` show it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var orgId: Int64
    public var at: Int64
    public var userId: Int64?
    public var login: String
    public var entity: String
    public var entityId: Int64?
    public var entityUID: String?
    public var action: AuditAction
    public var summary: String
    public var beforeJSON: String?
    public var afterJSON: String?
    public var hash: String

    /// Where the next page starts (keyset pagination, newest first).
    public var cursor: AuditCursor { AuditCursor(at: at, id: id) }

    init(row: Row) {
        id = row["id"]
        orgId = row["org_id"]
        at = row["at"]
        userId = row["user_id"]
        login = row["login"]
        entity = row["entity"]
        entityId = row["entity_id"]
        entityUID = row["entity_uid"]
        action = AuditAction(rawValue: row["action"])
        summary = row["summary"]
        beforeJSON = row["before_json"]
        afterJSON = row["after_json"]
        hash = row["hash"]
    }
}

/// Position in the newest-first audit list: the (at, id) of the last entry shown.
public struct AuditCursor: Sendable, Hashable, Codable {
    public var at: Int64
    public var id: Int64
    public init(at: Int64, id: Int64) { self.at = at; self.id = id }
}

/// Filters of the audit screen; every field is optional and they combine with AND.
public struct AuditFilter: Sendable, Hashable {
    public var entity: String?
    public var login: String?
    public var action: AuditAction?
    /// First and last calendar day, inclusive, in the organization's time zone.
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Substring search over summary, entity and login (trigram index; LIKE under 3 characters).
    public var text: String?

    public init(entity: String? = nil, login: String? = nil, action: AuditAction? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil, text: String? = nil) {
        self.entity = entity
        self.login = login
        self.action = action
        self.from = from
        self.to = to
        self.text = text
    }
}

/// The result of checking an organization's hash chain.
public enum AuditVerification: Sendable, Hashable, CustomStringConvertible {
    case ok(entries: Int)
    case broken(id: Int64, reason: String)

    public var isOK: Bool { if case .ok = self { true } else { false } }

    public var description: String {
        switch self {
        case let .ok(entries): "audit chain intact (\(entries) entries)"
        case let .broken(id, reason): "audit chain broken at entry \(id): \(reason)"
        }
    }
}
