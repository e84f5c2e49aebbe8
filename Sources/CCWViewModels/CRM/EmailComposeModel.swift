import CCWCore
import CCWDomain

/// "Email this contact": pick a template (or none), which fills in subject and body for the
/// contact; edit both; send, which logs an email interaction and queues the message in the
/// outbox. Errors are kept by field (to, template, subject, body).
public final class EmailComposeModel {
    public enum Field: String, CaseIterable, Sendable {
        case to, template, subject, body

        public var label: String {
            switch self {
            case .to: "To"
            case .template: "Template"
            case .subject: "Subject"
            case .body: "Body"
            }
        }
    }

    public enum Intent: Sendable {
        /// Reads the contact and the template list again.
        case reload
        /// Fills subject and body from a template (nil: no template, the fields are kept).
        case chooseTemplate(Int64?)
        case setSubject(String)
        case setBody(String)
        case send
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case sent(QueuedEmail)
        case invalid
        case failed(String)
    }

    public let session: AppSession
    public let contactID: ContactID
    public private(set) var contactName = ""
    /// The contact's email address; empty when it has none (sending is refused, `errors[.to]` says why).
    public private(set) var to = ""
    public private(set) var templates: [EmailTemplateRecord] = []
    public private(set) var templateID: Int64?
    public private(set) var subject = ""
    public private(set) var body = ""
    public private(set) var errors: [Field: String] = [:]
    public private(set) var lastOutcome: Outcome = .none
    /// Subject and body as last filled in from a template (or empty): what "edited" compares with.
    private var rendered = (subject: "", body: "")

    public init(session: AppSession, contact: ContactID) {
        self.session = session
        contactID = contact
        send(.reload)
    }

    public var canSend: Bool { session.can(.create, in: .crm) }
    /// True when subject or body differ from what the template filled in.
    public var isEdited: Bool { subject != rendered.subject || body != rendered.body }
    public var template: EmailTemplateRecord? { templates.first { $0.id == templateID } }
    /// "Angebot nachfassen" or "(none)", for the template field.
    public var templateName: String { template?.template.name ?? Self.noTemplate }
    public static let noTemplate = "(none)"

    public func send(_ intent: Intent) {
        lastOutcome = .none
        switch intent {
        case .reload: load()
        case let .chooseTemplate(id): choose(id)
        case let .setSubject(text): subject = text; errors[.subject] = nil
        case let .setBody(text): body = text; errors[.body] = nil
        case .send: deliver()
        }
    }

    private func load() {
        errors = [:]
        do {
            let contact = try session.database.contacts.get(session.scope, id: contactID).contact
            contactName = contact.fullName
            to = contact.email?.value ?? ""
            if to.isEmpty { errors[.to] = "\(contact.fullName) has no email address: add one to the contact first" }
        } catch {
            errors[.to] = describe(error)
        }
        do {
            templates = try session.database.emailTemplates.list(session.scope)
        } catch {
            templates = []
            errors[.template] = describe(error)
        }
        if let templateID, !templates.contains(where: { $0.id == templateID }) { self.templateID = nil }
    }

    private func choose(_ id: Int64?) {
        errors[.template] = nil
        guard let id else { templateID = nil; return }
        do {
            let email = try session.database.emailTemplates.render(session.scope, templateId: id, contact: contactID)
            templateID = id
            subject = email.subject
            body = email.body
            rendered = (email.subject, email.body)
            errors[.subject] = nil
            errors[.body] = nil
        } catch {
            // A template that does not render names its field and line: show it on the template.
            errors[.template] = (error as? CoreError)?.fieldErrors.map(\.description).joined(separator: "; ") ?? describe(error)
        }
    }

    private func deliver() {
        errors = errors.filter { $0.key == .template }
        do {
            let queued = try session.database.emailTemplates.send(session.scope, contact: contactID, subject: subject, body: body,
                                                                  templateId: templateID)
            lastOutcome = .sent(queued)
            rendered = (subject, body)
        } catch let error as CoreError where !error.fieldErrors.isEmpty {
            for e in error.fieldErrors { errors[Field(rawValue: e.field) ?? .body] = e.message }
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }
}
