import CCWCore
import CCWDomain
import CCWViewModels
import Foundation
import TerminalKit
@testable import CCWScreens

/// A demo database on a fixed clock, so every screen draws the same frame on every run.
enum ScreenFixture {
    /// 2026-11-25 09:30 UTC (10:30 in Berlin).
    static let now: Int64 = 1_795_599_000_000

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    /// A driver logged in to Northwind as `login` (default: the demo admin).
    static func driver(login: String = "admin", width: Int = 120, height: Int = 40,
                       glyphs: Glyphs = .unicode) throws -> (ScreenDriver, AppDatabase) {
        let clock = ManualClock(now)
        let db = try AppDatabase.temporary(clock: clock)
        try DemoSeed.identity(database: db, adminLogin: "admin", adminName: "Ada Admin")
        let scope = try db.login(login, org: DemoSeed.northwindName)
        let session = AppSession(database: db, scope: scope, clock: clock)
        let driver = ScreenDriver(environment: AppEnvironment(session: session, background: nil),
                                  options: AppOptions(theme: .defaultDark), width: width, height: height, glyphs: glyphs)
        return (driver, db)
    }

    static let sizes = [(80, 24), (120, 40)]
}
