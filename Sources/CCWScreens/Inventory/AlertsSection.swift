import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Alerts: the open low-stock alerts, newest first: product, warehouse, what was
/// available when the alert was raised, on hand now, the reorder point and quantity. Space
/// marks alerts (`*` all) for a reorder; `a` shows resolved alerts too. An alert resolves by
/// itself when stock rises above its reorder point again.
final class AlertsSection: InventorySection {
    let model: StockAlertsModel
    let context: ScreenContext
    private var grid = GridPane()
    private var loaded = false

    static let mark = CommandSpec("inventory.alerts.mark", "mark", group: "Alerts", help: "Mark or unmark the selected alert (for a reorder)", keys: ["space"], showInHints: true)
    static let markAll = CommandSpec("inventory.alerts.mark-all", "Mark all", group: "Alerts", help: "Mark every alert shown (again: clear)", keys: ["*"])
    static let order = CommandSpec("inventory.alerts.order", "order", group: "Alerts", help: "Draft purchase orders for the marked (or selected) alerts, one per supplier and warehouse", keys: ["o"], showInHints: true, changesData: true)
    static let resolved = CommandSpec("inventory.alerts.resolved", "resolved", group: "Alerts", help: "Show resolved alerts too (again: open only)", keys: ["a"], showInHints: true)

    init(session: AppSession, context: ScreenContext) {
        model = StockAlertsModel(session: session)
        self.context = context
    }

    var title: String { "Alerts" }
    var name: String { "alerts" }
    var commands: [CommandSpec] { [Self.mark, Self.markAll, Self.order, Self.resolved, ListCommands.copy] + ListCommands.movement }
    var disabledCommands: [String: String] {
        model.session.can(.create, in: .inventory) ? [:]
            : [Self.order.id: "ordering needs Inventory create rights (you are \(model.session.role.title))"]
    }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func perform(_ commandID: String) -> Bool {
        model.pageSize = grid.pageSize
        switch commandID {
        case Self.mark.id: model.send(.toggleMark)
        case Self.markAll.id: model.send(.toggleMarkAll)
        case Self.resolved.id: model.send(.toggleResolved)
        case Self.order.id: order()
        case ListCommands.copy.id: if let l = model.selectedLine { context.copy(l.sku) }
        case GlobalCommands.back.id:
            guard !model.marks.isEmpty else { return false }
            model.send(.clearMarks)
        default:
            guard let move = StockSection.move(commandID) else { return false }
            model.send(.move(move))
        }
        return true
    }

    /// Purchase orders from the marked (or selected) open alerts, after a confirmation.
    private func order() {
        let alerts = model.alertsForReorder
        guard !alerts.isEmpty else { context.toast("no open alert to order: mark alerts with Space", .info); return }
        let skus = alerts.map(\.sku)
        context.present(.confirm(title: "Draft purchase orders for \(alerts.count) alert\(alerts.count == 1 ? "" : "s")?",
                                 message: [skus.prefix(8).joined(separator: ", ") + (skus.count > 8 ? " …" : ""),
                                           "One order per supplier and warehouse, at the suggested quantities and the products' costs."],
                                 destructive: false) { [weak self] in
            guard let self else { return }
            let orders = PurchaseOrdersModel(session: model.session)
            orders.send(.draft(alertIds: alerts.map(\.alert.id)))
            if let e = orders.error { context.toast(e, .error); return }
            context.toast((orders.lastMessage ?? "drafted") + " · see Purchase orders", .success)
            model.send(.clearMarks)
            model.send(.reload)
        })
    }

    static let columns = [
        GridColumn("Raised", width: .fixed(11)), GridColumn("SKU", width: .fixed(10)),
        GridColumn("Product", width: .flex(min: 12, weight: 2)), GridColumn("Where", width: .fixed(6)),
        GridColumn("Was", width: .fixed(7), alignment: .right), GridColumn("Now", width: .fixed(7), alignment: .right),
        GridColumn("Point", width: .fixed(7), alignment: .right), GridColumn("Order", width: .fixed(7), alignment: .right),
        GridColumn("State", width: .fixed(12)),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (head, body) = area.splitTop(1)
        surface.fill(head, style: theme[.base])
        let marked = model.marks.count
        let text = marked > 0 ? "\(marked) marked for a reorder · Esc clears marks"
            : model.showResolved ? "Every low-stock alert, newest first · a open ones only"
            : "Open low-stock alerts, newest first · Space marks for a reorder · a shows resolved ones"
        surface.put(text, in: head, style: theme[marked > 0 ? .warning : .muted])
        let lines = model.lines, session = model.session
        grid.draw(columns: Self.columns, count: lines.count, selected: model.selected, row: { i in
            let l = lines[i], a = l.alert
            let open = a.resolvedAt == nil
            let state = !open ? "resolved" : l.orderNumber ?? (l.onHandNow.isPositive ? "open" : "open · out")
            return GridRow([String(session.timestampText(a.createdAt).dropFirst(5)), l.sku, l.name, l.warehouseCode,
                            StockText.quantity(a.available), StockText.quantity(l.onHandNow), StockText.quantity(a.reorderPoint),
                            StockText.quantity(l.reorderQuantity ?? a.suggestedQuantity), state],
                           cellRoles: [.muted, nil, nil, .accent, .warning, l.onHandNow.isPositive ? nil : .error, .muted, nil,
                                       !open ? .success : l.orderNumber != nil ? .info : l.onHandNow.isPositive ? .warning : .error])
        }, in: body, on: surface, theme: theme, emptyText: model.error ?? (model.showResolved ? "No alerts yet" : "No open alerts · stock is above every reorder point"),
           marked: { [model] i in model.isMarked(lines[i]) }, markedCount: marked)
        model.pageSize = grid.pageSize
    }
}
