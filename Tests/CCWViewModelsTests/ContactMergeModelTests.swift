import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ContactMergeModelTests {
    @Test func conflictsComeFirstAndTheChosenValuesAreMerged() throws {
        let session = try SessionFixture.session()
        let db = session.database, scope = session.scope
        let firma = try db.companies.add(scope, company: Company(name: "Lefèvre Industries S.A."))
        let a = try #require(try db.contacts.add(scope, contact: Contact(firstName: "Camille", lastName: "Bérard",
                                                                         email: try EmailAddress("camille.berard@lefevre.example"),
                                                                         companyID: firma.id, tags: ["salon"]), force: true).record)
        let b = try #require(try db.contacts.add(scope, contact: Contact(firstName: "Camille", lastName: "Berard",
                                                                         email: try EmailAddress("c.berard@lefevre.example"),
                                                                         title: "Qualité", companyID: firma.id, tags: ["vip"]), force: true).record)
        _ = try db.interactions.log(scope, Interaction(kind: .call, subject: "Audit", completedAt: SessionFixture.now, contactID: b.id))
        let model = ContactMergeModel(session: session, survivor: a, duplicate: b)
        #expect(model.rows.prefix(2).map(\.field) == [.lastName, .email])
        #expect(model.rows[model.selected].field == .lastName)
        #expect(model.text(.company, model.rows.first { $0.field == .company }!.a, of: a.contact) == "Lefèvre Industries S.A.")
        model.send(.move(.down))
        model.send(.take(fromA: false))  // B's email
        #expect(model.merged(model.rows[1]) == "c.berard@lefevre.example")
        // A name cannot be combined: the model says why and keeps the choice.
        model.send(.move(.first))
        model.send(.combine)
        #expect(model.error != nil)
        model.send(.merge)
        let result = try #require(model.result)
        #expect(result.survivor.id == a.id)
        #expect(result.survivor.contact.email?.value == "c.berard@lefevre.example")
        #expect(result.survivor.contact.title == "Qualité")  // A had none
        #expect(result.survivor.contact.tags == ["salon", "vip"])
        #expect(result.movedInteractions == 1)
        #expect(try db.contacts.count(scope) == 1)
        #expect(try db.contacts.overview(scope, id: a.id).timeline.contains { $0.text.contains("merged into") })
    }

    @Test func swapKeepsTheOtherContact() throws {
        let session = try SessionFixture.session()
        let db = session.database, scope = session.scope
        let a = try #require(try db.contacts.add(scope, contact: Contact(firstName: "Jürgen", lastName: "Müller")).record)
        let b = try #require(try db.contacts.add(scope, contact: Contact(firstName: "Juergen", lastName: "Mueller"), force: true).record)
        let model = ContactMergeModel(session: session, survivor: a, duplicate: b)
        model.send(.swap)
        model.send(.merge)
        #expect(model.result?.survivor.id == b.id)
        #expect(model.result?.survivor.contact.fullName == "Juergen Mueller")
    }
}
