import CCWCore
import CCWDomain
import Testing
import TerminalKit
@testable import CCWScreens

/// The deal kanban, a deal's detail and the win/loss screens, with European names and amounts.
@Suite struct DealBoardSnapshotTests {
    /// Deals across the stages of the default pipeline, some moved, one won and one lost, with
    /// line items on one.
    static func addDeals(_ db: AppDatabase) throws {
        let admin = try db.login("admin", org: DemoSeed.northwindName)
        let jonas = try db.login("jonas.weber", org: DemoSeed.northwindName)
        let anna = try db.login("anna.schmidt", org: DemoSeed.northwindName)
        let stages = try db.pipelines.defaultPipeline(admin).pipeline.stages
        var companies: [String: CompanyID] = [:]
        for name in ["Müller & Söhne GmbH", "Kramer Logistik AG", "Nordlicht Handel KG", "東京商事", "Łódź Transport Sp. z o.o."] {
            companies[name] = try db.companies.add(admin, company: Company(name: name)).id
        }
        let today = ZonedTime.date(at: ScreenFixture.now, in: admin.zone)
        // The deals were entered over the last weeks, so their days in stage differ.
        let clock = try #require(db.clock as? ManualClock)
        let day = ZonedTime.millisecondsPerDay
        let deals: [(String, String, Int64, Int, Scope, Int)] = [
            ("Gabelstapler-Flotte 2027", "Müller & Söhne GmbH", 1_250_000_00, 0, jonas, 40),
            ("Regalsystem Halle B", "Kramer Logistik AG", 48_500_00, 0, anna, 20),
            ("Wartungsvertrag Süd", "Nordlicht Handel KG", 9_870_50, 0, jonas, 75),
            ("倉庫管理システム", "東京商事", 320_000_00, 1, admin, 60),
            ("Kühlkette Łódź", "Łódź Transport Sp. z o.o.", 86_400_00, 2, anna, 30),
            ("Etiketten & Scanner", "Kramer Logistik AG", 12_990_00, 3, jonas, -5),
            ("Zoë's Ersatzteile", "Müller & Söhne GmbH", 4_200_00, 3, jonas, 10),
        ]
        for (n, (name, company, minor, stage, scope, closeIn)) in deals.enumerated() {
            clock.set(ScreenFixture.now - Int64([23, 2, 9, 41, 5, 14, 1][n]) * day)
            _ = try db.deals.add(scope, NewDeal(name: name, value: Money(minor: minor, currency: .EUR), stageId: stages[stage].id,
                                                companyId: companies[company], expectedCloseDate: today.adding(days: closeIn)))
        }
        clock.set(ScreenFixture.now - 30 * day)
        let won = try db.deals.add(jonas, NewDeal(name: "Palettenregale Nord", value: Money(minor: 61_000_00, currency: .EUR),
                                                  stageId: stages[3].id, companyId: companies["Nordlicht Handel KG"],
                                                  lineItems: [
                                                      DealLineItem(description: "Palettenregal 3 m", quantity: ExactDecimal(40),
                                                                   unitPrice: Money(minor: 1_250_00, currency: .EUR),
                                                                   discount: .percent(ExactDecimal(10)), sortOrder: 1),
                                                      DealLineItem(description: "Montage", quantity: ExactDecimal(1),
                                                                   unitPrice: Money(minor: 16_000_00, currency: .EUR), sortOrder: 2),
                                                  ]))
        clock.set(ScreenFixture.now - 6 * day)
        _ = try db.deals.move(jonas, id: won.id, to: stages[4].id, expectedVersion: won.version)
        let lost = try db.deals.add(anna, NewDeal(name: "Hubwagen Ersatz", value: Money(minor: 7_450_00, currency: .EUR),
                                                  stageId: stages[2].id, companyId: companies["Kramer Logistik AG"]))
        clock.set(ScreenFixture.now - 3 * day)
        _ = try db.deals.move(anna, id: lost.id, to: stages[5].id, lostReason: "Preis zu hoch", expectedVersion: lost.version)
        clock.set(ScreenFixture.now)
    }

    func check(_ name: String, keys: [String], sizes: [(Int, Int)] = ScreenFixture.sizes) throws {
        for (w, h) in sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try Self.addDeals(db)
            driver.press("g", "c")
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func kanban() throws { try check("crm-deals", keys: ["3"]) }
    @Test func kanbanScrolledToTheClosedStages() throws { try check("crm-deals-closed", keys: ["3", "l", "l", "l", "l"]) }
    @Test func dealDetail() throws { try check("crm-deal-detail", keys: ["3", "l", "l", "l", "l", "enter"]) }
    @Test func winLoss() throws { try check("crm-winloss", keys: ["5"]) }
    @Test func forecast() throws { try check("crm-forecast", keys: ["5", "v"]) }

    @Test func movingIntoLostAsksForAReasonAndEscKeepsTheDeal() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try Self.addDeals(db)
        driver.press("g", "c", "3", "X")
        #expect(driver.snapshot().contains("Lost reason"))
        driver.press("enter")
        #expect(driver.snapshot().contains("a lost reason is required"))
        driver.press("esc")
        driver.press("j")
        #expect(!driver.snapshot().contains("Lost reason"))
        #expect(driver.snapshot().contains("3 deals · €1.3M"), "the deal stays in Lead")
        driver.press("k", "X")
        driver.type("Budget gestrichen")
        driver.press("enter")
        let frame = driver.snapshot()
        #expect(frame.contains("Lost: Gabelstapler-Flotte 2027 (Budget gestrichen)"))
        #expect(frame.contains("2 deals · €1.3M"), "both lost deals are in Closed lost")
    }

    @Test func aReadOnlyUserIsToldMovingIsNotForThem() throws {
        let (driver, db) = try ScreenFixture.driver(login: "petra.koch", width: 120, height: 40)
        try Self.addDeals(db)
        driver.press("g", "c", "3", "L")
        let frame = driver.snapshot()
        #expect(frame.contains("Gabelstapler-Flotte 2027"))
        #expect(frame.contains("read-only: your role may look but not change data"))
    }
}
