import CCWCore
import CCWDomain
@testable import CCWViewModels

/// A demo database on a manual clock, logged in as the given demo user.
enum SessionFixture {
    static let now: Int64 = 1_795_599_000_000  // 2026-11-25 09:30 UTC

    static func session(_ login: String = "admin", clock: ManualClock = ManualClock(now)) throws -> AppSession {
        let db = try AppDatabase.temporary(clock: clock)
        try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
        return AppSession(database: db, scope: try db.login(login, org: DemoSeed.northwindName), clock: clock)
    }

    /// A second session on the same database for another user (a second person at work).
    static func other(_ session: AppSession, login: String) throws -> AppSession {
        AppSession(database: session.database, scope: try session.database.login(login, org: DemoSeed.northwindName), clock: session.clock)
    }
}
