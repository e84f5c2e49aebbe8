import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// CRM › Contacts: every contact in name order, searchable as you type (`/`), narrowed by
/// status (`f`), with the selected contact's profile beside the list (or on Enter when narrow).
final class ContactsSection: CRMSection {
    let model: ContactsModel
    let context: ScreenContext
    private var list = SearchableList()
    private var loaded = false

    static let statusFilter = CommandSpec("crm.contacts.status", "status…", group: "Contacts",
                                          help: "Show only leads, prospects, customers or inactive contacts", keys: ["f"], showInHints: true)
    static let clearFilters = CommandSpec("crm.contacts.clear", "Clear filters", group: "Contacts", help: "Show every contact", keys: ["c"])

    init(session: AppSession, context: ScreenContext) {
        self.model = ContactsModel(session: session)
        self.context = context
    }

    var title: String { "Contacts" }
    var name: String { "contacts" }
    var commands: [CommandSpec] {
        [ListCommands.filter, ListCommands.open, Self.statusFilter, Self.clearFilters, ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { list.isSearching }
    var hasUnsavedChanges: Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func handleText(_ key: KeyEvent) -> Bool { list.handleText(key, model: model) }

    func perform(_ commandID: String) -> Bool {
        if list.perform(commandID, model: model) { return true }
        switch commandID {
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
        let (searchRow, body) = area.splitTop(1)
        let summary = model.filterSummary
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model,
                            placeholder: "search names, email, phone, title (3+ characters)",
                            idle: summary.isEmpty ? "Contacts · / search · f status · Enter profile" : "Contacts filtered: \(summary) · c clears",
                            idleRole: summary.isEmpty ? .muted : .info)
        let (gridArea, detailArea) = list.layout(body)
        if let gridArea {
            let rows = model.list
            let empty = summary.isEmpty ? "No contacts yet" : "No contacts match \(summary)"
            list.grid.draw(columns: Self.columns, count: rows.count, selected: rows.selected, row: { i in
                guard let r = rows.row(at: i) else { return GridRow(["…"]) }
                let c = r.record.contact
                return GridRow([c.fullName, r.companyName ?? "", c.email?.value ?? "", c.phone?.e164 ?? c.mobile?.e164 ?? "",
                                c.status.rawValue, r.ownerLogin ?? "", "\(c.leadScore)"],
                               cellRoles: [nil, .muted, nil, nil, Self.role(c.status), .accent, nil])
            }, in: gridArea, on: surface, theme: theme, emptyText: rows.error ?? empty, countIsLowerBound: !rows.countIsExact)
            model.setPageSize(list.grid.pageSize)
        }
        if let detailArea { ContactDetail(row: model.selected, theme: theme, narrow: gridArea == nil).render(detailArea, on: surface) }
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
