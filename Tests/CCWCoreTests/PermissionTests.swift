import CCWDomain
import Testing
@testable import CCWCore

@Suite struct PermissionTests {
    @Test func readOnlyCannotEditSettings() throws {
        let seeded = try SeededDatabase()
        let petra = try seeded.scope("petra.koch")
        let org = try seeded.database.orgSettings.get(petra)
        let error = coreError {
            _ = try seeded.database.orgSettings.update(petra, name: "Hacked", baseCurrency: "EUR", timeZone: "UTC",
                                                       expectedVersion: org.version)
        }
        #expect(error == .notPermitted(PermissionDenied(role: .readOnly, action: .edit, module: .admin)))
        #expect(error?.exitCode == 4)
        #expect(try seeded.database.orgSettings.get(petra).name == DemoSeed.northwindName)
    }

    @Test func salesCannotManageUsers() throws {
        let seeded = try SeededDatabase()
        let jonas = try seeded.scope("jonas.weber")
        #expect(coreError { _ = try seeded.database.users.add(jonas, login: "mallory", displayName: "Mallory", role: .admin) }?.exitCode == 4)
        #expect(coreError { _ = try seeded.database.users.setRole(jonas, login: "jonas.weber", role: .admin) }?.exitCode == 4)
        #expect(coreError { _ = try seeded.database.users.list(jonas) }?.exitCode == 4)
        #expect(coreError { try seeded.database.memberships.remove(jonas, login: "petra.koch") }?.exitCode == 4)
    }

    @Test func theLastAdminCannotBeDemotedRemovedOrDeactivated() throws {
        let seeded = try SeededDatabase()
        let admin = seeded.northwind
        let demote = coreError { _ = try seeded.database.users.setRole(admin, login: "ada", role: .manager) }
        #expect(demote?.description.contains("last admin of \(DemoSeed.northwindName)") == true)
        #expect(demote?.exitCode == 1)
        #expect(coreError { try seeded.database.memberships.remove(admin, login: "ada") }?.exitCode == 1)
        // with a second admin, the first may step down
        _ = try seeded.database.users.setRole(admin, login: "anna.schmidt", role: .admin)
        let anna = try seeded.scope("anna.schmidt")
        // ada is still the only admin of Harbour, so she cannot be deactivated
        let deactivate = coreError { _ = try seeded.database.users.deactivate(anna, login: "ada") }
        #expect(deactivate?.description.contains(DemoSeed.harbourName) == true)
        #expect(try seeded.database.users.setRole(anna, login: "ada", role: .manager).role == .manager)
        #expect(coreError { _ = try seeded.database.users.deactivate(anna, login: "anna.schmidt") } == .rule("you cannot deactivate yourself"))
    }

    @Test func aRoleChangeTakesEffectOnTheNextWriteOfAnOpenSession() throws {
        let seeded = try SeededDatabase()
        _ = try seeded.database.users.setRole(seeded.northwind, login: "anna.schmidt", role: .admin)
        let annaSession = try seeded.scope("anna.schmidt")       // opened while admin
        _ = try seeded.database.users.setRole(seeded.northwind, login: "anna.schmidt", role: .sales)
        let error = coreError { _ = try seeded.database.users.add(annaSession, login: "x", displayName: "X", role: .sales) }
        #expect(error == .notPermitted(PermissionDenied(role: .sales, action: .create, module: .admin)))
        _ = try seeded.database.users.deactivate(seeded.northwind, login: "anna.schmidt")
        #expect(coreError { _ = try seeded.database.notifications.markRead(annaSession) } == .inactiveUser("anna.schmidt"))
    }
}
