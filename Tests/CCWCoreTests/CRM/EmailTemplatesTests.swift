import CCWDomain
import GRDB
import Testing
@testable import CCWCore

@Suite struct EmailTemplatesTests {
    private let offer = EmailTemplate(
        name: "Angebot nachfassen",
        subject: "Ihr Angebot, {{contact.first_name}}",
        body: """
            Hallo {{contact.full_name}},
            {{#company.name}}wie geht es bei {{company.name}}?{{/company.name}}{{^company.name}}wie geht es Ihnen?{{/company.name}}
            Grüße, {{sender.name}} ({{org.name}})
            """)

    @Test func rendersUnicodeNamesAndAmpersandsAsPlainText() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let company = try db.companies.add(scope, company: Company(name: "Müller & Söhne <GmbH>"))
        var zoe = draft("Zoë", "Ærø-Łukasz", email: "zoe@mueller.example")
        zoe[.company] = company.company.name
        let contact = try db.contacts.add(scope, draft: zoe, force: true).saved()
        let template = try db.emailTemplates.add(scope, offer)
        let email = try db.emailTemplates.render(scope, templateId: template.id, contact: contact.id)
        #expect(email.to == "zoe@mueller.example")
        #expect(email.subject == "Ihr Angebot, Zoë")
        #expect(email.body == """
            Hallo Zoë Ærø-Łukasz,
            wie geht es bei Müller & Söhne <GmbH>?
            Grüße, Ada Admin (Northwind Trading GmbH)
            """)
        // Without a company the inverted section shows instead.
        let solo = try seeded.addContact(scope, "東京", "太郎", email: "taro@example.jp")
        let soloEmail = try db.emailTemplates.render(scope, templateId: template.id, contact: solo.id)
        #expect(soloEmail.body.contains("wie geht es Ihnen?"))
        #expect(!soloEmail.body.contains("bei"))
    }

    @Test func unknownFieldsAreRefusedWithLineAndColumn() throws {
        let seeded = try SeededDatabase()
        let bad = EmailTemplate(name: "Bad", subject: "Hi {{contact.first_name}}", body: "Hallo,\n  {{contact.frist_name}} und {{#company.name}}offen")
        let error = coreError { _ = try seeded.database.emailTemplates.add(seeded.northwind, bad) }
        let messages = error?.fieldErrors ?? []
        #expect(messages.contains(FieldError(field: "body",
                                             message: "line 2, column 3: {{contact.frist_name}}: unknown field; did you mean contact.first_name?")))
        #expect(messages.contains { $0.field == "body" && $0.message.hasPrefix("line 2, column 30: {{#company.name}}: section is never closed") })
        #expect(error?.exitCode == 1)
        #expect(try seeded.database.emailTemplates.list(seeded.northwind).isEmpty)
        // the subject is checked too
        let badSubject = EmailTemplate(name: "Bad", subject: "Hi {{vorname}}", body: "ok")
        let subjectError = coreError { _ = try seeded.database.emailTemplates.add(seeded.northwind, badSubject) }
        #expect(subjectError?.fieldErrors.first?.field == "subject")
        #expect(subjectError?.fieldErrors.first?.message.hasPrefix("line 1, column 4: {{vorname}}: unknown field") == true)
    }

    @Test func namesAreUniquePerOrganizationAndEditsAreVersioned() throws {
        let seeded = try SeededDatabase()
        let db = seeded.database
        let first = try db.emailTemplates.add(seeded.northwind, offer)
        #expect(coreError { _ = try db.emailTemplates.add(seeded.northwind, offer) } == .duplicate(field: "template name", value: offer.name))
        // the other organization may use the same name
        _ = try db.emailTemplates.add(seeded.harbour, offer)
        var edited = offer
        edited.subject = "Kurze Frage, {{contact.first_name}}"
        let saved = try db.emailTemplates.update(seeded.northwind, id: first.id, edited, expectedVersion: first.version)
        #expect(saved.version == first.version + 1)
        #expect(try db.emailTemplates.get(seeded.northwind, name: "angebot NACHFASSEN").template.subject == edited.subject)
        let stale = coreError { _ = try db.emailTemplates.update(seeded.northwind, id: first.id, offer, expectedVersion: first.version) }
        #expect(stale?.exitCode == 3)
        try db.emailTemplates.delete(seeded.northwind, id: first.id, expectedVersion: saved.version)
        #expect(try db.emailTemplates.list(seeded.northwind).isEmpty)
        // the name is free again once deleted
        _ = try db.emailTemplates.add(seeded.northwind, offer)
    }

    @Test func sendingLogsTheEmailAndQueuesItInOneAuditedTransaction() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let company = try db.companies.add(scope, company: Company(name: "Müller & Söhne"))
        var jurgen = draft("Jürgen", "Müller", email: "j.mueller@mueller.example")
        jurgen[.company] = company.company.name
        let contact = try db.contacts.add(scope, draft: jurgen, force: true).saved()
        let template = try db.emailTemplates.add(scope, offer)
        let auditBefore = try seeded.auditCount(scope.orgId)
        let queued = try db.emailTemplates.send(scope, contact: contact.id, subject: "Ihr Angebot", body: "Hallo Jürgen,\nbis bald.",
                                                templateId: template.id)
        let interaction = queued.interaction.interaction
        #expect(interaction.kind == .email && interaction.direction == .outbound && interaction.status == .completed)
        #expect(interaction.subject == "Ihr Angebot" && interaction.description == "Hallo Jürgen,\nbis bald.")
        #expect(interaction.contactID == contact.id && interaction.companyID == company.id)
        #expect(interaction.completedAt == db.now())
        let event = try #require(try db.outbox.list(scope).first { $0.id == queued.eventId })
        #expect(event.type == EmailTemplates.queuedEvent)
        let payload = try event.decode([String: JSONValue].self)
        #expect(payload["to"] == .string("j.mueller@mueller.example"))
        #expect(payload["subject"] == .string("Ihr Angebot"))
        #expect(payload["body"] == .string("Hallo Jürgen,\nbis bald."))
        #expect(payload["contact_id"] == .int(contact.id.rawValue) && payload["contact_uid"] == .string(contact.stamp.uid))
        #expect(payload["template_id"] == .int(template.id))
        // the interaction and the email are both audited
        #expect(try seeded.auditCount(scope.orgId) == auditBefore + 2)
        let timeline = try db.interactions.timeline(scope, of: .contact(contact.id))
        #expect(timeline.map(\.id) == [queued.interaction.id])
    }

    @Test func aFailedSendLeavesNothingBehind() throws {
        let seeded = try SeededDatabase()
        let scope = seeded.northwind
        let db = seeded.database
        let noMail = try seeded.addContact(scope, "Søren", "Andersen")
        let withMail = try seeded.addContact(scope, "Ana", "Lima", email: "ana@example.br")
        let events = try db.outbox.list(scope).count
        let audit = try seeded.auditCount(scope.orgId)
        let refused = coreError { try db.emailTemplates.send(scope, contact: noMail.id, subject: "Hallo", body: "Text") }
        #expect(refused == .invalid([FieldError(field: "to", message: "Søren Andersen has no email address: add one to the contact first")]))
        let empty = coreError { try db.emailTemplates.send(scope, contact: withMail.id, subject: " ", body: "\n") }
        #expect(Set(empty?.fieldErrors.map(\.field) ?? []) == ["subject", "body"])
        // an unknown template rolls back the interaction already inserted in the transaction
        #expect(coreError { try db.emailTemplates.send(scope, contact: withMail.id, subject: "Hi", body: "Text", templateId: 999) }?.exitCode == 1)
        #expect(try db.interactions.timeline(scope, of: .contact(withMail.id)).isEmpty)
        #expect(try db.outbox.list(scope).count == events)
        #expect(try seeded.auditCount(scope.orgId) == audit)
    }

    @Test func readOnlyMayRenderButNotSendOrEdit() throws {
        let seeded = try SeededDatabase()
        let db = seeded.database
        let contact = try seeded.addContact(seeded.northwind, "Petra", "Kunde", email: "pk@example.de")
        let template = try db.emailTemplates.add(seeded.northwind, offer)
        let petra = try seeded.scope("petra.koch")
        #expect(try db.emailTemplates.render(petra, templateId: template.id, contact: contact.id).subject == "Ihr Angebot, Petra")
        #expect(coreError { try db.emailTemplates.send(petra, contact: contact.id, subject: "x", body: "y") }?.exitCode == 4)
        #expect(coreError { _ = try db.emailTemplates.add(petra, EmailTemplate(name: "N", subject: "S", body: "B")) }?.exitCode == 4)
        #expect(coreError { try db.emailTemplates.delete(petra, id: template.id, expectedVersion: template.version) }?.exitCode == 4)
    }

    @Test func anotherOrganizationsTemplatesAndContactsAreOutOfReach() throws {
        let seeded = try SeededDatabase()
        let db = seeded.database
        let theirs = try db.emailTemplates.add(seeded.harbour, offer)
        let theirContact = try seeded.addContact(seeded.harbour, "Oliver", "Client", email: "oc@harbour.example")
        let ours = try seeded.addContact(seeded.northwind, "Anna", "Kundin", email: "ak@example.de")
        #expect(try db.emailTemplates.list(seeded.northwind).isEmpty)
        #expect(coreError { _ = try db.emailTemplates.get(seeded.northwind, id: theirs.id) }?.exitCode == 1)
        #expect(coreError { _ = try db.emailTemplates.get(seeded.northwind, name: offer.name) }?.exitCode == 1)
        #expect(coreError { _ = try db.emailTemplates.render(seeded.northwind, templateId: theirs.id, contact: ours.id) }?.exitCode == 1)
        #expect(coreError { try db.emailTemplates.send(seeded.northwind, contact: theirContact.id, subject: "x", body: "y") }?.exitCode == 1)
        #expect(coreError { _ = try db.emailTemplates.update(seeded.northwind, id: theirs.id, offer, expectedVersion: theirs.version) }?.exitCode == 1)
        #expect(try db.emailTemplates.get(seeded.harbour, id: theirs.id).version == theirs.version)
    }
}
