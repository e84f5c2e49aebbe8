import CCWDomain
import Foundation
import GRDB
import Testing
@testable import CCWCore

@Suite struct AuditTests {
    @Test func everyAdminWriteLeavesAnAuditRow() throws {
        let seeded = try SeededDatabase()
        let database = seeded.database, scope = seeded.northwind
        let writes: [(String, () throws -> Void)] = [
            ("add user", { _ = try database.users.add(scope, login: "kai", displayName: "Kai Berg", role: .sales) }),
            ("set role", { _ = try database.users.setRole(scope, login: "kai", role: .warehouse) }),
            ("update user", {
                let kai = try database.users.get(scope, login: "kai")
                _ = try database.users.update(scope, login: "kai", displayName: "Kai Bergmann", email: "kai@example.com",
                                              expectedVersion: kai.userVersion)
            }),
            ("deactivate", { _ = try database.users.deactivate(scope, login: "kai") }),
            ("activate", { _ = try database.users.activate(scope, login: "kai") }),
            ("remove", { try database.memberships.remove(scope, login: "kai") }),
            ("re-add", { _ = try database.memberships.add(scope, login: "kai", role: .sales) }),
            ("settings", {
                let org = try database.orgSettings.get(scope)
                _ = try database.orgSettings.update(scope, name: org.name, baseCurrency: "EUR", timeZone: "Europe/Vienna",
                                                    expectedVersion: org.version)
            }),
        ]
        for (name, write) in writes {
            let before = try seeded.auditCount(scope.orgId)
            try write()
            #expect(try seeded.auditCount(scope.orgId) > before, "\(name) wrote no audit row")
        }
        let newest = try database.audit.page(scope, limit: 1)[0]
        #expect(newest.entity == "organization" && newest.action == .update && newest.login == "ada")
        #expect(newest.beforeJSON?.contains("Europe/Berlin") == true && newest.afterJSON?.contains("Europe/Vienna") == true)
        #expect(try database.audit.verify(scope) == .ok(entries: try seeded.auditCount(scope.orgId)))
    }

    @Test func tamperingWithAnyRowIsReported() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        #expect(try seeded.database.audit.verify(scope).isOK)
        let target = try seeded.database.audit.page(scope, limit: 5)[3]
        // the table refuses updates through SQL …
        #expect(throws: (any Error).self) {
            try seeded.database.pool.write { db in
                try db.execute(sql: "UPDATE audit_log SET summary = 'nothing happened' WHERE id = ?", arguments: [target.id])
            }
        }
        // … so an attacker with the file drops the guard first
        try seeded.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET summary = 'nothing happened' WHERE id = ?", arguments: [target.id])
        }
        let result = try seeded.database.audit.verify(scope)
        guard case let .broken(id, reason) = result else { Issue.record("tampering not detected"); return }
        #expect(id == target.id)
        #expect(reason.contains("changed"))
        // the other organization's chain is unaffected
        #expect(try seeded.database.audit.verify(seeded.harbour).isOK)
    }

    @Test func removingTheNewestRowsIsReported() throws {
        let seeded = try SeededDatabase()
        let newest = try seeded.database.audit.page(seeded.northwind, limit: 1)[0]
        try seeded.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE id = ?", arguments: [newest.id])
        }
        guard case let .broken(id, _) = try seeded.database.audit.verify(seeded.northwind) else {
            Issue.record("a truncated chain was not detected"); return
        }
        #expect(id == newest.id)
    }

    @Test func pagesAreNewestFirstWithoutGapsOrRepeats() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        for i in 0..<30 {
            seeded.clock.advance(by: i % 3 == 0 ? 0 : 1000)     // several entries share a millisecond
            _ = try seeded.database.users.add(scope, login: "temp\(i)", displayName: "Temp \(i)", role: .readOnly)
        }
        let total = try seeded.database.audit.count(scope)
        var seen: [AuditEntry] = []
        var cursor: AuditCursor?
        while true {
            let page = try seeded.database.audit.page(scope, after: cursor, limit: 7)
            if page.isEmpty { break }
            seen += page
            cursor = page.last!.cursor
        }
        #expect(seen.count == total)
        #expect(Set(seen.map(\.id)).count == total)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { ($0.at, $0.id) > ($1.at, $1.id) })
    }

    @Test func filtersCombine() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind, audit = seeded.database.audit
        let today = ZonedTime.date(at: seeded.clock.now(), in: scope.zone)
        #expect(try audit.count(scope, filter: AuditFilter(entity: "organization")) == 2)
        #expect(try audit.count(scope, filter: AuditFilter(entity: "membership", action: .create)) == 7)
        #expect(try audit.count(scope, filter: AuditFilter(text: "jonas.weber")) >= 3)
        #expect(try audit.count(scope, filter: AuditFilter(text: "role sales")) >= 1)        // two terms, trigram
        #expect(try audit.count(scope, filter: AuditFilter(text: "→")) == 2)                 // short: LIKE fallback
        #expect(try audit.count(scope, filter: AuditFilter(text: "100%")) == 0)              // wildcards are literal
        #expect(try audit.count(scope, filter: AuditFilter(text: "\"weber")) == 0)           // quotes are literal
        #expect(try audit.count(scope, filter: AuditFilter(from: today, to: today)) == (try audit.count(scope)))
        #expect(try audit.count(scope, filter: AuditFilter(from: today.adding(days: 1))) == 0)
        #expect(try audit.count(scope, filter: AuditFilter(to: today.adding(days: -1))) == 0)
        let deactivations = try audit.page(scope, filter: AuditFilter(login: "ADA", action: .deactivate))
        #expect(deactivations.map(\.summary) == ["deactivated user thomas.mueller"])
    }

    @Test func concurrentWritersLoseNothingAndKeepTheChain() throws {
        // given several "processes" (separate pools on one file) writing audited rows for one org
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let before = try seeded.auditCount(scope.orgId)
        let writers = 4, perWriter = 25
        let handles = try (0..<writers).map { _ in try AppDatabase.open(path: seeded.database.path, clock: seeded.clock) }
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for i in 0..<perWriter {
                do {
                    try handles[writer].write(as: scope, .edit, in: .admin) { access in
                        try access.audit("test", id: Int64(i), uid: nil, .update, "writer \(writer) entry \(i)")
                    }
                } catch {
                    failures.increment()
                }
            }
        }
        // then every entry is there once and the chain verifies
        #expect(failures.count == 0)
        #expect(try seeded.auditCount(scope.orgId) == before + writers * perWriter)
        #expect(try seeded.database.audit.verify(scope) == .ok(entries: before + writers * perWriter))
        #expect(try seeded.database.audit.count(scope, filter: AuditFilter(text: "writer")) == writers * perWriter)
    }
}
