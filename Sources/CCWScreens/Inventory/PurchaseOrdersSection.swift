import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Purchase orders: open orders (`a` shows closed ones too) with the selected
/// order's lines below. `n` reorders: every low-stock alert not on an order yet becomes a
/// draft, one per supplier and warehouse; `m` marks an order sent, `R` receives it (its goods
/// are booked in at the order's costs), `x` cancels it.
final class PurchaseOrdersSection: ModuleSection {
    let model: PurchaseOrdersModel
    let context: ScreenContext
    private var grid = GridPane()
    private var linesGrid = GridPane()
    private var loaded = false

    static let reorder = CommandSpec("inventory.po.reorder", "reorder", group: "Purchase orders", help: "Draft orders for every low-stock alert not on an order yet", keys: ["n"], showInHints: true, changesData: true)
    static let markSent = CommandSpec("inventory.po.sent", "mark sent", group: "Purchase orders", help: "Mark the order sent to the supplier", keys: ["m"], showInHints: true, changesData: true)
    static let receive = CommandSpec("inventory.po.receive", "receive", group: "Purchase orders", help: "Book the order's goods into stock", keys: ["R"], showInHints: true, changesData: true, needsConfirmation: true)
    static let cancel = CommandSpec("inventory.po.cancel", "Cancel order", group: "Purchase orders", help: "Cancel the order (nothing received yet)", keys: ["x"], changesData: true, needsConfirmation: true)
    static let closed = CommandSpec("inventory.po.closed", "show closed", group: "Purchase orders", help: "Show received and cancelled orders too, or hide them", keys: ["a"])

    init(session: AppSession, context: ScreenContext) {
        model = PurchaseOrdersModel(session: session)
        self.context = context
    }

    var title: String { "Purchase orders" }
    var name: String { "orders" }
    var commands: [CommandSpec] {
        [Self.reorder, Self.markSent, Self.receive, Self.cancel, Self.closed, ListCommands.up, ListCommands.down, ListCommands.first, ListCommands.last]
    }
    var disabledCommands: [String: String] {
        var why: [String: String] = [:]
        let role = model.session.role.title
        if !model.canCreate {
            why[Self.reorder.id] = "ordering needs Inventory create rights (you are \(role))"
            why[Self.receive.id] = "receiving needs Inventory create rights (you are \(role))"
        }
        if !model.canEdit {
            why[Self.markSent.id] = "changing orders needs Inventory edit rights (you are \(role))"
            why[Self.cancel.id] = why[Self.markSent.id]
        }
        return why
    }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }

    func activate() {
        model.send(.reload)
        loaded = true
    }

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case ListCommands.up.id: model.send(.move(.up))
        case ListCommands.down.id: model.send(.move(.down))
        case ListCommands.first.id: model.send(.move(.first))
        case ListCommands.last.id: model.send(.move(.last))
        case Self.closed.id: model.send(.toggleClosed)
        case Self.reorder.id: run(.reorderAll)
        case Self.markSent.id: run(.send)
        case Self.receive.id:
            guard let o = model.order else { return true }
            let lines = o.lines.filter { $0.remaining.isPositive }.map { "\($0.remaining) \($0.unit) \($0.sku) \($0.name)" }
            context.present(.confirm(title: "Receive \(o.number) into \(o.warehouseCode)?",
                                     message: Array(lines.prefix(6)) + (lines.count > 6 ? ["… and \(lines.count - 6) more lines"] : []),
                                     destructive: false) { [weak self] in self?.run(.receive) })
        case Self.cancel.id:
            guard let o = model.order else { return true }
            context.present(.confirm(title: "Cancel \(o.number)?", message: ["Its alerts can be ordered again."], destructive: true) { [weak self] in
                self?.run(.cancel)
            })
        default: return false
        }
        return true
    }

    private func run(_ intent: PurchaseOrdersModel.Intent) {
        model.send(intent)
        if let e = model.error { context.toast(e, .error) } else if let m = model.lastMessage { context.toast(m, .success) }
    }

    static let columns = [
        GridColumn("Order", width: .fixed(13)), GridColumn("Supplier", width: .flex(min: 12, weight: 2)),
        GridColumn("To", width: .fixed(6)), GridColumn("Status", width: .fixed(9)), GridColumn("Lines", width: .fixed(5), alignment: .right),
        GridColumn("Total", width: .flex(min: 10, weight: 1), alignment: .right),
    ]
    static let lineColumns = [
        GridColumn("SKU", width: .fixed(12)), GridColumn("Product", width: .flex(min: 12, weight: 2)),
        GridColumn("Ordered", width: .fixed(9), alignment: .right), GridColumn("Received", width: .fixed(9), alignment: .right),
        GridColumn("Unit cost", width: .flex(min: 9, weight: 1), alignment: .right), GridColumn("Line total", width: .flex(min: 10, weight: 1), alignment: .right),
    ]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (info, body) = area.splitTop(1)
        surface.put(model.showClosed ? "All purchase orders · a hides closed" : "Open purchase orders · n reorders low stock · a shows closed",
                    in: info, style: theme[.muted])
        let (top, bottom) = body.splitTop(max(5, body.height / 2))
        let orders = model.orders
        grid.draw(columns: Self.columns, count: orders.count, selected: model.selected, row: { i in
            let o = orders[i]
            return GridRow([o.number, o.supplierName ?? "(no supplier)", o.warehouseCode, o.status.rawValue, "\(o.lines.count)", o.total.formatted],
                           cellRoles: [.accent, o.supplierName == nil ? .warning : nil, nil, Self.role(o.status), nil, nil])
        }, in: top, on: surface, theme: theme, emptyText: model.error ?? "No open purchase orders · n drafts them from low-stock alerts")
        let lines = model.order?.lines ?? []
        linesGrid.draw(columns: Self.lineColumns, count: lines.count, selected: -1, row: { i in
            let l = lines[i]
            let done = !l.remaining.isPositive
            return GridRow([l.sku, l.name, "\(l.quantity) \(l.unit)", "\(l.received)", l.unitCost.formatted, l.total.formatted],
                           cellRoles: [.accent, nil, nil, done ? .success : l.received.isPositive ? .warning : .muted, nil, nil])
        }, in: bottom, on: surface, theme: theme, caption: model.order.map { "\($0.number) lines" }, emptyText: "Select an order to see its lines",
           focused: false)
    }

    static func role(_ status: PurchaseOrderStatus) -> ThemeRole? {
        switch status {
        case .draft: .muted
        case .sent: .info
        case .received: .success
        case .cancelled: .muted
        }
    }
}
