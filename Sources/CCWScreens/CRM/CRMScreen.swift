import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Contacts: every contact in name order, searchable as you type (`/`), narrowed by
/// status (`f`), with the selected contact's profile beside the list (or on Enter when narrow).
/// Companies, the deal kanban, interactions and tasks are the next parts of this module.
final class CRMScreen: ModuleScreen {
    let model: ContactsModel
    let context: ScreenContext
    private var grid = GridPane()
    private var filterInput: TextInputState?
    private var showingDetail = false
    private var loaded = false

    static let statusFilter = CommandSpec("crm.contacts.status", "status…", group: "Contacts",
                                          help: "Show only leads, prospects, customers or inactive contacts", keys: ["f"], showInHints: true)
    static let clearFilters = CommandSpec("crm.contacts.clear", "Clear filters", group: "Contacts", help: "Show every contact", keys: ["c"])

    init(session: AppSession, context: ScreenContext) {
        self.model = ContactsModel(session: session)
        self.context = context
    }

    var module: Module { .crm }
    var breadcrumb: String { "CRM › Contacts" }
    var commands: [CommandSpec] {
        [ListCommands.filter, ListCommands.open, Self.statusFilter, Self.clearFilters, ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { filterInput != nil }
    var hasUnsavedChanges: Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func handleText(_ key: KeyEvent) -> Bool {
        guard var input = filterInput else { return false }
        switch key.key {
        case .enter: filterInput = nil; return true
        case .escape: filterInput = nil; model.send(.setText("")); return true
        case .up, .down, .pageUp, .pageDown: return false
        default:
            let before = input.value
            guard input.handle(key) else { return true }
            filterInput = input
            if input.value != before { model.send(.setText(input.value)) }
            return true
        }
    }

    func perform(_ commandID: String) -> Bool {
        model.setPageSize(grid.pageSize)
        switch commandID {
        case ListCommands.down.id: model.send(.moveDown)
        case ListCommands.up.id: model.send(.moveUp)
        case ListCommands.pageDown.id: model.send(.pageDown)
        case ListCommands.pageUp.id: model.send(.pageUp)
        case ListCommands.first.id: model.send(.first)
        case ListCommands.last.id: model.send(.last)
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        case ListCommands.filter.id: filterInput = TextInputState(model.filter.text ?? "")
        case ListCommands.open.id: showingDetail.toggle()
        case GlobalCommands.back.id, GlobalCommands.quit.id:
            guard showingDetail else { return false }
            showingDetail = false
        case ListCommands.copy.id:
            if let c = model.selected?.record.contact { context.copy(c.email?.value ?? c.fullName) }
        case Self.clearFilters.id: model.send(.setStatus(nil)); model.send(.setText(""))
        case Self.statusFilter.id:
            let options = ["(any status)"] + ContactStatus.allCases.map(\.rawValue)
            context.present(.pick(title: "Show contacts with status", options: options, selected: 0) { [weak self] i in
                self?.model.send(.setStatus(i == 0 ? nil : ContactStatus.allCases[i - 1]))
            })
        default: return false
        }
        return true
    }

    static let columns = [
        GridColumn("Name", width: .flex(min: 16, weight: 2)),
        GridColumn("Company", width: .flex(min: 12, weight: 2)),
        GridColumn("Email", width: .flex(min: 14, weight: 2)),
        GridColumn("Phone", width: .fixed(16)),
        GridColumn("Status", width: .fixed(9)),
        GridColumn("Owner", width: .flex(min: 8, weight: 1)),
        GridColumn("Score", width: .fixed(5), alignment: .right),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (filterRow, body) = area.splitTop(1)
        drawFilterLine(filterRow, on: surface, theme: theme)
        let wide = body.width >= 120
        if wide { showingDetail = false }
        if !wide && showingDetail {
            ContactDetail(row: model.selected, theme: theme, narrow: true).render(body, on: surface)
            return
        }
        let (gridArea, detailArea) = wide ? body.splitLeft(body.width * 2 / 3) : (body, Rect(x: 0, y: 0, width: 0, height: 0))
        let list = model.list
        let empty = model.filterSummary.isEmpty ? "No contacts yet" : "No contacts match \(model.filterSummary)"
        grid.draw(columns: Self.columns, count: list.count, selected: list.selected, row: { i in
            guard let r = list.row(at: i) else { return GridRow(["…"]) }
            let c = r.record.contact
            return GridRow([c.fullName, r.companyName ?? "", c.email?.value ?? "", c.phone?.e164 ?? c.mobile?.e164 ?? "",
                            c.status.rawValue, r.ownerLogin ?? "", "\(c.leadScore)"],
                           cellRoles: [nil, .muted, nil, nil, Self.role(c.status), .accent, nil])
        }, in: gridArea, on: surface, theme: theme, emptyText: list.error ?? empty, countIsLowerBound: !list.countIsExact)
        model.setPageSize(grid.pageSize)
        if wide { ContactDetail(row: model.selected, theme: theme, narrow: false).render(detailArea, on: surface) }
    }

    static func role(_ status: ContactStatus) -> ThemeRole? {
        switch status {
        case .customer: .success
        case .prospect: .info
        case .lead: nil
        case .inactive: .muted
        }
    }

    private func drawFilterLine(_ row: Rect, on surface: Surface, theme: Theme) {
        surface.fill(row, style: theme[.base])
        if var input = filterInput {
            let hint = model.searchHint.map { "  \($0)" } ?? ""
            let inputArea = row.inset(left: 2, right: hint.displayWidth)
            surface.put("/ ", x: row.x, y: row.y, style: theme[.accent])
            TextInput(placeholder: "search names, email, phone, title (3+ characters)", focused: true, theme: theme)
                .render(inputArea, on: surface, state: &input)
            if !hint.isEmpty { surface.put(hint, x: inputArea.maxX, y: row.y, style: theme[.muted], maxX: row.maxX) }
            return
        }
        let summary = model.filterSummary
        let text = summary.isEmpty ? "Contacts · / search · f status · Enter profile" : "Contacts filtered: \(summary) · c clears"
        surface.put(text, in: row, style: theme[summary.isEmpty ? .muted : .info])
    }
}
