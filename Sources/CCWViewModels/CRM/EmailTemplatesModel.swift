import CCWCore
import CCWDomain

/// CRM › Templates: the organization's email templates by name, the selected one previewed
/// as it would read for a sample contact (the first contact by name), and deleting.
public final class EmailTemplatesModel {
    public let session: AppSession
    public private(set) var templates: [EmailTemplateRecord] = []
    public private(set) var selected = 0
    /// The contact previews are rendered for; nil when the organization has no contacts yet.
    public private(set) var sample: ContactRecord?
    public private(set) var preview: RenderedEmail?
    public private(set) var previewError: String?
    public private(set) var error: String?
    public private(set) var lastMessage: String?

    public enum Intent: Sendable {
        case reload
        case select(Int)
        case move(Int)
        case delete
    }

    public init(session: AppSession) { self.session = session }

    public var canCreate: Bool { session.can(.create, in: .crm) }
    public var canEdit: Bool { session.can(.edit, in: .crm) }
    public var canDelete: Bool { session.can(.delete, in: .crm) }
    public var current: EmailTemplateRecord? { templates.indices.contains(selected) ? templates[selected] : nil }

    public func send(_ intent: Intent) {
        error = nil
        lastMessage = nil
        switch intent {
        case .reload: load()
        case let .select(i): selected = max(0, min(i, templates.count - 1)); render()
        case let .move(by): send(.select(selected + by))
        case .delete: delete()
        }
    }

    /// Shows `record` selected after a save.
    public func reveal(_ id: Int64) {
        load()
        if let i = templates.firstIndex(where: { $0.id == id }) { send(.select(i)) }
    }

    private func load() {
        do {
            templates = try session.database.emailTemplates.list(session.scope)
            sample = try session.database.contacts.page(session.scope, limit: 1).first
        } catch {
            templates = []
            self.error = describe(error)
        }
        selected = max(0, min(selected, templates.count - 1))
        render()
    }

    private func render() {
        preview = nil
        previewError = nil
        guard let current, let sample else { return }
        do {
            preview = try session.database.emailTemplates.preview(session.scope, current.template, contact: sample.id)
        } catch {
            previewError = describe(error)
        }
    }

    private func delete() {
        guard let current else { return }
        do {
            try session.database.emailTemplates.delete(session.scope, id: current.id, expectedVersion: current.version)
            lastMessage = "Template \(current.template.name) deleted"
            load()
        } catch {
            self.error = describe(error)
        }
    }
}
