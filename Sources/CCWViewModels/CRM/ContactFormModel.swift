import CCWCore
import CCWDomain

/// The new-contact and edit-contact form: text per field, every wrong field reported at once,
/// likely duplicates offered before a new contact is saved, and optimistic locking on edits
/// (reload theirs / keep mine / cancel).
public final class ContactFormModel {
    /// The fields the form shows, in order.
    public static let fields: [ContactField] = [
        .firstName, .lastName, .email, .phone, .mobile, .title, .department, .company, .status, .tags,
        .addressLine1, .postalCode, .city, .country, .source,
    ]

    public enum Intent: Sendable {
        case set(ContactField, String)
        case save
        /// Save although the contact looks like an existing one.
        case saveAnyway
        /// After a conflict: take the stored values and drop the edits.
        case reloadTheirs
        /// After a conflict: save the edits over the newer version.
        case keepMine
    }

    public enum Outcome: Equatable, Sendable {
        case none
        case saved(ContactRecord)
        /// Field errors are in `errors`.
        case invalid
        /// Not saved: these existing contacts look like the same person.
        case likelyDuplicates([DuplicateMatch])
        case conflict(String)
        case failed(String)
    }

    public let session: AppSession
    /// The contact being edited; nil for a new one.
    public private(set) var editing: ContactRecord?
    public private(set) var draft: ContactDraft
    public private(set) var errors: [ContactField: String] = [:]
    public private(set) var lastOutcome: Outcome = .none
    private var initial: ContactDraft
    private var conflictVersion: Int64?

    /// A new contact, optionally at a company (added from the company screen).
    public init(session: AppSession, companyName: String? = nil) {
        self.session = session
        var draft = ContactDraft()
        draft[.status] = ContactStatus.lead.rawValue
        if let companyName { draft[.company] = companyName }
        self.draft = draft
        initial = draft
    }

    /// Editing a stored contact.
    public init(session: AppSession, editing record: ContactRecord) throws {
        self.session = session
        editing = record
        draft = try session.database.contacts.draft(session.scope, of: record)
        initial = draft
    }

    public var isNew: Bool { editing == nil }
    public var isDirty: Bool { draft != initial }
    public func value(_ field: ContactField) -> String { draft[field] }

    public func send(_ intent: Intent) {
        switch intent {
        case let .set(field, text):
            draft[field] = text
            errors[field] = nil
            lastOutcome = .none
        case .save: save(force: false, expected: editing?.version)
        case .saveAnyway: save(force: true, expected: editing?.version)
        case .keepMine: save(force: true, expected: conflictVersion)
        case .reloadTheirs:
            guard let editing else { return }
            do {
                let fresh = try session.database.contacts.get(session.scope, id: editing.id)
                self.editing = fresh
                draft = try session.database.contacts.draft(session.scope, of: fresh)
                initial = draft
                errors = [:]
                conflictVersion = nil
                lastOutcome = .none
            } catch {
                lastOutcome = .failed(describe(error))
            }
        }
    }

    private func save(force: Bool, expected: Int64?) {
        errors = [:]
        let contacts = session.database.contacts, scope = session.scope
        do {
            if let editing {
                guard let expected else { return }
                let saved = try contacts.update(scope, id: editing.id, draft: draft, ownerId: editing.ownerId, expectedVersion: expected)
                self.editing = saved
                initial = draft
                conflictVersion = nil
                lastOutcome = .saved(saved)
                return
            }
            switch try contacts.add(scope, draft: draft, force: force) {
            case let .added(record): lastOutcome = .saved(record)
            case let .likelyDuplicates(matches): lastOutcome = .likelyDuplicates(matches)
            }
        } catch CoreError.conflict(let info) {
            conflictVersion = info.currentVersion
            lastOutcome = .conflict("This contact was changed by \(info.changedBy ?? "a background job") at \(session.timestampText(info.changedAt)).")
        } catch CoreError.invalid(let fieldErrors) {
            for e in fieldErrors { errors[Self.field(named: e.field)] = e.message }
            lastOutcome = .invalid
        } catch CoreError.duplicate(let field, let value) {
            errors[Self.field(named: field)] = "\(value) belongs to another contact"
            lastOutcome = .invalid
        } catch {
            lastOutcome = .failed(describe(error))
        }
    }

    /// The form field a core field name refers to ("first name", "email", "company").
    static func field(named name: String) -> ContactField {
        let key = name.lowercased()
        if let f = ContactField.allCases.first(where: { $0.label == key || $0.rawValue == key }) { return f }
        if key.contains("mail") { return .email }
        if key.contains("mobile") { return .mobile }
        if key.contains("phone") { return .phone }
        if key.contains("company") || key.contains("primary") { return .company }
        if key.contains("name") { return key.contains("last") ? .lastName : .firstName }
        return .firstName
    }
}
