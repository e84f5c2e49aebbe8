import CCWCore
import CCWDomain
import Testing
import TerminalKit
@testable import CCWScreens

/// CRM › Companies: the hierarchy as a tree with the selected company beside it.
@Suite struct CompaniesSnapshotTests {
    func check(_ name: String, keys: [String], login: String = "admin", sizes: [(Int, Int)] = ScreenFixture.sizes,
               glyphs: Glyphs = .unicode) throws {
        for (w, h) in sizes {
            let (driver, db) = try ScreenFixture.driver(login: login, width: w, height: h, glyphs: glyphs)
            try CRMFixtureData.addCompanies(db)
            driver.run("go.crm.companies")
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func tree() throws { try check("crm-companies", keys: ["j"]) }
    @Test func treeInASCII() throws { try check("crm-companies-ascii", keys: ["h"], sizes: [(80, 24)], glyphs: .ascii) }
    @Test func detailWhenNarrow() throws { try check("crm-company-detail", keys: ["enter"], sizes: [(80, 24)]) }
    @Test func editForm() throws { try check("crm-company-edit", keys: ["j", "e"]) }

    @Test func filterKeepsAncestorsOfMatches() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try CRMFixtureData.addCompanies(db)
        driver.run("go.crm.companies")
        driver.press("/")
        driver.type("sp. z")
        let frame = driver.snapshot()
        #expect(frame.contains("Müller Logistik Sp. z o.o."))
        #expect(frame.contains("Müller & Söhne GmbH"))   // its parent
        #expect(frame.contains("Müller Holding AG"))     // its grandparent
        #expect(!frame.contains("Nordlicht Handel KG"))
        #expect(!frame.contains("Müller France SARL"))
        // the match is selected and shown in the detail
        #expect(frame.contains("Dispatch") || frame.contains("Łukasz Nowak"))
        #expect(Snapshot.verify(driver.render(), named: "crm-companies-filtered-120x40", directory: ScreenFixture.snapshots) == nil)
        driver.press("esc")
        #expect(driver.snapshot().contains("Nordlicht Handel KG"))
    }

    @Test func collapseHidesSubsidiaries() throws {
        let (driver, db) = try ScreenFixture.driver(width: 80, height: 24)
        try CRMFixtureData.addCompanies(db)
        driver.run("go.crm.companies")
        driver.press("j")   // Müller Holding AG
        #expect(driver.snapshot().contains("Müller France SARL"))
        driver.press("space")
        #expect(!driver.snapshot().contains("Müller France SARL"))
        driver.press("l")
        #expect(driver.snapshot().contains("Müller France SARL"))
    }

    @Test func salesCannotDeleteACompanyFromTheScreen() throws {
        let (driver, db) = try ScreenFixture.driver(login: "jonas.weber", width: 120, height: 40)
        try CRMFixtureData.addCompanies(db)
        driver.run("go.crm.companies")
        driver.press("d")
        #expect(!driver.hasOverlay)
        #expect(driver.notices.contains("deleting a company needs the manager or admin role"))
        #expect(!driver.snapshot().contains("d delete"))
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        #expect(try db.companies.tree(scope).count == 8)
    }

    @Test func readOnlyCannotEditOrAdd() throws {
        let (driver, db) = try ScreenFixture.driver(login: "petra.koch", width: 120, height: 40)
        try CRMFixtureData.addCompanies(db)
        driver.run("go.crm.companies")
        driver.press("e")
        #expect(!driver.snapshot().contains("Edit Müller"))
        driver.press("n")
        #expect(!driver.snapshot().contains("New company"))
        #expect(driver.notices.contains { $0.contains("read-only") })
    }

    @Test func managerDeletesAfterConfirming() throws {
        let (driver, db) = try ScreenFixture.driver(login: "anna.schmidt", width: 120, height: 40)
        try CRMFixtureData.addCompanies(db)
        driver.run("go.crm.companies")
        driver.press("G")   // 東京商事 is last
        driver.press("d")
        #expect(driver.hasOverlay)
        #expect(driver.snapshot().contains("Delete 東京商事?"))
        driver.press("y")
        let scope = try db.login("admin", org: DemoSeed.northwindName)
        #expect(try db.companies.tree(scope).map(\.name).contains("東京商事") == false)
        #expect(driver.notices.contains("company 東京商事 deleted"))
    }
}
