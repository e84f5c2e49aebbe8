import CCWDomain
import Foundation

/// Who is working, in which organization, with which role: the result of a login, and the
/// first argument of every business use case. Reads and writes made through a scope only ever
/// touch rows of `orgId` (see `ScopedTable`).
public struct Scope: Sendable, Hashable {
    public var orgId: Int64
    public var orgUID: String
    public var orgName: String
    public var userId: Int64
    public var login: String
    public var displayName: String
    public var role: Role
    public var baseCurrency: CurrencyCode
    /// IANA identifier of the organization's time zone.
    public var timeZone: String

    public init(orgId: Int64, orgUID: String, orgName: String, userId: Int64, login: String, displayName: String,
                role: Role, baseCurrency: CurrencyCode, timeZone: String) {
        self.orgId = orgId
        self.orgUID = orgUID
        self.orgName = orgName
        self.userId = userId
        self.login = login
        self.displayName = displayName
        self.role = role
        self.baseCurrency = baseCurrency
        self.timeZone = timeZone
    }

    public var permissions: PermissionMatrix { .standard }

    /// Whether the role allows an action (the TUI hides or disables what this returns false for).
    public func can(_ action: Action, in module: Module) -> Bool {
        permissions.allows(role, action, in: module)
    }

    /// Refuses with `CoreError.notPermitted` when the role does not allow the action.
    public func require(_ action: Action, in module: Module) throws {
        guard can(action, in: module) else {
            throw CoreError.notPermitted(PermissionDenied(role: role, action: action, module: module))
        }
    }

    /// The organization's time zone (UTC if the stored identifier is no longer known).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")! }

    /// The same scope with another role (the role is re-read inside each write transaction).
    func with(role: Role) -> Scope {
        var copy = self
        copy.role = role
        return copy
    }

    /// The audit author for this scope.
    public var actor: AuditActor { AuditActor(orgId: orgId, userId: userId, login: login) }
}

/// Who an audit row is written for: a user, or a background job (`userId` nil, login such as
/// `job:overdue-reminders`).
public struct AuditActor: Sendable, Hashable {
    public var orgId: Int64
    public var userId: Int64?
    public var login: String

    public init(orgId: Int64, userId: Int64?, login: String) {
        self.orgId = orgId
        self.userId = userId
        self.login = login
    }

    public static func job(_ name: String, orgId: Int64) -> AuditActor {
        AuditActor(orgId: orgId, userId: nil, login: "job:\(name)")
    }
}
