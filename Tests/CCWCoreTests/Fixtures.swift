import CCWDomain
import Foundation
import GRDB
@testable import CCWCore

/// A fresh database file in its own temporary folder.
func makeDatabase(clock: ManualClock = ManualClock()) throws -> AppDatabase {
    try AppDatabase.temporary(clock: clock)
}

/// A database with the demo identity data: two organizations, staff in every role, history.
struct SeededDatabase {
    let database: AppDatabase
    let clock: ManualClock
    let identity: DemoSeed.Identity

    static let admin = "ada"

    init() throws {
        clock = ManualClock()
        database = try makeDatabase(clock: clock)
        identity = try DemoSeed.identity(database: database, adminLogin: Self.admin, adminName: "Ada Admin")
    }

    var northwind: Scope { identity.northwind }
    var harbour: Scope { identity.harbour }

    func scope(_ login: String, org: String = DemoSeed.northwindName) throws -> Scope {
        try database.login(login, org: org)
    }

    func auditCount(_ orgId: Int64) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE org_id = ?", arguments: [orgId])! }
    }
}

/// Runs `body` and returns the `CoreError` it threw (nil if none or another error).
func coreError(_ body: () throws -> Void) -> CoreError? {
    do { try body() } catch let error as CoreError { return error } catch { return nil }
    return nil
}

/// A thread-safe counter for jobs.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
