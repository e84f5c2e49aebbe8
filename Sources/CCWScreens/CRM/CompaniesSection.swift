import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Companies: the parent/subsidiary tree with the selected company's detail beside it
/// (or on Enter when narrow). Space, or l/h, expands and collapses; `/` filters while keeping
/// the ancestors of matches; `n`/`e` open the company form, `d` deletes after confirming.
final class CompaniesSection: CRMSection {
    let model: CompaniesModel
    let context: ScreenContext
    private var list = SearchableList()
    private var form: FormState?
    /// A form over the tree (logging a call with the company).
    private var panel: Panel?
    private var loaded = false
    private var wide = false

    static let toggle = CommandSpec("crm.companies.toggle", "expand/collapse", group: "Companies",
                                    help: "Show or hide the subsidiaries of the selected company", keys: ["space"])
    static let expand = CommandSpec("crm.companies.expand", "Expand", group: "Companies",
                                    help: "Show the subsidiaries; on an open company go to the first one", keys: ["l", "right"], inPalette: false)
    static let collapse = CommandSpec("crm.companies.collapse", "Collapse", group: "Companies",
                                      help: "Hide the subsidiaries; else go to the parent company", keys: ["h", "left"], inPalette: false)
    static let add = CommandSpec("crm.company.add", "new", group: "Companies", help: "Add a company",
                                 keys: ["n"], showInHints: true, changesData: true)
    static let addSubsidiary = CommandSpec("crm.company.add-subsidiary", "New subsidiary", group: "Companies",
                                           help: "Add a company under the selected one", keys: ["N"], changesData: true)
    static let edit = CommandSpec("crm.company.edit", "edit", group: "Companies", help: "Edit the selected company",
                                  keys: ["e"], showInHints: true, changesData: true)
    static let log = CommandSpec("crm.company.log", "log call", group: "Companies", help: "Log a call, email, meeting or note with the selected company",
                                 keys: ["i"], showInHints: true, changesData: true)
    static let delete = CommandSpec("crm.company.delete", "delete", group: "Companies", help: "Delete the selected company",
                                    keys: ["d"], showInHints: true, changesData: true, needsConfirmation: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = CompaniesModel(session: session)
        self.context = context
    }

    var title: String { "Companies" }
    var name: String { "companies" }
    var commands: [CommandSpec] {
        if let panel { return panel.commands }
        if form != nil { return [FormCommands.save, FormCommands.cancel] }
        return [ListCommands.filter, ListCommands.open, Self.add, Self.edit, Self.log, Self.delete, Self.toggle, Self.expand, Self.collapse,
                Self.addSubsidiary, ListCommands.copy, ListCommands.up, ListCommands.down, ListCommands.pageUp, ListCommands.pageDown,
                ListCommands.first, ListCommands.last]
    }
    var disabledCommands: [String: String] {
        var d: [String: String] = [:]
        if !model.canCreate { for c in [Self.add, Self.addSubsidiary] { d[c.id] = "adding companies is not allowed for the \(model.session.role.title.lowercased()) role" } }
        if !model.canCreate { d[Self.log.id] = "logging interactions is not allowed for the \(model.session.role.title.lowercased()) role" }
        if !model.canEdit { d[Self.edit.id] = "editing companies is not allowed for the \(model.session.role.title.lowercased()) role" }
        if !model.canDelete { d[Self.delete.id] = "deleting a company needs the manager or admin role" }
        return d
    }
    var hasTextFocus: Bool { list.isSearching || form != nil || panel != nil }
    var hasUnsavedChanges: Bool { (form != nil && model.isDirty) || panel?.isDirty == true }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    // MARK: Keys

    func handleText(_ key: KeyEvent) -> Bool {
        if let panel { return panel.handleText(key) }
        if var f = form {
            if key.key == .escape || key == KeyEvent.ctrl("s") || key.key == .function(2) { return false }
            let used = f.handle(key)
            for field in CompanyEditor.Field.allCases where f.value(field.rawValue) != model.editor?.value(field) {
                model.send(.set(field, f.value(field.rawValue)))
                f.setError(nil, for: field.rawValue)
            }
            if f.focusedField?.id == CompanyEditor.Field.parent.rawValue, key.typedCharacter != nil || key.key == .backspace {
                let text = f.value(CompanyEditor.Field.parent.rawValue)
                let names = (try? model.session.database.crmLookups.companyNames(model.session.scope, matching: text)) ?? []
                f[CompanyEditor.Field.parent.rawValue]?.setSuggestions(names.filter { $0 != model.editor?.value(.name) })
            }
            form = f
            return used
        }
        return list.handleText(key, model: model)
    }

    func perform(_ commandID: String) -> Bool {
        if let panel { return panel.perform(commandID) }
        if form != nil {
            switch commandID {
            case FormCommands.save.id: save(); return true
            case FormCommands.cancel.id, GlobalCommands.back.id: cancelForm(); return true
            default: return false
            }
        }
        switch commandID {
        case ListCommands.open.id where wide: model.send(.toggle); return true
        case Self.toggle.id: model.send(.toggle)
        case Self.expand.id: model.send(.expand)
        case Self.collapse.id: model.send(.collapse)
        case Self.add.id: model.send(.new(parentName: nil)); openForm()
        case Self.addSubsidiary.id: model.send(.new(parentName: model.detail?.record.company.name)); openForm()
        case Self.edit.id:
            guard model.detail != nil else { return true }
            model.send(.edit); openForm()
        case Self.delete.id: confirmDelete()
        case Self.log.id: logInteraction()
        case ListCommands.copy.id: if let c = model.detail?.record.company { context.copy(c.name) }
        case GlobalCommands.refresh.id: model.send(.reload)
        default: return list.perform(commandID, model: model)
        }
        return true
    }

    private func openForm() {
        guard let editor = model.editor else { return }
        let statuses = CompanyStatus.allCases.map(\.rawValue)
        form = FormState(fields: CompanyEditor.Field.allCases.map { f in
            var field = FormField(id: f.rawValue, label: f.label, kind: Self.kind(f, statuses), value: editor.value(f),
                                  required: f == .name, hint: Self.hint(f))
            field.error = editor.errors[f]
            return field
        })
    }

    static func kind(_ f: CompanyEditor.Field, _ statuses: [String]) -> FormFieldKind {
        switch f {
        case .parent: .lookup
        case .status: .choice(statuses)
        default: .text
        }
    }

    static func hint(_ f: CompanyEditor.Field) -> String? {
        switch f {
        case .parent: "type to search; empty: top level"
        case .size: "head count or band, e.g. 11-50"
        case .website: "e.g. mueller-soehne.example"
        case .phone: "national or +49 …"
        default: nil
        }
    }

    private func save() {
        model.send(.save)
        handleOutcome()
    }

    private func handleOutcome() {
        switch model.lastOutcome {
        case .saved(let message):
            form = nil
            context.toast(message, .success)
        case .invalid:
            guard var f = form, let editor = model.editor else { return }
            for field in CompanyEditor.Field.allCases { f.setError(editor.errors[field], for: field.rawValue) }
            if let first = CompanyEditor.Field.allCases.first(where: { editor.errors[$0] != nil }) { f.focus(id: first.rawValue) }
            form = f
            context.toast("not saved: fix the marked fields", .error)
        case .conflict(let message):
            context.present(.conflict(message: message, onReload: { [weak self] in
                self?.model.send(.reloadTheirs)
                self?.openForm()
                self?.context.toast("reloaded: your edits were dropped", .info)
            }, onKeepMine: { [weak self] in
                self?.model.send(.keepMine)
                self?.handleOutcome()
            }))
        case .failed(let message):
            context.toast(message, .error)
        case .deleted(let message):
            context.toast(message, .success)
        case .none:
            break
        }
    }

    private func cancelForm() {
        guard model.isDirty else { model.send(.cancel); form = nil; return }
        context.present(.confirm(title: "Discard changes?", message: ["Your edits to this company are not saved."], destructive: true) { [weak self] in
            self?.model.send(.cancel)
            self?.form = nil
        })
    }

    private func confirmDelete() {
        guard let detail = model.detail else { return }
        let c = detail.record.company
        var message = ["\(c.name) goes to the bin (an admin can restore it)."]
        if detail.subsidiaries > 0 { message.append("Its \(detail.subsidiaries) subsidiaries become top-level companies.") }
        if detail.contactCount > 0 || !detail.deals.isEmpty { message.append("Its contacts and deals keep their link.") }
        context.present(.confirm(title: "Delete \(c.name)?", message: message, destructive: true) { [weak self] in
            self?.model.send(.delete)
            self?.handleOutcome()
        })
    }

    // MARK: Drawing

    static let columns = [GridColumn("Company", width: .flex(min: 24, weight: 1))]

    /// The tree guides before a company's name, two cells per level so each connector sits
    /// under its parent's marker: "│ ├─▾ " (ASCII "| +-- ", the last child "`--").
    static func prefix(_ line: CompanyTree.Line, glyphs: Glyphs) -> String {
        let marker = line.hasChildren ? (line.isExpanded ? glyphs.treeExpanded : glyphs.treeCollapsed) : (line.depth == 0 ? " " : glyphs.horizontal)
        guard line.depth > 0 else { return marker + " " }
        let guides = line.guides.map { $0 ? glyphs.vertical + " " : "  " }.joined()
        let corner = glyphs.isUnicode ? glyphs.bottomLeft : "`"
        return guides + (line.isLastSibling ? corner : glyphs.teeRight) + glyphs.horizontal + marker + " "
    }

    /// "Log a call" with the selected company, in a form over the tree.
    private func logInteraction() {
        guard let company = model.detail?.record else { return }
        let form = InteractionFormModel(session: model.session, about: .init(company: company.id, name: company.company.name))
        let panel = InteractionFormPanel(model: form, context: context)
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let panel { panel.draw(area, on: surface); return }
        if var f = form, let editor = model.editor {
            let title = editor.isNew ? "New company" : "Edit \(editor.value(.name))"
            let block = Block(title: title, footer: "Tab next field · Ctrl-S save · Esc cancel", focused: true, theme: theme)
            block.render(area, on: surface)
            Form(theme: theme).render(block.inner(area).inset(left: 1, right: 1), on: surface, state: &f)
            form = f
            return
        }
        let (searchRow, body) = area.splitTop(1)
        let idle = model.filter.map { "Companies matching /\($0) (with their parents) · Esc clears" }
            ?? "Companies · / filter · space expand/collapse · n new · e edit"
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model, placeholder: "filter company names",
                            idle: idle, idleRole: model.filter == nil ? .muted : .info)
        wide = body.width >= SearchableList.wideWidth
        let (gridArea, detailArea) = list.layout(body)
        if let gridArea {
            let lines = model.lines
            let glyphs = surface.glyphs
            let empty = model.error ?? (model.filter.map { "No company matches /\($0)" } ?? "No companies yet · n adds one")
            list.grid.draw(columns: Self.columns, count: lines.count, selected: model.selected, row: { i in
                let line = lines[i]
                return GridRow([Self.prefix(line, glyphs: glyphs) + line.name], cellRoles: [line.isMatch ? nil : .muted])
            }, in: gridArea, on: surface, theme: theme, emptyText: empty)
            model.setPageSize(list.grid.pageSize)
        }
        if let detailArea { CompanyDetail(data: model.detail, theme: theme, narrow: gridArea == nil).render(detailArea, on: surface) }
    }
}
