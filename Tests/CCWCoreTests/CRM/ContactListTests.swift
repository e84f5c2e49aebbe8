import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct ContactListTests {
    /// 2,000 contacts with repeated and mixed-case names, added in one transaction.
    private func seeded(count: Int = 2000) throws -> SeededDatabase {
        let seeded = try SeededDatabase()
        let lastNames = ["Meier", "müller", "Schmidt", "schmidt", "Adams", "Zimmer", "O'Brien", "de Vries", ""]
        try seeded.database.write(as: seeded.northwind, .create, in: .crm) { access in
            for i in 0..<count {
                var contact = Contact(firstName: "First\(i % 37)", lastName: lastNames[i % lastNames.count])
                if contact.lastName.isEmpty { contact.firstName = "Solo\(i)" }
                contact.status = i % 3 == 0 ? .customer : .lead
                if i == 1234 { contact.email = try EmailAddress("needle.person@haystack.example") }
                _ = try Contacts.add(access, contact, ownerId: UserID(seeded.northwind.userId), force: true)
            }
        }
        return seeded
    }

    @Test func keysetPagesForwardsAndBackEqualTheSortedList() throws {
        // given 2,000 contacts
        let seeded = try seeded()
        let scope = seeded.northwind
        let all = try seeded.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id FROM contacts WHERE org_id = ? AND deleted_at IS NULL
                ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id
                """, arguments: [scope.orgId]).map { $0["id"] as Int64 }
        }
        #expect(all.count == 2000)
        // when paging forwards 73 at a time
        var forwards: [Int64] = []
        var cursor: ContactCursor?
        while true {
            let page = try seeded.database.contacts.page(scope, after: cursor, limit: 73)
            forwards += page.map(\.stamp.id)
            guard let last = page.last, page.count == 73 else { break }
            cursor = last.cursor
        }
        // then every contact appears once, in name order
        #expect(forwards == all)
        // when paging back from the end
        var backwards: [Int64] = []
        var before: ContactCursor?
        repeat {
            let page = try seeded.database.contacts.page(scope, before: before, limit: 73)
            backwards = page.map(\.stamp.id) + backwards
            before = page.first?.cursor
            if page.count < 73 { break }
        } while true
        #expect(backwards == all)
        // and a filtered list pages the same way
        let customers = try seeded.database.contacts.page(scope, filter: ContactFilter(status: .customer), limit: 1000)
        #expect(customers.count == 667 && customers.allSatisfy { $0.contact.status == .customer })
        #expect(try seeded.database.contacts.count(scope, filter: ContactFilter(status: .customer)) == 667)
    }

    @Test func textSearchFindsSubstringsAndCapsItsCount() throws {
        let seeded = try seeded()
        let scope = seeded.northwind
        // a substring from the middle of an email address
        let found = try seeded.database.contacts.page(scope, filter: ContactFilter(text: "dle.pers"))
        #expect(found.map { $0.contact.email?.value } == ["needle.person@haystack.example"])
        // case and several terms
        #expect(try seeded.database.contacts.count(scope, filter: ContactFilter(text: "SCHMIDT first3")) > 0)
        // a common term is counted up to the cap only
        let capped = try seeded.database.contacts.countMatching(scope, filter: ContactFilter(text: "first"), cap: 100)
        #expect(capped.count == 100 && !capped.exact)
        let exact = try seeded.database.contacts.countMatching(scope, filter: ContactFilter(text: "meier"), cap: 1000)
        #expect(exact.exact && exact.count == 223)
        // short text falls back to LIKE
        #expect(try seeded.database.contacts.count(scope, filter: ContactFilter(text: "'B")) == 222)
        // text search results page by name too
        let first = try seeded.database.contacts.page(scope, filter: ContactFilter(text: "meier"), limit: 100)
        let rest = try seeded.database.contacts.page(scope, filter: ContactFilter(text: "meier"), after: first.last?.cursor, limit: 200)
        #expect(first.count + rest.count == 223)
        #expect(Set(first.map(\.stamp.id)).isDisjoint(with: rest.map(\.stamp.id)))
        // another organization's contacts are never found
        #expect(try seeded.database.contacts.count(seeded.harbour, filter: ContactFilter(text: "meier")) == 0)
    }
}
