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
    @Test func contactProfileWhenNarrow() throws { try check("crm-contact-profile", keys: ["g", "c", "r", "j", "enter"], sizes: [(80, 24)]) }

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
