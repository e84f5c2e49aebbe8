import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// The SQL form of a segment holds exactly the contacts the domain's `Segment.contains` holds.
@Suite struct SegmentSQLTests {
    @Test func sqlAgreesWithTheDomainOnVariedContacts() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let sizes = CompanySize.bands
        var companies: [CompanyRecord] = []
        for (i, name) in ["Müller & Söhne GmbH", "ÉCOLE Nationale", "Straße AG", "Tokyo 東京商事"].enumerated() {
            companies.append(try db.companies.add(scope, company: Company(name: name, industry: i % 2 == 0 ? "Retail" : "Lebensmittel",
                                                                          employeeCount: sizes[i * 2])))
        }
        let firsts = ["Jürgen", "JÜRGEN", "Zoë", "zoe", "Łukasz", "Ana  María", ""]
        let titles = ["Head of Purchasing", "head of IT", "CFO", "", "Einkäufer"]
        let tags: [[String]] = [[], ["VIP"], ["vip", "Messe"], ["Messe 2026"]]
        for i in 0..<140 {
            var c = Contact(firstName: firsts[i % firsts.count], lastName: "N\(i)")
            c.title = titles[i % titles.count]
            c.status = ContactStatus.allCases[i % 4]
            c.tags = tags[i % tags.count]
            c.leadScore = (i * 13) % 90
            c.email = i % 3 == 0 ? nil : try EmailAddress("p\(i)@\(i % 2 == 0 ? "müller.example" : "Example.COM")")
            c.companyID = i % 5 == 4 ? nil : companies[i % companies.count].id
            c.customFields = i % 2 == 0 ? ["Umsatz": " \(i * 100) ", "Region": i % 4 == 0 ? "Süd" : "Nord"] : ["Umsatz": "viel"]
            c.address.city = i % 2 == 0 ? "München" : "Muenchen"
            _ = try db.contacts.add(scope, contact: c, force: true)
        }
        let all = try db.contacts.page(scope, limit: 1000)
        let companyById = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0.company) })
        let conditions: [ContactCondition] = [
            ContactCondition(.firstName, .equals("jurgen")), ContactCondition(.firstName, .equals("ZOE")),
            ContactCondition(.firstName, .equals("ana maria")), ContactCondition(.title, .contains("HEAD")),
            ContactCondition(.title, .inList(["cfo", "einkaufer"])), ContactCondition(.status, .equals("Customer")),
            ContactCondition(.tags, .equals("vip")), ContactCondition(.tags, .contains("messe")),
            ContactCondition(.leadScore, .atLeast(50)), ContactCondition(.leadScore, .equals("13")),
            ContactCondition(.emailDomain, .equals("example.com")), ContactCondition(.email, .contains("müller")),
            ContactCondition(.companyName, .contains("sohne")), ContactCondition(.companyName, .equals("strasse ag")),
            ContactCondition(.industry, .inList(["retail"])), ContactCondition(.companySize, .atLeast(51)),
            ContactCondition(.customField("Umsatz"), .atLeast(5000)), ContactCondition(.customField("Region"), .equals("sud")),
            ContactCondition(.city, .equals("munchen")), ContactCondition(.companyName, .contains("東京")),
        ]
        var segments = conditions.map { Segment(name: $0.description, conditions: [$0]) }
        for i in 0..<20 {
            let pair = [conditions[i], conditions[(i * 7 + 3) % conditions.count]]
            segments.append(Segment(name: "all \(i)", match: .all, conditions: pair))
            segments.append(Segment(name: "any \(i)", match: .any, conditions: pair))
        }
        for segment in segments {
            let expected = all.filter { r in
                segment.contains(ContactFacts(contact: r.contact, company: r.contact.companyID.flatMap { companyById[$0] }))
            }.map(\.id)
            var filter = ContactFilter()
            filter.segment = segment
            let actual = try db.contacts.page(scope, filter: filter, limit: 1000).map(\.id)
            #expect(actual == expected, "\(segment.summary)")
        }
        // Every condition matched something, so the comparison was not vacuous.
        for segment in segments.prefix(conditions.count) {
            var filter = ContactFilter()
            filter.segment = segment
            #expect(try db.contacts.count(scope, filter: filter) > 0, "\(segment.summary) matched nothing")
        }
    }
}
