import Foundation
import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ContactsModelTests {
    /// Given 600 contacts (every fourth a customer) at 20 companies.
    func seeded() throws -> AppSession {
        let session = try SessionFixture.session()
        var companies: [CompanyID] = []
        for i in 0..<20 {
            companies.append(try session.database.companies.add(session.scope, company: Company(name: "Firma \(i)")).id)
        }
        for i in 0..<600 {
            let c = Contact(firstName: "Person", lastName: String(format: "Name%04d", i), email: try EmailAddress("p\(i)@firma.example"),
                            companyID: companies[i % 20], status: i % 4 == 0 ? .customer : .lead)
            _ = try session.database.contacts.add(session.scope, contact: c, force: true)
        }
        return session
    }

    @Test func pagesThroughEveryContactInNameOrderWithCompanyNames() throws {
        let model = ContactsModel(session: try seeded())
        model.setPageSize(50)
        model.send(.reload)
        #expect(model.list.count == 600)
        #expect(model.list.countIsExact)
        #expect(model.selected?.record.contact.lastName == "Name0000")
        #expect(model.selected?.companyName == "Firma 0")
        for _ in 0..<10 { model.send(.move(.pageDown)) }
        #expect(model.selected?.record.contact.lastName == "Name0500")
        model.send(.move(.last))
        #expect(model.selected?.record.contact.lastName == "Name0599")
        #expect(model.selected?.companyName == "Firma 19")
        model.send(.move(.pageUp))
        #expect(model.selected?.record.contact.lastName == "Name0549")
    }

    @Test func statusAndTextFiltersNarrowTheList() throws {
        let model = ContactsModel(session: try seeded())
        model.send(.setStatus(.customer))
        #expect(model.list.count == 150)
        model.send(.setText("name05"))
        #expect(model.list.count == 25)  // Name0500…Name0596, every fourth
        #expect(model.filterSummary == "status customer · /name05")
        model.send(.setText("na"))
        #expect(model.searchHint == "type at least 3 characters to search")
        #expect(model.list.count == 25)
    }

    @Test func marksSurviveMovingAndABulkChangeAppliesToThemOrToAllInTheFilter() throws {
        let model = ContactsModel(session: try seeded())
        model.setPageSize(50)
        model.send(.reload)
        model.send(.toggleMark)  // Name0000, moves down
        model.send(.move(.pageDown))
        model.send(.toggleMark)  // Name0051
        #expect(model.markedCount == 2)
        model.send(.move(.first))
        #expect(model.selected.map(model.isMarked) == true)
        model.send(.bulk(.setStatus(.prospect)))
        #expect(model.lastMessage == "2 contacts set to prospect")
        #expect(model.markedCount == 0)
        model.send(.setStatus(.prospect))
        #expect(model.list.count == 2)

        // All in a filter, minus one left out.
        model.send(.setStatus(.customer))
        model.send(.toggleMarkAll)
        #expect(model.markedCount == 149)  // 150 customers, one of them is a prospect now
        model.send(.toggleMark)
        #expect(model.markedCount == 148)
        model.send(.bulk(.addTag("vip")))
        #expect(model.lastMessage == "148 contacts tagged vip")
        // A new filter starts the marks again.
        model.send(.toggleMarkAll)
        model.send(.setText("name01"))
        #expect(model.markedCount == 0)
    }

    @Test func aReadOnlyUserCannotChangeContacts() throws {
        let admin = try seeded()
        let model = ContactsModel(session: try SessionFixture.other(admin, login: "petra.koch"))
        model.send(.reload)
        #expect(!model.canEdit && !model.canCreate && !model.canDelete)
        model.send(.bulk(.setStatus(.inactive)))
        #expect(model.error?.contains("read-only") == true || model.error?.contains("not") == true)
        #expect(try admin.database.contacts.count(admin.scope, filter: ContactFilter(status: .inactive)) == 0)
    }

    @Test func sortsByStatusAndScoreInBothDirectionsAcrossPages() throws {
        let session = try seeded()
        for (i, r) in try session.database.contacts.page(session.scope, limit: 40).enumerated() {
            try session.database.write { db in
                try db.execute(sql: "UPDATE contacts SET lead_score = ? WHERE id = ?", arguments: [(i * 37) % 100, r.id.rawValue])
            }
        }
        let model = ContactsModel(session: session)
        model.setPageSize(25)
        model.send(.sort(.score))
        model.send(.move(.last))
        #expect(model.selected?.record.contact.leadScore == 99)
        model.send(.sort(.score))  // again: highest first
        #expect(model.filter.descending)
        #expect(model.selected?.record.contact.leadScore == 99)
        var seen: [Int] = []
        for _ in 0..<60 {
            seen.append(model.selected!.record.contact.leadScore)
            model.send(.move(.down))
        }
        #expect(seen == seen.sorted(by: >))
        model.send(.sort(.status))
        #expect(model.selected?.record.contact.status == .customer)
        model.send(.move(.pageDown))
        model.send(.move(.pageDown))
        model.send(.move(.pageUp))
        #expect(model.selected?.record.contact.status == .customer)
        model.send(.move(.last))
        #expect(model.selected?.record.contact.status == .lead)
        #expect(model.selected?.record.contact.lastName == "Name0599")
    }

    @Test func exportWritesWhatTheListShows() throws {
        let model = ContactsModel(session: try seeded())
        model.send(.setStatus(.customer))
        model.send(.setText("name01"))
        let path = NSTemporaryDirectory() + "ccw-export-\(UInt32.random(in: 0...UInt32.max)).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        model.export(to: path)
        #expect(model.lastMessage == "25 contacts written to \(path)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 26)
        #expect(lines[1].contains("Name0100"))
        model.export(to: "/nonexistent-folder/x.csv")
        #expect(model.error?.contains("cannot write") == true)
    }
}
