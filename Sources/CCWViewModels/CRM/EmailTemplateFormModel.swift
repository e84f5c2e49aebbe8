import CCWCore
import CCWDomain

/// Adding or editing an email template: name, subject and body, each with its error (a merge
/// field problem names the line and column).
public final class EmailTemplateFormModel {
    public enum Field: String, CaseIterable, Sendable {
        case name, subject, body

        public var label: String {
            switch self {
            case .name: "Name"
            case .subject: "Subject"
            case .body: "Body"
            }
        }
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(EmailTemplateRecord)
        case invalid
        case failed(String)
    }

    public let session: AppSession
    /// The template being edited; nil for a new one.
    public private(set) var editing: EmailTemplateRecord?
    public private(set) var values: [Field: String]
    public private(set) var errors: [Field: String] = [:]
    public private(set) var lastOutcome: Outcome = .none
    private let original: [Field: String]

    public init(session: AppSession, editing: EmailTemplateRecord? = nil) {
        self.session = session
        self.editing = editing
        let t = editing?.template
        values = [.name: t?.name ?? "", .subject: t?.subject ?? "", .body: t?.body ?? ""]
        original = values
    }

    public func value(_ f: Field) -> String { values[f] ?? "" }
    public var isDirty: Bool { values != original }
    public var template: EmailTemplate { EmailTemplate(name: value(.name), subject: value(.subject), body: value(.body)) }

    public func send(_ f: Field, _ text: String) {
        values[f] = text
        errors[f] = nil
        lastOutcome = .none
    }

    public func save() {
        errors = [:]
        do {
            let db = session.database.emailTemplates
            let record = try editing.map { try db.update(session.scope, id: $0.id, template, expectedVersion: $0.version) }
                ?? db.add(session.scope, template)
            editing = record
            lastOutcome = .saved(record)
        } catch let error as CoreError where !error.fieldErrors.isEmpty {
            for e in error.fieldErrors where errors[Field(rawValue: e.field) ?? .body] == nil {
                errors[Field(rawValue: e.field) ?? .body] = e.message
            }
            lastOutcome = .invalid
        } catch CoreError.duplicate(_, let name) {
            errors[.name] = "a template named \"\(name)\" exists already"
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }
}
