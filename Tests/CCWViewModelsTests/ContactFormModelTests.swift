import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct ContactFormModelTests {
    func fill(_ model: ContactFormModel, _ values: [ContactField: String]) {
        for (field, text) in values { model.send(.set(field, text)) }
    }

    @Test func aBadEmailIsRefusedOnItsFieldAndNothingIsSaved() throws {
        let session = try SessionFixture.session()
        let model = ContactFormModel(session: session)
        fill(model, [.firstName: "Anna", .lastName: "Schmidt", .email: "anna@", .phone: "030 1234567"])
        model.send(.save)
        #expect(model.lastOutcome == .invalid)
        #expect(model.errors[.email]?.contains("domain is missing") == true)
        #expect(try session.database.contacts.count(session.scope) == 0)
        // Fixing the field and saving again keeps everything else that was typed.
        model.send(.set(.email, "anna@schmidt.example"))
        #expect(model.errors[.email] == nil)
        model.send(.save)
        guard case let .saved(record) = model.lastOutcome else { Issue.record("not saved: \(model.lastOutcome)"); return }
        #expect(record.contact.fullName == "Anna Schmidt")
        #expect(record.contact.email?.value == "anna@schmidt.example")
        #expect(record.contact.phone?.e164 == "+49301234567")
    }

    @Test func aMissingNameAndAnUnknownCompanyAreBothReported() throws {
        let session = try SessionFixture.session()
        let model = ContactFormModel(session: session)
        fill(model, [.email: "x@y.example"])
        model.send(.save)
        #expect(model.errors[.firstName] != nil)
        fill(model, [.firstName: "Zoë", .company: "Nowhere GmbH"])
        model.send(.save)
        #expect(model.errors[.company]?.contains("no company \"Nowhere GmbH\"") == true)
    }

    @Test func aLikelyDuplicateIsOfferedBeforeSavingAndCanBeSavedAnyway() throws {
        let session = try SessionFixture.session()
        let firma = try session.database.companies.add(session.scope, company: Company(name: "Müller & Söhne GmbH"))
        _ = try session.database.contacts.add(session.scope, contact: Contact(firstName: "Jürgen", lastName: "Müller", companyID: firma.id))
        let model = ContactFormModel(session: session, companyName: "Müller & Söhne GmbH")
        fill(model, [.firstName: "Jürgen", .lastName: "Mueller"])
        model.send(.save)
        guard case let .likelyDuplicates(matches) = model.lastOutcome else { Issue.record("no offer: \(model.lastOutcome)"); return }
        #expect(matches.first?.name == "Jürgen Müller")
        #expect(try session.database.contacts.count(session.scope) == 1)
        model.send(.saveAnyway)
        #expect(model.lastOutcome.isSaved)
        #expect(try session.database.contacts.count(session.scope) == 2)
    }

    @Test func anEditThatConflictsOffersReloadOrKeepMine() throws {
        let session = try SessionFixture.session()
        let other = try SessionFixture.other(session, login: "anna.schmidt")
        let added = try #require(try session.database.contacts.add(session.scope, contact: Contact(firstName: "Łukasz", lastName: "Nowak")).record)
        let model = try ContactFormModel(session: session, editing: added)
        #expect(model.value(.firstName) == "Łukasz")
        model.send(.set(.title, "Einkauf"))
        // Someone else saves the contact in between.
        let theirs = try ContactFormModel(session: other, editing: added)
        theirs.send(.set(.department, "Logistik"))
        theirs.send(.save)
        #expect(theirs.lastOutcome.isSaved)
        model.send(.save)
        guard case let .conflict(message) = model.lastOutcome else { Issue.record("no conflict: \(model.lastOutcome)"); return }
        #expect(message.contains("anna.schmidt"))
        model.send(.keepMine)
        #expect(model.lastOutcome.isSaved)
        let stored = try session.database.contacts.get(session.scope, id: added.id)
        #expect(stored.contact.title == "Einkauf")
        #expect(stored.contact.department == "")  // keep mine saved the whole form over theirs

        // Reload theirs takes the stored values and drops the edits.
        model.send(.set(.title, "Vertrieb"))
        model.send(.reloadTheirs)
        #expect(model.value(.title) == "Einkauf")
        #expect(!model.isDirty)
    }
}

extension ContactFormModel.Outcome {
    var isSaved: Bool { if case .saved = self { true } else { false } }
}
