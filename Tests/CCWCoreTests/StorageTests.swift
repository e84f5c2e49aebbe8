import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct StorageTests {
    @Test func aFileThatIsNotADatabaseIsReportedAsCorrupt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "this is not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let error = coreError { _ = try AppDatabase.open(path: path) }
        guard case let .corrupt(reported, _) = error else { Issue.record("expected corrupt, got \(String(describing: error))"); return }
        #expect(reported == path)
        #expect(error?.exitCode == 1)
        #expect(error?.description.contains("ccw doctor") == true)
        let report = Doctor.run(path: path)
        #expect(report.status == .fail && report.checks.map(\.name) == ["open"])
    }

    @Test func aDatabaseThatStaysBusyIsReportedAsLocked() throws {
        let seeded = try SeededDatabase()
        let impatient = try AppDatabase.open(path: seeded.database.path, clock: seeded.clock, busyTimeout: 0.2)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let other = try AppDatabase.open(path: seeded.database.path, clock: seeded.clock)
        DispatchQueue.global().async {
            try? other.write { _ in holding.signal(); release.wait() }
            done.signal()
        }
        holding.wait()
        let error = coreError { _ = try impatient.users.add(seeded.northwind, login: "zoe", displayName: "Zoe", role: .sales) }
        release.signal()
        done.wait()
        #expect(error == .locked(path: seeded.database.path))
        #expect(error?.exitCode == 3)
        // nothing was half-written, and it works once the lock is gone
        #expect(try impatient.users.add(seeded.northwind, login: "zoe", displayName: "Zoe", role: .sales).login == "zoe")
    }

    @Test func uniqueViolationsBecomeDuplicates() throws {
        let seeded = try SeededDatabase()
        #expect(coreError { _ = try seeded.database.users.add(seeded.northwind, login: "Jonas.Weber", displayName: "J", role: .sales) }
                == .duplicate(field: "member", value: "jonas.weber"))
        let raw = coreError {
            try seeded.database.write { db in
                try db.execute(sql: "UPDATE users SET login = 'ada' WHERE login = 'jonas.weber'")
            }
        }
        #expect(raw == .duplicate(field: "login", value: ""))
    }

    @Test func doctorReportsAHealthyDatabaseAndABrokenChain() throws {
        let seeded = try SeededDatabase()
        let report = Doctor.run(seeded.database)
        #expect(report.status == .ok, "\(report.checks.filter { $0.status != .ok })")
        #expect(report.checks.map(\.name).starts(with: ["file permissions", "integrity", "foreign keys", "journal mode",
                                                        "wal size", "schema version"]))
        #expect(report.checks.filter { $0.name.hasPrefix("audit chain") }.count == 2)
        try seeded.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET login = 'mallory' WHERE id = 1")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: seeded.database.path)
        let broken = Doctor.run(path: seeded.database.path)
        #expect(broken.status == .fail)
        #expect(broken.checks.first { $0.name == "file permissions" }?.status == .warn)
        #expect(broken.checks.contains { $0.name.hasPrefix("audit chain") && $0.status == .fail && $0.detail.contains("entry 1") })
        #expect(Doctor.run(path: seeded.database.path + ".missing").status == .fail)
    }

    @Test func searchTextIsQuotedAndShortTermsUseLike() {
        #expect(SearchIndex.matchExpression("acme gmbh") == #""acme" AND "gmbh""#)
        #expect(SearchIndex.matchExpression(#"say "hi" now"#) == #""say" AND """hi""" AND "now""#)
        #expect(SearchIndex.matchExpression("ab") == nil)
        #expect(SearchIndex.matchExpression("acme ab") == nil)
        #expect(SearchIndex.likePattern("50%_off\\") == #"%50\%\_off\\%"#)
        #expect(SearchIndex.condition(table: "t", columns: ["a"], text: "   ") == nil)
    }

    @Test func usersListShowsRolesAndValidatesInput() throws {
        let seeded = try SeededDatabase()
        let users = try seeded.database.users.list(seeded.northwind)
        #expect(users.map(\.login) == ["ada", "anna.schmidt", "jonas.weber", "lena.fischer", "markus.braun", "petra.koch", "thomas.mueller"])
        #expect(Set(users.map(\.role)) == Set(Role.allCases))
        #expect(try seeded.database.users.list(seeded.northwind, includeInactive: false).count == 6)
        let error = coreError {
            _ = try seeded.database.users.add(seeded.northwind, login: "bad login", displayName: " ", email: "nope", role: .sales)
        }
        #expect(error?.fieldErrors.map(\.field) == ["login", "name", "email"])
    }
}
