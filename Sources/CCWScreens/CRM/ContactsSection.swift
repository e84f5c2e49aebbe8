import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Contacts: every contact in name order, searchable as you type (`/`), narrowed by
/// status (`f`), with the selected contact's profile beside the list (or on Enter when narrow).
/// `n` adds and `e` edits through a form; Space marks rows (`*` all in the filter) for a bulk
/// change (`b`: tag, owner, status, delete).
final class ContactsSection: CRMSection {
    let model: ContactsModel
    let context: ScreenContext
    private var list = SearchableList()
    private var panel: Panel?
    private var loaded = false

    static let statusFilter = CommandSpec("crm.contacts.status", "status…", group: "Contacts",
                                          help: "Show only leads, prospects, customers or inactive contacts", keys: ["f"], showInHints: true)
    static let segment = CommandSpec("crm.contacts.segment", "segment…", group: "Contacts",
                                     help: "Show the contacts of a saved segment", keys: ["v"], showInHints: true)
    static let clearFilters = CommandSpec("crm.contacts.clear", "Clear filters", group: "Contacts", help: "Show every contact", keys: ["c"])
    static let add = CommandSpec("crm.contact.add", "new", group: "Contacts", help: "Add a contact", keys: ["n"], showInHints: true, changesData: true)
    static let edit = CommandSpec("crm.contact.edit", "edit", group: "Contacts", help: "Edit the selected contact", keys: ["e"], showInHints: true, changesData: true)
    static let mark = CommandSpec("crm.contacts.mark", "mark", group: "Contacts", help: "Mark or unmark the selected contact for a bulk change", keys: ["space"])
    static let markAll = CommandSpec("crm.contacts.mark-all", "Mark all", group: "Contacts", help: "Mark every contact in the filter (again: clear)", keys: ["*"])
    static let bulk = CommandSpec("crm.contacts.bulk", "bulk…", group: "Contacts", help: "Tag, reassign, set status or delete the marked contacts", keys: ["b"], changesData: true)
    static let log = CommandSpec("crm.contact.log", "log call", group: "Contacts", help: "Log a call, email, meeting or note with the selected contact", keys: ["i"], showInHints: true, changesData: true)
    static let export = CommandSpec("crm.contacts.export", "Export to CSV…", group: "Contacts", help: "Write the contacts shown (filter, segment, order) to a CSV file", keys: ["X"])
    static let task = CommandSpec("crm.contact.task", "task", group: "Contacts", help: "Add a task about the selected contact", keys: ["t"], changesData: true)
    static let email = CommandSpec("crm.contact.email", "email", group: "Contacts", help: "Email the selected contact from a template", keys: ["E"], changesData: true)
    static let merge = CommandSpec("crm.contact.merge", "Merge…", group: "Contacts", help: "Merge the selected contact with a duplicate", keys: ["M"], changesData: true)
    static let delete = CommandSpec("crm.contact.delete", "Delete", group: "Contacts", help: "Delete the selected (or marked) contacts", keys: ["d"], changesData: true, needsConfirmation: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = ContactsModel(session: session)
        self.context = context
    }

    var title: String { "Contacts" }
    var name: String { "contacts" }
    var commands: [CommandSpec] {
        if let panel { return panel.commands }
        return [ListCommands.filter, ListCommands.open, Self.add, Self.edit, Self.log, Self.task, Self.email, Self.statusFilter, Self.segment, Self.mark, Self.markAll,
                Self.bulk, Self.merge, Self.delete, Self.clearFilters, Self.export, ListCommands.sort, ListCommands.sortReverse, ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] {
        var why: [String: String] = [:]
        let role = model.session.role.title
        if !model.canCreate {
            why[Self.add.id] = "adding contacts needs CRM create rights (you are \(role))"
            why[Self.log.id] = "logging interactions needs CRM create rights (you are \(role))"
            why[Self.email.id] = "sending email needs CRM create rights (you are \(role))"
            why[Self.task.id] = "adding tasks needs CRM create rights (you are \(role))"
        }
        if !model.canEdit {
            why[Self.edit.id] = "editing contacts needs CRM edit rights (you are \(role))"
            why[Self.bulk.id] = why[Self.edit.id]
        }
        if !model.canDelete {
            why[Self.delete.id] = "deleting contacts needs CRM delete rights (you are \(role))"
            why[Self.merge.id] = "merging contacts needs CRM delete rights (you are \(role))"
        }
        return why
    }
    var hasTextFocus: Bool { panel != nil || list.isSearching }
    var hasUnsavedChanges: Bool { panel?.isDirty ?? false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func handleText(_ key: KeyEvent) -> Bool {
        if let panel { return panel.handleText(key) }
        return list.handleText(key, model: model)
    }

    func perform(_ commandID: String) -> Bool {
        if let panel { return panel.perform(commandID) }
        if list.perform(commandID, model: model) { return true }
        switch commandID {
        case ListCommands.copy.id:
            if let c = model.selected?.record.contact { context.copy(c.email?.value ?? c.fullName) }
        case Self.clearFilters.id: model.send(.setSegment(nil)); model.send(.setStatus(nil)); model.send(.setText(""))
        case Self.segment.id: chooseSegment()
        case Self.statusFilter.id:
            let options = ["(any status)"] + ContactStatus.allCases.map(\.rawValue)
            context.present(.pick(title: "Show contacts with status", options: options, selected: 0) { [weak self] i in
                self?.model.send(.setStatus(i == 0 ? nil : ContactStatus.allCases[i - 1]))
            })
        case Self.add.id: open(ContactFormModel(session: model.session))
        case Self.edit.id:
            guard let record = model.selected?.record else { return true }
            do { open(try ContactFormModel(session: model.session, editing: record)) } catch { context.toast(describe(error), .error) }
        case ListCommands.sort.id: sortByFocusedColumn()
        case ListCommands.sortReverse.id: model.send(.sort(model.filter.sort))
        case Self.log.id: logInteraction()
        case Self.merge.id: chooseDuplicate()
        case Self.export.id:
            let file = "~/contacts-\(model.session.today).csv"
            context.present(.prompt(title: "Export \(model.filterSummary.isEmpty ? "every contact" : model.filterSummary) to CSV",
                                    label: "File", initial: file,
                                    validate: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type a file name" : nil }) { [weak self] path in
                guard let self else { return }
                model.export(to: path.trimmingCharacters(in: .whitespaces))
                if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
            })
        case Self.task.id:
            guard let r = model.selected?.record else { return true }
            let panel = TaskFormPanel(session: model.session, context: context, links: [.contact: r.contact.fullName])
            panel.onSaved = { [weak self] in self?.model.refreshSelected() }
            show(panel)
        case Self.email.id:
            guard let r = model.selected?.record else { return true }
            let panel = EmailComposePanel(session: model.session, context: context, contact: r.id)
            panel.onSent = { [weak self] _ in self?.model.refreshSelected() }
            show(panel)
        case Self.mark.id: model.send(.toggleMark)
        case Self.markAll.id: model.send(.toggleMarkAll)
        case Self.bulk.id: chooseBulkChange()
        case Self.delete.id: confirmDelete()
        case GlobalCommands.back.id:
            guard model.markedCount > 0 else { return false }
            model.send(.clearMarks)
        default: return false
        }
        return true
    }

    private func open(_ formModel: ContactFormModel) {
        let panel = ContactFormPanel(model: formModel, context: context)
        panel.onSaved = { [weak self] record in self?.model.reveal(record) }
        panel.onOpenExisting = { [weak self] id in
            guard let self, let record = try? model.session.database.contacts.get(model.session.scope, id: id) else { return }
            model.reveal(record)
        }
        show(panel)
    }

    private func show(_ panel: Panel) {
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    private func chooseSegment() {
        let segments = model.segments()
        guard !segments.isEmpty else {
            context.toast("no segments yet: an admin adds them with \"ccw segments add\"", .info)
            return
        }
        let options = ["(every contact)"] + segments.map { "\($0.segment.name) · \($0.segment.summary)" }
        context.present(.pick(title: "Show the contacts of segment", options: options, selected: 0) { [weak self] i in
            self?.model.send(.setSegment(i == 0 ? nil : segments[i - 1]))
        })
    }

    /// The grid's focused column (moved with ←/→) orders the list; again reverses.
    private func sortByFocusedColumn() {
        let column = list.grid.state.focusedColumn
        let sorts: [Int: ContactSort] = [0: .name, 4: .status, 6: .score]
        guard let sort = sorts[column] else {
            context.toast("contacts sort by name, status or score (← → picks the column); filter by \(Self.columns[column].title.lowercased()) instead", .info)
            return
        }
        model.send(.sort(sort))
    }

    /// Merge: the likely duplicates first, or search for any other contact by name.
    private func chooseDuplicate() {
        guard let record = model.selected?.record else { return }
        let db = model.session.database, scope = model.session.scope
        let matches = ((try? db.contacts.duplicates(scope, of: record.contact)) ?? []).filter { $0.contactID != nil && $0.contactID != record.id }
        let options = matches.map { "\($0.name) (\($0.reasons.map(\.short).joined(separator: ", ")))" } + ["Search for another contact…"]
        context.present(.pick(title: "Merge \(record.contact.fullName) with", options: options, selected: 0) { [weak self] i in
            guard let self else { return }
            if i < matches.count, let id = matches[i].contactID { openMerge(record, with: id) } else { searchOther(for: record) }
        })
    }

    private func searchOther(for record: ContactRecord) {
        context.present(.prompt(title: "Merge \(record.contact.fullName) with", label: "Name or email", initial: record.contact.lastName,
                                validate: { $0.trimmingCharacters(in: .whitespaces).count < 3 ? "type at least 3 characters" : nil }) { [weak self] text in
            guard let self else { return }
            let db = model.session.database, scope = model.session.scope
            let found = ((try? db.contacts.page(scope, filter: ContactFilter(text: text), limit: 50)) ?? []).filter { $0.id != record.id }
            guard !found.isEmpty else { context.toast("no other contact matches \"\(text)\"", .warning); return }
            context.present(.pick(title: "Merge \(record.contact.fullName) with", options: found.map { r in
                [r.contact.fullName, r.contact.email?.value ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
            }, selected: 0) { [weak self] i in self?.openMerge(record, with: found[i].id) })
        })
    }

    private func openMerge(_ record: ContactRecord, with other: ContactID) {
        do {
            let db = model.session.database, scope = model.session.scope
            let fresh = try db.contacts.get(scope, id: record.id), duplicate = try db.contacts.get(scope, id: other)
            let panel = ContactMergePanel(model: ContactMergeModel(session: model.session, survivor: fresh, duplicate: duplicate), context: context)
            panel.onMerged = { [weak self] survivor in self?.model.reveal(survivor) }
            show(panel)
        } catch {
            context.toast(describe(error), .error)
        }
    }

    private func logInteraction() {
        guard let r = model.selected?.record else { return }
        let form = InteractionFormModel(session: model.session, about: .init(contact: r.id, company: r.contact.companyID, name: r.contact.fullName))
        let panel = InteractionFormPanel(model: form, context: context)
        panel.onSaved = { [weak self] _ in self?.model.refreshSelected() }
        show(panel)
    }

    /// "3 marked contacts" or the selected contact's name: what a bulk change applies to.
    private var target: String {
        let n = model.markedCount
        if n > 0 { return "\(NumberText.grouped(n)) marked contact\(n == 1 ? "" : "s")" }
        return model.selected?.record.contact.fullName ?? "no contact"
    }

    private func chooseBulkChange() {
        guard model.markedCount > 0 || model.selected != nil else { return }
        let options = ["Add a tag", "Remove a tag", "Set the owner", "Set the status", "Delete"]
        context.present(.pick(title: "Change \(target)", options: options, selected: 0) { [weak self] i in
            guard let self else { return }
            switch i {
            case 0, 1:
                context.present(.prompt(title: i == 0 ? "Tag \(target)" : "Untag \(target)", label: "Tag", initial: "",
                                        validate: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "type a tag" : nil }) { [weak self] tag in
                    self?.run(i == 0 ? .addTag(tag) : .removeTag(tag))
                })
            case 2: chooseOwner()
            case 3:
                let statuses = ContactStatus.allCases
                context.present(.pick(title: "Status for \(target)", options: statuses.map(\.rawValue), selected: 0) { [weak self] s in
                    self?.run(.setStatus(statuses[s]))
                })
            default: confirmDelete()
            }
        })
    }

    private func chooseOwner() {
        let users = ((try? model.session.database.users.list(model.session.scope)) ?? []).filter(\.active)
        guard !users.isEmpty else { context.toast("no users to choose from (listing users needs Admin view)", .warning); return }
        let options = ["(no owner)"] + users.map { "\($0.login) · \($0.displayName)" }
        context.present(.pick(title: "Owner for \(target)", options: options, selected: 0) { [weak self] i in
            self?.run(.setOwner(i == 0 ? nil : UserID(users[i - 1].userId)))
        })
    }

    private func confirmDelete() {
        guard model.markedCount > 0 || model.selected != nil else { return }
        context.present(.confirm(title: "Delete \(target)?",
                                 message: ["Their interactions, tasks and deals stay and keep pointing at them.",
                                           "A deleted contact can be found in the audit log."],
                                 destructive: true) { [weak self] in self?.run(.delete) })
    }

    private func run(_ change: ContactBulkChange) {
        model.send(.bulk(change))
        if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
    }

    static let columns = [
        GridColumn("Name", width: .flex(min: 16, weight: 2)),
        GridColumn("Company", width: .flex(min: 12, weight: 2)),
        GridColumn("Email", width: .flex(min: 14, weight: 2)),
        GridColumn("Phone", width: .fixed(16)),
        GridColumn("Status", width: .fixed(9)),
        GridColumn("Owner", width: .flex(min: 8, weight: 1)),
        GridColumn("Score", width: .fixed(7), alignment: .right),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let panel { panel.draw(area, on: surface); return }
        let (searchRow, body) = area.splitTop(1)
        let summary = model.filterSummary
        let marked = model.markedCount
        let idle = marked > 0 ? "\(NumberText.grouped(marked)) marked · b change them · d delete · Esc clears marks"
            : summary.isEmpty ? "Contacts · / search · f status · v segment · n new · Space mark · Enter profile" : "Contacts filtered: \(summary) · c clears"
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model,
                            placeholder: "search names, email, phone, title (3+ characters)",
                            idle: idle, idleRole: marked > 0 ? .warning : summary.isEmpty ? .muted : .info)
        let (gridArea, detailArea) = list.layout(body)
        if let gridArea {
            let rows = model.list
            let empty = summary.isEmpty ? "No contacts yet · n adds one" : "No contacts match \(summary)"
            let sortColumn = [ContactSort.name: 0, .status: 4, .score: 6][model.filter.sort] ?? 0
            list.grid.state.sort = GridSort(column: sortColumn, direction: model.filter.descending ? .descending : .ascending)
            list.grid.draw(columns: Self.columns, count: rows.count, selected: rows.selected, row: { i in
                guard let r = rows.row(at: i) else { return GridRow(["…"]) }
                let c = r.record.contact
                return GridRow([c.fullName, r.companyName ?? "", c.email?.value ?? "", c.phone?.e164 ?? c.mobile?.e164 ?? "",
                                c.status.rawValue, r.ownerLogin ?? "", "\(c.leadScore)"],
                               cellRoles: [nil, .muted, nil, nil, Self.role(c.status), .accent, nil])
            }, in: gridArea, on: surface, theme: theme, emptyText: rows.error ?? empty, countIsLowerBound: !rows.countIsExact,
               marked: { i in rows.row(at: i).map(self.model.isMarked) ?? false }, markedCount: marked)
            model.setPageSize(list.grid.pageSize)
        }
        if let detailArea {
            ContactDetail(row: model.selected, overview: model.overview, theme: theme, narrow: gridArea == nil,
                          today: model.session.today, zone: model.session.scope.zone).render(detailArea, on: surface)
        }
    }

    static func role(_ status: ContactStatus) -> ThemeRole? {
        switch status {
        case .customer: .success
        case .prospect: .info
        case .lead: nil
        case .inactive: .muted
        }
    }
}
