import CCWDomain
import Foundation
import Testing
@testable import CCWCore

@Suite struct IdentityTests {
    @Test func unknownLoginIsRefusedWithTheCommandToRun() throws {
        // given an installation with one organization
        let database = try makeDatabase()
        _ = try database.bootstrap(orgName: "ACME", adminLogin: "root", displayName: "Root", currency: "EUR", timeZone: "UTC")
        // when bob logs in
        let error = coreError { _ = try database.login("bob") }
        // then he is told what an admin should run
        #expect(error == .unknownLogin("bob", org: "ACME"))
        #expect(error?.description == #"no CCW user "bob": ask an admin to run "ccw user add bob --org ACME --role sales""#)
        #expect(error?.exitCode == 4)
    }

    @Test func loginPicksTheFirstOrganizationByNameUnlessOneIsNamed() throws {
        let seeded = try SeededDatabase()
        let first = try seeded.database.login("ADA")
        #expect(first.orgName == DemoSeed.harbourName)
        #expect(first.login == "ada")
        #expect(first.baseCurrency == .GBP && first.timeZone == "Europe/London")
        let named = try seeded.database.login("ada", org: "northwind trading gmbh")
        #expect(named.orgName == DemoSeed.northwindName && named.role == .admin && named.baseCurrency == .EUR)
        let byUID = try seeded.database.login("ada", org: named.orgUID)
        #expect(byUID.orgId == named.orgId)
    }

    @Test func deactivatedUsersAndNonMembersAreRefused() throws {
        let seeded = try SeededDatabase()
        #expect(coreError { _ = try seeded.database.login("thomas.mueller") } == .inactiveUser("thomas.mueller"))
        let outsider = coreError { _ = try seeded.database.login("jonas.weber", org: DemoSeed.harbourName) }
        #expect(outsider == .noMembership(login: "jonas.weber", org: DemoSeed.harbourName))
        #expect(outsider?.exitCode == 4)
    }

    @Test func bootstrapWorksOnlyOnAnEmptyDatabase() throws {
        let database = try makeDatabase()
        let scope = try database.bootstrap(orgName: "ACME", adminLogin: "root", displayName: "Root", currency: "usd",
                                           timeZone: "America/New_York")
        #expect(scope.role == .admin && scope.baseCurrency == .USD)
        let again = coreError {
            _ = try database.bootstrap(orgName: "Other", adminLogin: "eve", displayName: "Eve", currency: "EUR", timeZone: "UTC")
        }
        guard case .rule = again else { Issue.record("expected a rule refusal, got \(String(describing: again))"); return }
        #expect(try database.organizations.list().count == 1)
    }

    @Test func organizationFieldsAreValidatedTogether() throws {
        let database = try makeDatabase()
        let error = coreError {
            _ = try database.bootstrap(orgName: " ", adminLogin: "root", displayName: "Root", currency: "EUT",
                                       timeZone: "Mars/Olympus")
        }
        #expect(error?.fieldErrors.map(\.field) == ["name", "base currency", "time zone"])
        #expect(error?.exitCode == 1)
        #expect(try database.organizations.list().isEmpty)
    }

    @Test func aNonAdminCannotCreateAnOrganizationForThemselves() throws {
        let seeded = try SeededDatabase()
        let error = coreError {
            _ = try seeded.database.organizations.add(name: "Side Business", baseCurrency: "EUR", timeZone: "UTC",
                                                      adminLogin: "jonas.weber")
        }
        #expect(error?.exitCode == 4)
        let created = try seeded.database.organizations.add(name: "Side Business", baseCurrency: "CHF", timeZone: "Europe/Zurich",
                                                            adminLogin: "ada")
        #expect(created.baseCurrency == .CHF)
        #expect(coreError { _ = try seeded.database.organizations.add(name: "side business", baseCurrency: "EUR",
                                                                      timeZone: "UTC", adminLogin: "ada") }
                == .duplicate(field: "organization name", value: "side business"))
    }

    @Test func openCreatesPrivateFileAndWALDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-\(UUID().uuidString)/nested")
        let database = try AppDatabase.open(path: folder.appendingPathComponent("ccw.sqlite").path)
        let fileMode = try FileManager.default.attributesOfItem(atPath: database.path)[.posixPermissions] as? NSNumber
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
        #expect(fileMode?.intValue == 0o600)
        #expect(folderMode?.intValue == 0o700)
        #expect(try database.schemaVersion() == AppDatabase.latestSchemaVersion)
        let pragmas = try database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(pragmas.0 == "wal" && pragmas.1 == 1 && pragmas.2 == 1)
    }
}

@Suite struct OrgSettingsTests {
    @Test func invalidSettingsNameEachFieldAndKeepTheStoredValues() throws {
        let seeded = try SeededDatabase()
        let org = try seeded.database.orgSettings.get(seeded.northwind)
        #expect(org.settings["invoice_prefix"] == .string("NW-"))
        let error = coreError {
            _ = try seeded.database.orgSettings.update(seeded.northwind, name: org.name, baseCurrency: "EURO",
                                                       timeZone: "Europe/Berlln", defaultCountry: "DEU", expectedVersion: org.version)
        }
        #expect(error?.fieldErrors == [
            FieldError(field: "base currency", message: "\"EURO\" is not a currency code (expected three letters such as EUR, USD, JPY)"),
            FieldError(field: "time zone", message: "\"Europe/Berlln\" is not an IANA time zone (expected e.g. Europe/Berlin or UTC)"),
            FieldError(field: "default country", message: "\"DEU\" is not a country code (expected two letters such as DE, GB, US)"),
        ])
        #expect(try seeded.database.orgSettings.get(seeded.northwind) == org)
        let entry = try seeded.database.audit.page(seeded.northwind, filter: AuditFilter(entity: "organization"), limit: 1)[0]
        #expect(entry.afterJSON?.contains("\"base_currency\":\"EUR\"") == true)
    }

    @Test func demoSeedNeedsAnEmptyDatabase() throws {
        let seeded = try SeededDatabase()
        #expect(seeded.identity.logins.count == 11)
        guard case .rule = coreError({ _ = try DemoSeed.identity(database: seeded.database, adminLogin: "ada") }) else {
            Issue.record("a second seed must be refused"); return
        }
    }
}
