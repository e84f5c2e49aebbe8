import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct ContactSegmentListTests {
    /// 2,500 contacts; every seventh is tagged "VIP" (in varying case), every third a customer.
    func seeded() throws -> (SeededDatabase, Scope) {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let big = try seeded.database.companies.add(scope, company: Company(name: "Groß AG", employeeCount: CompanySize.bands[3]))
        try seeded.database.write { db in
            for i in 0..<2500 {
                let tags = i % 7 == 0 ? (i % 2 == 0 ? "[\"VIP\"]" : "[\"vip\"]") : "[]"
                try db.execute(sql: """
                    INSERT INTO contacts (uid, org_id, first_name, last_name, status, tags, company_id, created_at, updated_at)
                    VALUES (?, ?, 'Person', ?, ?, ?, ?, 0, 0)
                    """, arguments: ["c\(i)", scope.orgId, String(format: "Näme%05d", i), i % 3 == 0 ? "customer" : "lead", tags,
                                     i % 5 == 0 ? big.id.rawValue : nil])
            }
        }
        return (seeded, scope)
    }

    @Test func aSegmentPagesInBothDirectionsWithoutGapsAndCountsUpToTheCap() throws {
        let (seeded, scope) = try seeded()
        let contacts = seeded.database.contacts
        var filter = ContactFilter()
        filter.segment = Segment(name: "VIP customers", conditions: [ContactCondition(.status, .equals("Customer")),
                                                                      ContactCondition(.tags, .equals("vip"))])
        let expected = (0..<2500).filter { $0 % 7 == 0 && $0 % 3 == 0 }.map { String(format: "Näme%05d", $0) }
        var seen: [String] = []
        var cursor: ContactCursor?
        while true {
            let page = try contacts.page(scope, filter: filter, after: cursor, limit: 25)
            seen += page.map(\.contact.lastName)
            guard page.count == 25, let last = page.last else { break }
            cursor = last.cursor
        }
        #expect(seen == expected)
        let lastPage = try contacts.page(scope, filter: filter, before: nil, limit: 25)
        #expect(lastPage.map(\.contact.lastName) == Array(expected.suffix(25)))
        let before = try contacts.page(scope, filter: filter, before: lastPage.first!.cursor, limit: 25)
        #expect(before.map(\.contact.lastName) == Array(expected.dropLast(25).suffix(25)))
        #expect(try contacts.countMatching(scope, filter: filter, cap: 1000) == (expected.count, true))
        #expect(try contacts.countMatching(scope, filter: filter, cap: 50) == (50, false))
        #expect(try contacts.ids(scope, filter: filter).count == expected.count)
    }

    @Test func companyFactsAndAnyMatchWork() throws {
        let (seeded, scope) = try seeded()
        var filter = ContactFilter()
        filter.segment = Segment(name: "Big or VIP", match: .any, conditions: [ContactCondition(.companySize, .atLeast(201)),
                                                                                ContactCondition(.tags, .equals("VIP"))])
        let expected = (0..<2500).filter { $0 % 5 == 0 || $0 % 7 == 0 }.count
        #expect(try seeded.database.contacts.count(scope, filter: filter) == expected)
        // Harbour sees none of them.
        #expect(try seeded.database.contacts.count(seeded.harbour, filter: filter) == 0)
    }
}
