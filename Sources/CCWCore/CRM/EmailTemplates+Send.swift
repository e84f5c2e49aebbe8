import CCWDomain
import GRDB

/// An email ready to be reviewed and sent: the recipient and the filled-in subject and body.
public struct RenderedEmail: Sendable, Hashable {
    /// The contact's email address; empty when the contact has none (sending is then refused).
    public var to: String
    /// "Jürgen Müller", for the compose window and the message's To header.
    public var toName: String
    public var subject: String
    public var body: String

    public init(to: String, toName: String, subject: String, body: String) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.body = body
    }
}

/// What `send` did: the email interaction logged with the contact and the queued outbox event.
public struct QueuedEmail: Sendable, Hashable {
    public var interaction: InteractionRecord
    public var eventId: Int64
    public var to: String
}

extension EmailTemplates {
    /// The outbox event type a queued email is published as (delivered by the notification jobs).
    public static let queuedEvent = "crm.email.queued"

    /// The template filled in for `contact`, its company, its current deal and the logged-in
    /// user as sender.
    public func render(_ scope: Scope, templateId: Int64, contact: ContactID) throws -> RenderedEmail {
        try database.read(as: scope, in: .crm) { access in
            try Self.render(access, try Self.require(access, id: templateId).template, contact: contact)
        }
    }

    /// A template that is not saved (yet) filled in for `contact`: the editor's preview.
    public func preview(_ scope: Scope, _ template: EmailTemplate, contact: ContactID) throws -> RenderedEmail {
        try database.read(as: scope, in: .crm) { access in try Self.render(access, template, contact: contact) }
    }

    /// Logs an outbound email interaction with the contact (and its company) and queues the
    /// message as a `crm.email.queued` outbox event, in one transaction, audited. Refused when
    /// the contact has no email address or the subject or body is empty. Needs CRM `create`.
    @discardableResult
    public func send(_ scope: Scope, contact id: ContactID, subject: String, body: String, templateId: Int64? = nil) throws -> QueuedEmail {
        try database.write(as: scope, .create, in: .crm) { access in
            let record = try Contacts.require(access, id)
            let contact = record.contact
            guard let address = contact.email else {
                throw CoreError.invalid("to", "\(contact.fullName) has no email address: add one to the contact first")
            }
            let subject = subject.trimmingCharacters(in: .whitespaces)
            var errors: [FieldError] = []
            if subject.isEmpty { errors.append(FieldError(field: "subject", message: "a subject is required")) }
            if subject.contains(where: \.isNewline) { errors.append(FieldError(field: "subject", message: "must be one line")) }
            if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(FieldError(field: "body", message: "the body is empty: write the message"))
            }
            try CRMStore.check(errors)
            var template: EmailTemplateRecord?
            if let templateId { template = try Self.require(access, id: templateId) }
            let interaction = try Interactions.log(access, Interaction(
                kind: .email, subject: String(subject.prefix(200)), description: body, completedAt: access.now,
                contactID: id, companyID: contact.companyID, participants: [UserID(access.scope.userId)],
                status: .completed, direction: .outbound))
            let sender = try Self.sender(access)
            var payload: [String: JSONValue] = [
                "to": .string(address.value), "to_name": .string(contact.fullName), "subject": .string(subject), "body": .string(body),
                "from": .string(sender.email), "from_name": .string(sender.name),
                "contact_id": .int(id.rawValue), "contact_uid": .string(record.stamp.uid),
                "interaction_id": .int(interaction.id), "interaction_uid": .string(interaction.stamp.uid),
                "template_id": template.map { .int($0.id) } ?? .null,
            ]
            if let template { payload["template_name"] = .string(template.template.name) }
            let eventId = try EventOutbox.publish(access.db, scope: access.scope, type: Self.queuedEvent, payload: payload)
            let via = template.map { " from template \($0.template.name)" } ?? ""
            try access.audit("email", id: interaction.id, uid: interaction.stamp.uid, .create,
                             "email \"\(subject)\" queued to \(address.value)\(via)", after: JSONValue.object(payload))
            return QueuedEmail(interaction: interaction, eventId: eventId, to: address.value)
        }
    }

    // MARK: Inside a transaction

    static func render(_ access: ScopedDatabase, _ template: EmailTemplate, contact id: ContactID) throws -> RenderedEmail {
        let contact = try Contacts.require(access, id).contact
        // A deleted company or deal leaves its fields empty rather than refusing the email.
        let company = contact.companyID.flatMap { try? Companies.require(access, $0) }?.company
        var deal: Deal?
        var stageName = ""
        if let dealID = contact.currentDealID, let record = try? Deals.require(access, dealID) {
            deal = record.deal
            stageName = (try? Pipelines.pipeline(access, record.deal.pipelineID))?.stages.first { $0.id == record.deal.stageID }?.name ?? ""
        }
        let values = MergeFields.values(contact: contact, company: company, deal: deal, stageName: stageName,
                                        sender: try sender(access), organization: access.scope.orgName)
        return RenderedEmail(
            to: contact.email?.value ?? "", toName: contact.fullName,
            subject: try MergeFieldRenderer.render(template.subject, values: values, field: "subject")
                .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces),
            body: try MergeFieldRenderer.render(template.body, values: values, field: "body"))
    }

    /// The logged-in user as the sender: display name and email address (empty when none).
    static func sender(_ access: ScopedDatabase) throws -> MergeFields.Sender {
        let row = try Row.fetchOne(access.db, sql: "SELECT display_name, email FROM users WHERE id = ?", arguments: [access.scope.userId])
        return MergeFields.Sender(name: row?["display_name"] ?? access.scope.displayName, email: row?["email"] ?? "")
    }
}
