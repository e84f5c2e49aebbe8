import CCWDomain
import Testing
@testable import CCWCore

@Suite struct OptimisticLockingTests {
    @Test func aStaleUpdateIsAConflictNamingWhoAndWhen() throws {
        // given two admins who opened the settings form at the same version
        let seeded = try SeededDatabase()
        _ = try seeded.database.users.setRole(seeded.northwind, login: "anna.schmidt", role: .admin)
        let anna = try seeded.scope("anna.schmidt")
        let read = try seeded.database.orgSettings.get(anna)
        // when ada saves first, at a known time
        seeded.clock.advance(by: 60_000)
        let savedAt = seeded.clock.now()
        _ = try seeded.database.orgSettings.update(seeded.northwind, name: "Northwind Trading AG", baseCurrency: "EUR",
                                                   timeZone: "Europe/Berlin", expectedVersion: read.version)
        // then anna's save with the old version is refused with who and when
        seeded.clock.advance(by: 5_000)
        let error = coreError {
            _ = try seeded.database.orgSettings.update(anna, name: "Northwind Handel", baseCurrency: "EUR",
                                                       timeZone: "Europe/Berlin", expectedVersion: read.version)
        }
        guard case let .conflict(info) = error else { Issue.record("expected a conflict, got \(String(describing: error))"); return }
        #expect(info.entity == "organization")
        #expect(info.changedBy == "ada")
        #expect(info.changedAt == savedAt)
        #expect(info.currentVersion == read.version + 1)
        #expect(info.expectedVersion == read.version)
        #expect(error?.exitCode == 3)
        #expect(error?.description.contains("changed by ada") == true)
        #expect(try seeded.database.orgSettings.get(anna).name == "Northwind Trading AG")

        // when anna chooses "keep mine": retry with the current version
        let kept = try seeded.database.orgSettings.update(anna, name: "Northwind Handel", baseCurrency: "EUR",
                                                          timeZone: "Europe/Berlin", expectedVersion: info.currentVersion)
        #expect(kept.name == "Northwind Handel")
        #expect(kept.version == info.currentVersion + 1)
    }

    @Test func membershipRoleEditsAreVersionChecked() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.database.users.get(seeded.northwind, login: "jonas.weber")
        _ = try seeded.database.users.setRole(seeded.northwind, login: "jonas.weber", role: .manager,
                                              expectedVersion: jonas.membershipVersion)
        let error = coreError {
            _ = try seeded.database.users.setRole(seeded.northwind, login: "jonas.weber", role: .readOnly,
                                                  expectedVersion: jonas.membershipVersion)
        }
        guard case let .conflict(info) = error else { Issue.record("expected a conflict"); return }
        #expect(info.changedBy == "ada" && info.entity == "membership")
    }

    @Test func softDeletedRowsAreNotFoundAndCanBeRestored() throws {
        let seeded = try SeededDatabase()
        let petra = try seeded.database.users.get(seeded.northwind, login: "petra.koch")
        try seeded.database.memberships.remove(seeded.northwind, login: "petra.koch")
        #expect(coreError { _ = try seeded.database.users.get(seeded.northwind, login: "petra.koch") }
                == .notFound(entity: "user", key: "\"petra.koch\""))
        let stale = coreError {
            try seeded.database.write(as: seeded.northwind, .edit, in: .admin) { access in
                _ = try VersionedUpdate.run(access.db, table: "memberships", id: petra.membershipId,
                                        expectedVersion: petra.membershipVersion + 1, scope: access.scope,
                                        assignments: ["role": "sales"], entity: "membership")
            }
        }
        #expect(stale == .notFound(entity: "membership", key: "#\(petra.membershipId)"))
        #expect(coreError { _ = try seeded.database.login("petra.koch") } == .noMembership(login: "petra.koch", org: nil))
        // adding her again restores the same membership with the new role
        let back = try seeded.database.memberships.add(seeded.northwind, login: "petra.koch", role: .accountant)
        #expect(back.membershipId == petra.membershipId && back.role == .accountant)
        let actions = try seeded.database.audit.history(seeded.northwind, entity: "membership", entityId: petra.membershipId)
            .map(\.action.rawValue)
        #expect(actions == ["update", "restore", "delete", "create"])
    }
}
