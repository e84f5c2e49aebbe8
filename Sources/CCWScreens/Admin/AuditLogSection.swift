import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// The audit log viewer: a virtualized grid over every change, newest first, with an incremental
/// text filter, filters by entity, user, action and date, chain verification, and the before/after
/// of the selected change (beside the grid when wide, on Enter when narrow).
final class AuditLogSection: AdminSection {
    let model: AuditLogModel
    let context: ScreenContext
    private var list = SearchableList()
    private var loaded = false

    static let filterMenu = CommandSpec("audit.filter", "filter by…", group: "Audit log",
                                        help: "Filter by entity, user, action or date range", keys: ["f"], showInHints: true)
    static let clearFilters = CommandSpec("audit.clear-filters", "Clear filters", group: "Audit log",
                                          help: "Remove every filter", keys: ["c"])
    static let verify = CommandSpec("audit.verify", "verify", group: "Audit log",
                                    help: "Verify the hash chain of this organization's audit log", keys: ["v"], showInHints: true)

    init(session: AppSession, context: ScreenContext) {
        self.model = AuditLogModel(session: session)
        self.context = context
    }

    var title: String { "Audit log" }
    var name: String { "audit" }
    var commands: [CommandSpec] {
        [ListCommands.filter, ListCommands.open, Self.filterMenu, Self.verify, Self.clearFilters, ListCommands.copy] + ListCommands.movement
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
            if let e = model.selected { context.copy(e.summary) }
        case Self.clearFilters.id: model.send(.clearFilters); context.toast("filters cleared", .info)
        case Self.verify.id:
            model.send(.verifyChain)
            if let v = model.verification { context.toast(v.text, v.ok ? .success : .error) }
        case Self.filterMenu.id: openFilterMenu()
        default: return false
        }
        return true
    }

    private func openFilterMenu() {
        let options = ["Entity…", "User…", "Action…", "Date range…", "Clear all filters"]
        context.present(.pick(title: "Filter audit log by", options: options, selected: 0) { [weak self] choice in
            guard let self else { return }
            switch choice {
            case 0: self.pickValue(.entity, title: "Entity") { self.model.send(.setEntity($0)) }
            case 1: self.pickValue(.login, title: "User") { self.model.send(.setLogin($0)) }
            case 2: self.pickValue(.action, title: "Action") { self.model.send(.setAction($0)) }
            case 3: self.askRange()
            default: self.model.send(.clearFilters)
            }
        })
    }

    private func pickValue(_ column: AuditTrail.DistinctColumn, title: String, apply: @escaping (String?) -> Void) {
        let values = model.distinctValues(column)
        let options = ["(any)"] + values
        context.present(.pick(title: title, options: options, selected: 0) { i in apply(i == 0 ? nil : options[i]) })
    }

    private func askRange() {
        let current = [model.filter.from?.description ?? "", model.filter.to?.description ?? ""].joined(separator: "..")
        context.present(.prompt(
            title: "Date range", label: "from..to (2026-11-01..today, -7.., ..eom)", initial: current == ".." ? "" : current,
            validate: { text in text.isEmpty || text.contains("..") ? nil : "write the range as from..to, e.g. -7..today" },
            onSubmit: { [weak self] text in
                let parts = text.components(separatedBy: "..")
                self?.model.send(.setRange(from: parts.first ?? "", to: parts.count > 1 ? parts[1] : ""))
                if let problem = self?.model.filterError { self?.context.toast(problem, .error) }
            }))
    }

    // MARK: drawing

    static let columns = [
        GridColumn("When", width: .fixed(16)),
        GridColumn("User", width: .flex(min: 8, weight: 1)),
        GridColumn("Action", width: .fixed(10)),
        GridColumn("Record", width: .fixed(16)),
        GridColumn("Summary", width: .flex(min: 20, weight: 5)),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (searchRow, body) = area.splitTop(1)
        let summary = model.filterSummary
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model,
                            placeholder: "search summary, entity, user (3+ characters)",
                            idle: summary.isEmpty ? "all changes · / search · f filter · v verify chain" : "filtered: \(summary) · c clears",
                            idleRole: summary.isEmpty ? .muted : .info)
        let (gridArea, detailArea) = list.layout(body)
        if let gridArea {
            let rows = model.list
            let session = model.session
            let empty = summary.isEmpty ? "No changes recorded yet" : "No changes match \(summary)"
            list.grid.draw(columns: Self.columns, count: rows.count, selected: rows.selected, row: { i in
                guard let e = rows.row(at: i) else { return GridRow(["…", "", "", "", ""]) }
                let entity = e.entityId.map { "\(e.entity) #\($0)" } ?? e.entity
                return GridRow([session.timestampText(e.at), e.login, e.action.rawValue, entity, e.summary],
                               cellRoles: [.muted, .accent, e.action == .delete ? .warning : nil, nil, nil])
            }, in: gridArea, on: surface, theme: theme, emptyText: rows.error ?? empty, countIsLowerBound: !rows.countIsExact)
            model.setPageSize(list.grid.pageSize)
        }
        if let detailArea { drawDetail(detailArea, narrow: gridArea == nil, on: surface, theme: theme) }
    }

    private func drawDetail(_ area: Rect, narrow: Bool, on surface: Surface, theme: Theme) {
        let block = Block(title: "Change", footer: narrow ? "Esc back" : nil, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard let e = model.selected else {
            surface.put("select a change to see it", in: inner.row(0), style: theme[.muted])
            return
        }
        var lines: [[TextSpan]] = [
            [TextSpan("When    ", role: .muted), TextSpan(model.session.timestampText(e.at))],
            [TextSpan("User    ", role: .muted), TextSpan(e.login, role: .accent)],
            [TextSpan("Action  ", role: .muted), TextSpan(e.action.rawValue)],
            [TextSpan("Record  ", role: .muted), TextSpan(e.entityId.map { "\(e.entity) #\($0)" } ?? e.entity)],
            [TextSpan(e.summary, role: .title)],
        ]
        let changes = JSONLines.changes(before: e.beforeJSON, after: e.afterJSON, time: model.session.timestampText)
        if !changes.isEmpty {
            lines.append([TextSpan("")])
            lines.append([TextSpan(e.beforeJSON == nil ? "Values" : e.afterJSON == nil ? "Values before" : "Changed", role: .header)])
            for line in changes { lines.append([TextSpan(line)]) }
        }
        Paragraph(lines, theme: theme).render(inner, on: surface)
    }
}
