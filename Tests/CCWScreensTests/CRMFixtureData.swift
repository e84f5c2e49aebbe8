import CCWCore
import CCWDomain
import Foundation

/// A small company hierarchy and a few tasks, with the names a European wholesaler deals with.
enum CRMFixtureData {
    /// Müller Holding AG › Müller & Söhne GmbH › Müller Logistik Sp. z o.o., Müller Holding AG ›
    /// Müller France SARL; Nordlicht Handel KG › Nordlicht Dänemark ApS; Kramer Logistik AG; 東京商事.
    @discardableResult
    static func addCompanies(_ db: AppDatabase, login: String = "admin") throws -> [String: CompanyID] {
        let scope = try db.login(login, org: DemoSeed.northwindName)
        var ids: [String: CompanyID] = [:]
        let companies: [(String, String?, String, String, String)] = [
            ("Müller Holding AG", nil, "Holding", "München", "mueller-holding.example"),
            ("Müller & Söhne GmbH", "Müller Holding AG", "Wholesale", "Berlin", "mueller-soehne.example"),
            ("Müller Logistik Sp. z o.o.", "Müller & Söhne GmbH", "Logistics", "Łódź", ""),
            ("Müller France SARL", "Müller Holding AG", "Retail", "Lyon", ""),
            ("Nordlicht Handel KG", nil, "Wholesale", "Bremen", "nordlicht.example"),
            ("Nordlicht Dänemark ApS", "Nordlicht Handel KG", "Wholesale", "Århus", ""),
            ("Kramer Logistik AG", nil, "Logistics", "Zürich", "kramer.example"),
            ("東京商事", nil, "Trading", "Tōkyō", ""),
        ]
        for (name, parent, industry, city, web) in companies {
            var c = Company(name: name, industry: industry, website: web, parentCompanyID: parent.flatMap { ids[$0] })
            c.address.city = city
            c.employeeCount = try CompanySize(parsing: name.hasPrefix("Müller Holding") ? "1200" : "42")
            ids[name] = try db.companies.add(scope, company: c).id
        }
        let people: [(String, String, String, String)] = [
            ("Jürgen", "Müller", "Müller & Söhne GmbH", "Einkauf"),
            ("Zoë", "Kramer", "Kramer Logistik AG", "Geschäftsführerin"),
            ("Łukasz", "Nowak", "Müller Logistik Sp. z o.o.", "Dispatch"),
            ("Søren", "Andersen", "Nordlicht Dänemark ApS", "Indkøb"),
        ]
        for p in people {
            _ = try db.contacts.add(scope, contact: Contact(firstName: p.0, lastName: p.1, title: p.3, companyID: ids[p.2]), force: true)
        }
        let pipeline = try db.pipelines.defaultPipeline(scope)
        let open = pipeline.pipeline.openStages
        let deals: [(String, String, Int64, Int)] = [
            ("Palettenregale 2027", "Müller & Söhne GmbH", 4_850_000, 1),
            ("Lagerumbau Łódź", "Müller Logistik Sp. z o.o.", 12_000_000, 0),
            ("Kühlkette Nord", "Nordlicht Handel KG", 2_300_000, 2),
        ]
        for d in deals {
            _ = try db.deals.add(scope, NewDeal(name: d.0, value: Money(minor: d.2, currency: try CurrencyCode("EUR")),
                                                stageId: open[min(d.3, open.count - 1)].id, companyId: ids[d.1]))
        }
        return ids
    }

    /// Tasks for the admin (and one for jonas.weber) around `ScreenFixture.now` (2026-11-25).
    static func addTasks(_ db: AppDatabase, login: String = "admin") throws {
        let scope = try db.login(login, org: DemoSeed.northwindName)
        let ids = try addCompanies(db, login: login)
        let me = UserID(scope.userId)
        let jonas = UserID(try db.login("jonas.weber", org: DemoSeed.northwindName).userId)
        let contact = try db.contacts.page(scope, filter: ContactFilter(text: "Jürgen"), limit: 1).first?.id
        func day(_ d: Int) throws -> CalendarDate { try CalendarDate(year: 2026, month: 11, day: d) }
        let tasks = [
            CRMTask(title: "Angebot an Jürgen nachfassen", priority: .urgent, dueDate: try day(23), contactID: contact,
                    companyID: ids["Müller & Söhne GmbH"], assigneeID: me),
            CRMTask(title: "Call Zoë about the Zürich depot", priority: .high, dueDate: try day(25),
                    companyID: ids["Kramer Logistik AG"], assigneeID: me),
            CRMTask(title: "Prepare Łódź site visit", dueDate: try day(25), companyID: ids["Müller Logistik Sp. z o.o."], assigneeID: me),
            CRMTask(title: "Send price list 2027", priority: .low, dueDate: try day(30), assigneeID: me),
            CRMTask(title: "Renew Nordlicht framework contract", priority: .high, dueDate: CalendarDate(dayNumber: try day(30).dayNumber + 5),
                    companyID: ids["Nordlicht Handel KG"], assigneeID: me),
            CRMTask(title: "Tidy up the CRM tags", priority: .low, assigneeID: me),
            CRMTask(title: "Visit 東京商事 at the trade fair", priority: .medium, dueDate: try day(27), companyID: ids["東京商事"], assigneeID: jonas),
        ]
        for t in tasks { _ = try db.crmTasks.add(scope, t) }
    }
}
