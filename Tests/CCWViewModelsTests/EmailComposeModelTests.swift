import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct EmailComposeModelTests {
    private func contact(_ session: AppSession, _ first: String, _ last: String, email: String?) throws -> ContactRecord {
        var c = Contact(firstName: first, lastName: last)
        c.email = try email.map { try EmailAddress($0) }
        return try #require(try session.database.contacts.add(session.scope, contact: c).record)
    }

    private func template(_ session: AppSession) throws -> EmailTemplateRecord {
        try session.database.emailTemplates.add(session.scope, EmailTemplate(
            name: "Follow-up", subject: "Following up, {{contact.first_name}}",
            body: "Hi {{contact.first_name}},\n\nthanks for your time.\n{{sender.name}}"))
    }

    @Test func choosingATemplateRendersItEditingAndSendingQueuesTheEmail() throws {
        let session = try SessionFixture.session()
        let zoe = try contact(session, "Zoë", "Kramer", email: "zoe@kramer.example")
        let followUp = try template(session)
        let model = EmailComposeModel(session: session, contact: zoe.id)
        #expect(model.to == "zoe@kramer.example" && model.contactName == "Zoë Kramer")
        #expect(model.templates.map(\.id) == [followUp.id])
        #expect(model.templateName == EmailComposeModel.noTemplate && !model.isEdited)
        model.send(.chooseTemplate(followUp.id))
        #expect(model.subject == "Following up, Zoë")
        #expect(model.body == "Hi Zoë,\n\nthanks for your time.\nAda Admin")
        #expect(!model.isEdited && model.templateName == "Follow-up")
        model.send(.setBody(model.body + "\nP.S. See you in Köln."))
        #expect(model.isEdited)
        model.send(.send)
        guard case let .sent(queued) = model.lastOutcome else { Issue.record("not sent: \(model.lastOutcome)"); return }
        #expect(queued.to == "zoe@kramer.example")
        #expect(queued.interaction.interaction.description.hasSuffix("P.S. See you in Köln."))
        #expect(!model.isEdited)
        let event = try #require(try session.database.outbox.list(session.scope).first { $0.id == queued.eventId })
        #expect(event.type == "crm.email.queued")
    }

    @Test func errorsAreKeptByField() throws {
        let session = try SessionFixture.session()
        let soren = try contact(session, "Søren", "Andersen", email: nil)
        let model = EmailComposeModel(session: session, contact: soren.id)
        #expect(model.errors[.to] == "Søren Andersen has no email address: add one to the contact first")
        model.send(.setSubject("Hallo"))
        model.send(.setBody("Text"))
        model.send(.send)
        #expect(model.lastOutcome == .invalid)
        #expect(model.errors[.to]?.contains("no email address") == true)
        let ana = try contact(session, "Ana", "Lima", email: "ana@example.br")
        let other = EmailComposeModel(session: session, contact: ana.id)
        other.send(.setSubject("  "))
        other.send(.send)
        #expect(other.lastOutcome == .invalid)
        #expect(other.errors[.subject] == "a subject is required")
        #expect(other.errors[.body] == "the body is empty: write the message")
        other.send(.setSubject("Hallo"))
        #expect(other.errors[.subject] == nil && other.errors[.body] != nil)
    }

    @Test func readOnlyMayPreviewButNotSend() throws {
        let session = try SessionFixture.session()
        let ana = try contact(session, "Ana", "Lima", email: "ana@example.br")
        let followUp = try template(session)
        let petra = try SessionFixture.other(session, login: "petra.koch")
        let model = EmailComposeModel(session: petra, contact: ana.id)
        #expect(!model.canSend)
        model.send(.chooseTemplate(followUp.id))
        #expect(model.subject == "Following up, Ana")
        model.send(.send)
        guard case let .failed(message) = model.lastOutcome else { Issue.record("sent by read-only: \(model.lastOutcome)"); return }
        #expect(message.lowercased().contains("read-only"))
    }
}
