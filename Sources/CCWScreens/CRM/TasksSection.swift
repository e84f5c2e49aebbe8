import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Tasks: my open tasks grouped overdue / today / upcoming / no date (`a` switches to
/// every open task of the organization), the selected task beside the list when wide (Enter
/// when narrow); `n` adds a task, `x` or space marks it done, `d` deletes after confirming.
final class TasksSection: CRMSection {
    let model: CRMTasksModel
    let context: ScreenContext
    private var grid = GridPane()
    private var form: FormState?
    private var loaded = false
    private var showingDetail = false

    static let toggleView = CommandSpec("crm.tasks.view", "all/mine", group: "Tasks",
                                        help: "Switch between my tasks and every open task of the organization", keys: ["a"], showInHints: true)
    static let add = CommandSpec("crm.task.add", "new", group: "Tasks", help: "Add a task", keys: ["n"], showInHints: true, changesData: true)
    static let done = CommandSpec("crm.task.done", "done", group: "Tasks", help: "Mark the selected task done",
                                  keys: ["x", "space"], showInHints: true, changesData: true)
    static let delete = CommandSpec("crm.task.delete", "delete", group: "Tasks", help: "Delete the selected task",
                                    keys: ["d"], showInHints: true, changesData: true, needsConfirmation: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = CRMTasksModel(session: session)
        self.context = context
    }

    var title: String { "Tasks" }
    var name: String { "tasks" }
    var commands: [CommandSpec] {
        if form != nil { return [FormCommands.save, FormCommands.cancel] }
        return [ListCommands.open, Self.add, Self.done, Self.delete, Self.toggleView, ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] {
        let role = model.session.role.title.lowercased()
        var d: [String: String] = [:]
        if !model.canCreate { d[Self.add.id] = "adding tasks is not allowed for the \(role) role" }
        if !model.canEdit { d[Self.done.id] = "completing tasks is not allowed for the \(role) role" }
        if !model.canDelete { d[Self.delete.id] = "deleting tasks is not allowed for the \(role) role" }
        return d
    }
    var hasTextFocus: Bool { form != nil }
    var hasUnsavedChanges: Bool {
        guard let editor = model.editor else { return false }
        return !editor.value(.title).isEmpty || !editor.value(.description).isEmpty
    }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    // MARK: Keys

    func handleText(_ key: KeyEvent) -> Bool {
        guard var f = form else { return false }
        if key.key == .escape || key == KeyEvent.ctrl("s") || key.key == .function(2) { return false }
        let used = f.handle(key)
        for field in TaskEditor.Field.allCases where f.value(field.rawValue) != model.editor?.value(field) {
            model.send(.set(field, f.value(field.rawValue)))
            f.setError(nil, for: field.rawValue)
        }
        if let focused = f.focusedField, let field = TaskEditor.Field(rawValue: focused.id),
           key.typedCharacter != nil || key.key == .backspace {
            f[focused.id]?.setSuggestions(suggestions(field, focused.value))
        }
        form = f
        return used
    }

    private func suggestions(_ field: TaskEditor.Field, _ text: String) -> [String] {
        let lookups = model.session.database.crmLookups, scope = model.session.scope
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return [] }
        switch field {
        case .assignee:
            return model.assignees.map(\.login).filter { $0.lowercased().hasPrefix(t.lowercased()) && $0 != t }.prefix(8).map { $0 }
        case .contact: return ((try? lookups.contactNames(scope, matching: t)) ?? []).filter { $0 != t }
        case .company: return ((try? lookups.companyNames(scope, matching: t)) ?? []).filter { $0 != t }
        case .deal: return ((try? lookups.dealNames(scope, matching: t)) ?? []).filter { $0 != t }
        default: return []
        }
    }

    func perform(_ commandID: String) -> Bool {
        if form != nil {
            switch commandID {
            case FormCommands.save.id: save(); return true
            case FormCommands.cancel.id, GlobalCommands.back.id: cancelForm(); return true
            default: return false
            }
        }
        model.pageSize = grid.pageSize
        switch commandID {
        case ListCommands.down.id: model.send(.move(.down))
        case ListCommands.up.id: model.send(.move(.up))
        case ListCommands.pageDown.id: model.send(.move(.pageDown))
        case ListCommands.pageUp.id: model.send(.move(.pageUp))
        case ListCommands.first.id: model.send(.move(.first))
        case ListCommands.last.id: model.send(.move(.last))
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        case ListCommands.open.id: if model.selected != nil { showingDetail.toggle() }
        case GlobalCommands.back.id, GlobalCommands.quit.id:
            guard showingDetail else { return false }
            showingDetail = false
        case Self.toggleView.id: model.send(.toggleView); showingDetail = false
        case GlobalCommands.refresh.id: model.send(.reload)
        case ListCommands.copy.id: if let t = model.selected { context.copy(t.task.title) }
        case Self.add.id: model.send(.new); openForm()
        case Self.done.id: model.send(.complete); report()
        case Self.delete.id: confirmDelete()
        default: return false
        }
        return true
    }

    private func openForm() {
        guard let editor = model.editor else { return }
        let priorities = CRMTask.Priority.allCases.map(\.rawValue)
        form = FormState(fields: TaskEditor.Field.allCases.map { f in
            FormField(id: f.rawValue, label: f.label, kind: Self.kind(f, priorities), value: editor.value(f),
                      required: f == .title || f == .assignee, hint: Self.hint(f))
        })
    }

    static func kind(_ f: TaskEditor.Field, _ priorities: [String]) -> FormFieldKind {
        switch f {
        case .due: .date
        case .priority: .choice(priorities)
        case .assignee, .contact, .company, .deal: .lookup
        default: .text
        }
    }

    static func hint(_ f: TaskEditor.Field) -> String? {
        switch f {
        case .due: "today, tomorrow, +3, eom or 2026-12-01; empty for no date"
        case .reminder: "+15m, +2h, 09:00 on the due date, or tomorrow 09:00"
        case .assignee: "a login; type to search"
        case .contact, .company, .deal: "type to search; empty for none"
        default: nil
        }
    }

    private func save() {
        model.send(.save)
        if model.editor == nil {
            form = nil
            report()
            return
        }
        guard var f = form, let editor = model.editor else { return }
        for field in TaskEditor.Field.allCases { f.setError(editor.errors[field], for: field.rawValue) }
        if let first = TaskEditor.Field.allCases.first(where: { editor.errors[$0] != nil }) { f.focus(id: first.rawValue) }
        form = f
        report()
    }

    private func cancelForm() {
        guard hasUnsavedChanges else { model.send(.cancel); form = nil; return }
        context.present(.confirm(title: "Discard this task?", message: ["The new task is not saved."], destructive: true) { [weak self] in
            self?.model.send(.cancel)
            self?.form = nil
        })
    }

    private func confirmDelete() {
        guard let row = model.selected else { return }
        context.present(.confirm(title: "Delete task?", message: ["\"\(row.task.title)\" (\(row.assigneeLogin)) goes to the bin."],
                                 destructive: true) { [weak self] in
            self?.model.send(.delete)
            self?.report()
        })
    }

    private func report() {
        if let e = model.error { context.toast(e, .error) } else if let m = model.message { context.toast(m, .success) }
    }

    // MARK: Drawing

    static let columns = [
        GridColumn("Due", width: .fixed(11)),
        GridColumn("Priority", width: .fixed(8)),
        GridColumn("Title", width: .flex(min: 18, weight: 3)),
        GridColumn("About", width: .flex(min: 12, weight: 2)),
        GridColumn("Assignee", width: .flex(min: 8, weight: 1)),
    ]

    static func role(_ p: CRMTask.Priority) -> ThemeRole? {
        switch p {
        case .urgent: .error
        case .high: .warning
        case .medium: nil
        case .low: .muted
        }
    }

    static func role(_ h: CRMTasksModel.HeadingRole) -> ThemeRole {
        switch h {
        case .overdue: .error
        case .today: .warning
        case .upcoming: .info
        case .undated: .muted
        }
    }

    private func gridRow(_ row: CRMTaskRow, today: CalendarDate) -> GridRow {
        let t = row.task
        let overdue = t.isOverdue(today: today)
        let due = t.dueDate.map { $0 == today ? "today" : (overdue ? "!" : "") + $0.description } ?? ""
        return GridRow([due, t.priority.rawValue, t.title, row.linkText, row.assigneeLogin],
                       cellRoles: [overdue ? .error : nil, Self.role(t.priority), nil, .muted, .accent])
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if var f = form {
            let block = Block(title: "New task", footer: "Tab next field · Ctrl-S save · Esc cancel", focused: true, theme: theme)
            block.render(area, on: surface)
            Form(theme: theme).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &f)
            form = f
            return
        }
        let (headerRow, body) = area.splitTop(1)
        surface.fill(headerRow, style: theme[.base])
        let dot = surface.glyphs.dot
        let header: String
        switch model.view {
        case .mine: header = "My open tasks (\(model.openCount)) \(dot) a all open tasks \(dot) n new \(dot) x done"
        case .allOpen: header = "All open tasks of \(model.session.orgName) (\(model.all.count)) \(dot) a my tasks"
        }
        surface.put(header, in: headerRow, style: theme[.muted])
        let wide = body.width >= SearchableList.wideWidth
        if wide { showingDetail = false }
        let gridArea: Rect?, detailArea: Rect?
        if wide {
            let (g, d) = body.splitLeft(body.width * 2 / 3)
            (gridArea, detailArea) = (g, d)
        } else {
            (gridArea, detailArea) = showingDetail ? (nil, body) : (body, nil)
        }
        if let gridArea {
            let today = model.session.today
            let empty = model.error ?? (model.view == .mine ? "No open tasks for you \(dot) n adds one" : "No open tasks")
            switch model.view {
            case .mine:
                let lines = model.mine
                grid.draw(columns: Self.columns, count: lines.count, selected: model.selectedIndex, row: { [unowned self] i in
                    switch lines[i] {
                    case .heading(let title, let count, let role):
                        return GridRow([title, "", "\(count) task\(count == 1 ? "" : "s")"], role: Self.role(role))
                    case .task(let row): return gridRow(row, today: today)
                    }
                }, in: gridArea, on: surface, theme: theme, emptyText: empty)
            case .allOpen:
                let rows = model.all
                grid.draw(columns: Self.columns, count: rows.count, selected: rows.selected, row: { [unowned self] i in
                    rows.row(at: i).map { gridRow($0, today: today) } ?? GridRow(["…"])
                }, in: gridArea, on: surface, theme: theme, emptyText: rows.error ?? empty)
            }
            model.pageSize = grid.pageSize
        }
        if let detailArea {
            TaskDetail(row: model.selected, session: model.session, theme: theme, narrow: gridArea == nil).render(detailArea, on: surface)
        }
    }
}
