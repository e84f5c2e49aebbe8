import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct EmailTemplatesModelTests {
    @Test func theFormSavesAndNamesTheFieldOfEachProblem() throws {
        let session = try SessionFixture.session()
        let form = EmailTemplateFormModel(session: session)
        form.send(.name, "Rückruf")
        form.send(.subject, "Rückruf, {{contact.first_name}}")
        form.send(.body, "Hallo,\nbitte rufen Sie {{sender.nam}} zurück.")
        #expect(form.isDirty)
        form.save()
        #expect(form.lastOutcome == .invalid)
        #expect(form.errors[.body] == "line 2, column 17: {{sender.nam}}: unknown field; did you mean sender.name?")
        form.send(.body, "Hallo,\nbitte rufen Sie {{sender.name}} zurück.")
        form.save()
        guard case let .saved(record) = form.lastOutcome else { Issue.record("not saved: \(form.lastOutcome)"); return }
        #expect(record.template.name == "Rückruf")
        let second = EmailTemplateFormModel(session: session)
        second.send(.name, "rückruf")
        second.send(.subject, "x")
        second.send(.body, "y")
        second.save()
        #expect(second.errors[.name] == "a template named \"rückruf\" exists already")
    }

    @Test func theListPreviewsTheSelectedTemplateForASampleContactAndDeletes() throws {
        let session = try SessionFixture.session()
        var zoe = Contact(firstName: "Zoë", lastName: "Kramer")
        zoe.email = try EmailAddress("zoe@kramer.example")
        _ = try session.database.contacts.add(session.scope, contact: zoe)
        let db = session.database.emailTemplates
        _ = try db.add(session.scope, EmailTemplate(name: "B", subject: "Hi {{contact.first_name}}", body: "Body B"))
        _ = try db.add(session.scope, EmailTemplate(name: "A", subject: "Hallo {{contact.full_name}}", body: "Body A"))
        let model = EmailTemplatesModel(session: session)
        model.send(.reload)
        #expect(model.templates.map(\.template.name) == ["A", "B"])
        #expect(model.preview?.subject == "Hallo Zoë Kramer" && model.preview?.to == "zoe@kramer.example")
        model.send(.move(1))
        #expect(model.preview?.subject == "Hi Zoë")
        model.send(.delete)
        #expect(model.lastMessage == "Template B deleted")
        #expect(model.templates.map(\.template.name) == ["A"] && model.selected == 0)
    }
}
