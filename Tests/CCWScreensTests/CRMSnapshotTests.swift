import CCWCore
import CCWDomain
import Testing
import TerminalKit
@testable import CCWScreens

/// The CRM contacts grid and profile, with names and companies a European wholesaler has.
@Suite struct CRMSnapshotTests {
    static func addContacts(_ db: AppDatabase, login: String = "admin") throws {
        let scope = try db.login(login, org: DemoSeed.northwindName)
        let de = try PhoneCountry("DE")
        let people: [(String, String, String, String, String, ContactStatus, Int)] = [
            ("Jürgen", "Müller", "Müller & Söhne GmbH", "j.mueller@mueller-soehne.example", "030 1234567", .customer, 82),
            ("Zoë", "Kramer", "Kramer Logistik AG", "zoe.kramer@kramer.example", "089 555 0100", .prospect, 61),
            ("Łukasz", "Nowak", "Kramer Logistik AG", "lukasz.nowak@kramer.example", "0170 1234567", .lead, 35),
            ("Haruto", "Sato", "東京商事", "h.sato@tokyo-shoji.example", "040 7654321", .customer, 74),
            ("Søren", "Andersen", "Nordlicht Handel KG", "soren@nordlicht.example", "0421 99887", .inactive, 12),
        ]
        var companies: [String: CompanyID] = [:]
        for p in people {
            let companyID = try companies[p.2] ?? db.companies.add(scope, company: Company(name: p.2)).id
            companies[p.2] = companyID
            let contact = Contact(firstName: p.0, lastName: p.1, email: try EmailAddress(p.3),
                                  phone: try PhoneNumber(p.4, defaultCountry: de), title: "Einkauf", companyID: companyID,
                                  leadScore: p.6, status: p.5)
            _ = try db.contacts.add(scope, contact: contact, force: true)
        }
        // Søren (first by name) has a deal, an open task and a logged call.
        let soren = try #require(try db.contacts.page(scope, limit: 1).first)
        let money = Money(minor: 1_875_000, currency: scope.baseCurrency)
        _ = try db.deals.add(scope, NewDeal(name: "Kühlhaus Bremen", value: money, companyId: soren.contact.companyID, contactIds: [soren.id]))
        _ = try db.crmTasks.add(scope, CRMTask(title: "Rückruf wegen Lieferzeit", dueDate: try CalendarDate(year: 2026, month: 11, day: 27),
                                               contactID: soren.id, assigneeID: UserID(scope.userId)))
        _ = try db.interactions.log(scope, Interaction(kind: .call, subject: "Angebot Kühlhaus", outcome: "connected",
                                                       completedAt: ScreenFixture.now - 3_600_000, durationMinutes: 25,
                                                       contactID: soren.id, direction: .outbound))
    }

    func check(_ name: String, keys: [String], sizes: [(Int, Int)] = ScreenFixture.sizes) throws {
        for (w, h) in sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try Self.addContacts(db)
            for k in keys { driver.press(k) }
            #expect(Snapshot.verify(driver.render(), named: "\(name)-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func contactsGrid() throws { try check("crm-contacts", keys: ["g", "c", "r"]) }
    @Test func contactProfileWhenNarrow() throws { try check("crm-contact-profile", keys: ["g", "c", "r", "enter"], sizes: [(80, 24)]) }
    @Test func contactFormWithABadEmail() throws {
        for (w, h) in ScreenFixture.sizes {
            let (driver, db) = try ScreenFixture.driver(width: w, height: h)
            try Self.addContacts(db)
            driver.press("g", "c", "n")
            driver.type("Wiebke")
            driver.press("tab")
            driver.type("Øberg")
            driver.press("tab")
            driver.type("wiebke@@oberg")
            driver.press("ctrl+s")
            #expect(Snapshot.verify(driver.render(), named: "crm-contact-form-\(w)x\(h)", directory: ScreenFixture.snapshots) == nil)
        }
    }

    @Test func searchNarrowsTheGridAsYouType() throws {
        let (driver, db) = try ScreenFixture.driver(width: 120, height: 40)
        try Self.addContacts(db)
        driver.press("g", "c", "r", "/")
        driver.type("kra")
        let frame = driver.snapshot()
        #expect(frame.contains("Zoë Kramer"))
        #expect(frame.contains("Łukasz Nowak"))  // lukasz.nowak@kramer.example
        #expect(!frame.contains("Jürgen Müller"))
        #expect(frame.contains("row 1 of 2"))
        for _ in 0..<3 { driver.press("backspace") }
        driver.type("tokyo")
        let tokyo = driver.snapshot()
        #expect(tokyo.contains("Haruto Sato"))
        #expect(tokyo.contains("row 1 of 1"))
        driver.press("esc")
        #expect(driver.snapshot().contains("row 1 of 5"))
    }
}
