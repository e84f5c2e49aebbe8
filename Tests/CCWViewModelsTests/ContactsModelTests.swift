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
}
