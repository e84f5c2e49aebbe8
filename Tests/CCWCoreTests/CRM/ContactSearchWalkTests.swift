import CCWDomain
import GRDB
import Testing
@testable import CCWCore

/// The walk of the sorted list that answers searches for common terms (`ContactSearchWalk`)
/// must return exactly the pages of the trigram plan, and give way to it when it cannot.
@Suite struct ContactSearchWalkTests {
    /// Walks that apply at test scale: a term with 40+ matches is walked with a test from
    /// 200 rows, one with 60+ by membership from 300 rows.
    private let small = ContactSearchWalk(probeLimit: 40, minimumBudget: 200, manyMatches: 60, minimumMembershipBudget: 300)

    /// 900 contacts: every first name holds "first", a ninth of the surnames are "Zimmer" (the
    /// end of the alphabet), one is written with the Kelvin sign, one with a long s.
    private func seeded() throws -> SeededDatabase {
        let seeded = try SeededDatabase()
        let lastNames = ["Meier", "müller", "Schmidt", "schmidt", "Adams", "Zimmer", "O'Brien", "de Vries", "Koch"]
        try seeded.database.write(as: seeded.northwind, .create, in: .crm) { access in
            for i in 0..<900 {
                var contact = Contact(firstName: "First\(i % 37)", lastName: lastNames[i % lastNames.count])
                if i == 17 { contact.lastName = "\u{212A}och" }
                if i == 18 { contact.lastName = "Ha\u{017F}e" }
                contact.status = i % 3 == 0 ? .customer : .lead
                contact.leadScore = (i * 7) % 50
                _ = try Contacts.add(access, contact, ownerId: UserID(seeded.northwind.userId), force: true)
            }
        }
        return seeded
    }

    /// Every page of `filter`, `limit` at a time, forwards (or backwards from the end).
    private func pages(_ seeded: SeededDatabase, _ filter: ContactFilter, limit: Int, forwards: Bool,
                       walk: ContactSearchWalk?) throws -> [[Int64]] {
        try seeded.database.read(as: seeded.northwind, in: .crm) { access in
            var pages: [[Int64]] = []
            var cursor: ContactCursor?
            while true {
                let page = try Contacts.fetch(access, filter: filter, cursor: cursor, forwards: forwards, limit: limit, walk: walk)
                pages.append(page.map(\.stamp.id))
                guard page.count == limit, let next = forwards ? page.last : page.first else { break }
                cursor = next.cursor
            }
            return pages
        }
    }

    @Test func walkedPagesEqualTheTrigramPlanInEveryOrder() throws {
        // given 900 contacts whose first names all hold "first"
        let seeded = try seeded()
        var filters: [ContactFilter] = []
        // "first": walked with a test; "müller" (outside ASCII): walked by membership
        for text in ["FIRST", "müller"] {
            for sort in ContactSort.allCases {
                for descending in [false, true] {
                    for status in [nil, ContactStatus.customer] {
                        var filter = ContactFilter(text: text, status: status)
                        filter.sort = sort
                        filter.descending = descending
                        filters.append(filter)
                    }
                }
            }
        }
        for filter in filters {
            for forwards in [true, false] {
                // when paging through with the walk and with the trigram plan alone
                let walked = try pages(seeded, filter, limit: 41, forwards: forwards, walk: small)
                let planned = try pages(seeded, filter, limit: 41, forwards: forwards, walk: nil)
                // then the pages are the same, and cover every match
                #expect(walked == planned, "\(filter.text ?? "") \(filter.sort) descending \(filter.descending) status \(String(describing: filter.status)) forwards \(forwards)")
                // every third contact is a customer, none of them a Müller
                let expected = filter.text == "FIRST" ? (filter.status == nil ? 900 : 300) : (filter.status == nil ? 100 : 0)
                #expect(Set(planned.joined()).count == expected)
            }
        }
    }

    @Test func walkAnswersCommonTermsAndGivesWayOtherwise() throws {
        let seeded = try seeded()
        let results: [String: Int?] = try seeded.database.read(as: seeded.northwind, in: .crm) { access in
            func walked(_ text: String, _ walk: ContactSearchWalk) throws -> Int? {
                try walk.page(access, filter: ContactFilter(text: text), keyset: "",
                              orderBy: "contacts.last_name ASC, contacts.first_name ASC, contacts.id ASC", limit: 3)?.count
            }
            var results: [String: Int?] = [:]
            for text in ["first", "zimmer", "first12", "müller", "fi"] { results[text] = try walked(text, small) }
            results["standard"] = try walked("first", .standard)
            return results
        }
        // a term in every contact: the first 3 rows of the list
        #expect(results["first"] == 3)
        // "Zimmer" is common (100 contacts) but at the end of the alphabet: not within the
        // 200 rows of the tested walk, nor the 600 of the walk by membership
        #expect(results["zimmer"] == .some(nil))
        // a term outside ASCII is walked by membership ("müller" comes before row 600)
        #expect(results["müller"] == 3)
        // rare terms and short terms are left to the trigram plan or LIKE
        #expect(results["first12"] == .some(nil))
        #expect(results["fi"] == .some(nil))
        // with the standard thresholds nothing at this size is common
        #expect(results["standard"] == .some(nil))
        // and the list gives the same answer either way
        let zimmer = try pages(seeded, ContactFilter(text: "zimmer"), limit: 30, forwards: true, walk: small)
        #expect(zimmer.joined().count == 100)
    }

    @Test func rowTestFindsWhatTheTrigramIndexFindsForEveryCharacter() throws {
        // given one row per code point above ASCII, the character three times between letters
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y TEXT)")
            try SearchIndex.create(db, table: "t", columns: ["x", "y"])
            let insert = try db.makeStatement(sql: "INSERT INTO t (id, x, y) VALUES (?, ?, ?)")
            for code in 0x80...0x2FFFF {
                guard let scalar = Unicode.Scalar(code) else { continue }
                let c = String(scalar)
                try insert.execute(arguments: [code, "a" + c + c + c + "z", code % 2 == 0 ? "Quiet" : nil])
            }
            try insert.execute(arguments: [1, "MiXeD case", "50%_off"])
        }
        // when each ASCII letter and digit (tripled, in both cases) and a few phrases are searched
        var texts = (Array("abcdefghijklmnopqrstuvwxyz0123456789")).map { String(repeating: String($0), count: 3) }
        texts += ["KKK", "SsS", "mixed CASE", "0%_", "uie", "quiet kkk"]
        try queue.read { db in
            for text in texts {
                let match = try #require(SearchIndex.matchExpression(text))
                let test = try #require(SearchIndex.rowTest(qualifier: "t", columns: ["x", "y"], text: text))
                let indexed = try Int64.fetchSet(db, sql: "SELECT rowid FROM t_fts WHERE t_fts MATCH ?", arguments: [match])
                let tested = try Int64.fetchSet(db, SQLRequest<Int64>(literal: "SELECT id FROM t WHERE \(test)"))
                // then both find the same rows
                #expect(indexed == tested, "\(text): index \(indexed.count), test \(tested.count)")
            }
        }
        // terms outside ASCII or shorter than three characters get no row test
        #expect(SearchIndex.rowTest(qualifier: "t", columns: ["x"], text: "Wójcik") == nil)
        #expect(SearchIndex.rowTest(qualifier: "t", columns: ["x"], text: "abc de") == nil)
    }
}
