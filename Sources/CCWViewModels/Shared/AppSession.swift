import CCWCore
import CCWDomain
import Foundation

/// The logged-in user's session: the database, the scope every use case runs in, and the clock.
/// View models take it; screens read its plain facts (who, where, which role).
public final class AppSession: Sendable {
    public let database: AppDatabase
    public let scope: Scope
    public let clock: any Clock

    public init(database: AppDatabase, scope: Scope, clock: any Clock) {
        self.database = database
        self.scope = scope
        self.clock = clock
    }

    public var orgName: String { scope.orgName }
    public var login: String { scope.login }
    public var displayName: String { scope.displayName }
    public var role: Role { scope.role }
    public var baseCurrency: CurrencyCode { scope.baseCurrency }

    public func can(_ action: Action, in module: Module) -> Bool { scope.can(action, in: module) }

    /// Today in the organization's time zone.
    public var today: CalendarDate { ZonedTime.date(at: clock.now(), in: scope.zone) }

    /// "2026-11-25 14:03" in the organization's time zone, for timestamps on screen.
    public func timestampText(_ instant: Int64) -> String { ZonedTime.format(instant, in: scope.zone) }
}

/// A user-facing sentence for any error a use case throws (core errors carry their own wording).
public func describe(_ error: any Error) -> String {
    if let e = error as? CoreError { return e.description }
    return String(describing: error)
}
