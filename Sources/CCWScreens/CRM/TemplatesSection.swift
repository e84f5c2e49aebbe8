import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Templates: the organization's email templates by name beside (or, when narrow, above)
/// a preview of the selected one rendered for a sample contact. `n` adds and `e` or Enter
/// edits in a form with a multi-line body, `d` deletes after asking.
final class TemplatesSection: CRMSection {
    let model: EmailTemplatesModel
    let context: ScreenContext
    private var grid = GridPane()
    private var panel: Panel?
    private var loaded = false

    static let add = CommandSpec("crm.template.add", "new", group: "Templates", help: "Add an email template", keys: ["n"],
                                 showInHints: true, changesData: true)
    static let edit = CommandSpec("crm.template.edit", "edit", group: "Templates", help: "Edit the selected template", keys: ["e"],
                                  showInHints: true, changesData: true)
    static let delete = CommandSpec("crm.template.delete", "delete", group: "Templates", help: "Delete the selected template",
                                    keys: ["d"], showInHints: true, changesData: true, needsConfirmation: true)

    init(session: AppSession, context: ScreenContext) {
        model = EmailTemplatesModel(session: session)
        self.context = context
    }

    var title: String { "Templates" }
    var name: String { "templates" }
    var commands: [CommandSpec] {
        if let panel { return panel.commands }
        return [ListCommands.open, Self.add, Self.edit, Self.delete, ListCommands.up, ListCommands.down, ListCommands.pageUp,
                ListCommands.pageDown, ListCommands.first, ListCommands.last]
    }
    var disabledCommands: [String: String] {
        var why: [String: String] = [:]
        let role = model.session.role.title
        if !model.canCreate { why[Self.add.id] = "adding templates needs CRM create rights (you are \(role))" }
        if !model.canEdit { why[Self.edit.id] = "editing templates needs CRM edit rights (you are \(role))" }
        if !model.canDelete { why[Self.delete.id] = "deleting templates needs CRM delete rights (you are \(role))" }
        return why
    }
    var hasTextFocus: Bool { panel != nil }
    var hasUnsavedChanges: Bool { panel?.isDirty ?? false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func handleText(_ key: KeyEvent) -> Bool { panel?.handleText(key) ?? false }

    func perform(_ commandID: String) -> Bool {
        if let panel { return panel.perform(commandID) }
        switch commandID {
        case ListCommands.up.id: model.send(.move(-1))
        case ListCommands.down.id: model.send(.move(1))
        case ListCommands.pageUp.id: model.send(.move(-grid.pageSize))
        case ListCommands.pageDown.id: model.send(.move(grid.pageSize))
        case ListCommands.first.id: model.send(.select(0))
        case ListCommands.last.id: model.send(.select(model.templates.count - 1))
        case Self.add.id: open(EmailTemplateFormModel(session: model.session))
        case ListCommands.open.id, Self.edit.id:
            guard let current = model.current else { return true }
            if !model.canEdit { context.toast(disabledCommands[Self.edit.id] ?? "", .warning); return true }
            open(EmailTemplateFormModel(session: model.session, editing: current))
        case Self.delete.id: confirmDelete()
        default: return false
        }
        return true
    }

    private func open(_ form: EmailTemplateFormModel) {
        let panel = EmailTemplateFormPanel(model: form, context: context)
        panel.onSaved = { [weak self] record in self?.model.reveal(record.id) }
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    private func confirmDelete() {
        guard let current = model.current else { return }
        context.present(.confirm(title: "Delete template \(current.template.name)?",
                                 message: ["Emails already sent with it keep their text.", "The audit log keeps the template."],
                                 destructive: true) { [weak self] in
            guard let self else { return }
            model.send(.delete)
            if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
        })
    }

    static let columns = [
        GridColumn("Name", width: .flex(min: 14, weight: 2)),
        GridColumn("Subject", width: .flex(min: 14, weight: 3)),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let panel { panel.draw(area, on: surface); return }
        let (listArea, previewArea) = area.width >= 100 ? area.splitLeft(area.width / 2) : area.splitTop(max(5, area.height / 3))
        let templates = model.templates
        grid.draw(columns: Self.columns, count: templates.count, selected: model.selected, row: { i in
            GridRow([templates[i].template.name, templates[i].template.subject])
        }, in: listArea, on: surface, theme: theme, emptyText: model.error ?? "No email templates yet · n adds one")
        drawPreview(previewArea, on: surface, theme: theme)
    }

    private func drawPreview(_ area: Rect, on surface: Surface, theme: Theme) {
        let sample = model.sample?.contact.fullName
        let block = Block(title: sample.map { "Preview for \($0)" } ?? "Preview", theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        var lines: [[TextSpan]]
        if model.current == nil {
            lines = [[TextSpan("Select a template to see it filled in for a contact.", role: .muted)]]
        } else if let problem = model.previewError {
            lines = [[TextSpan(problem, role: .error)]]
        } else if let preview = model.preview {
            lines = [[TextSpan("To       ", role: .muted), TextSpan(preview.to.isEmpty ? "(no email address)" : preview.to)],
                     [TextSpan("Subject  ", role: .muted), TextSpan(preview.subject, role: .title)], []]
            lines += preview.body.split(separator: "\n", omittingEmptySubsequences: false).map { [TextSpan(String($0))] }
        } else {
            lines = [[TextSpan("Add a contact to see a preview filled in with real names.", role: .muted)]]
        }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
