import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Value: the inventory value as of a date (`d` types it: 2026-06-30, today, -30,
/// eom), by category with subcategories indented, by warehouse, or the products worth most
/// (`v` switches), with the valuation methods of the products in stock.
final class ValuationSection: InventorySection {
    let model: ValuationModel
    let context: ScreenContext
    private var grid = GridPane()
    private var loaded = false

    static let date = CommandSpec("inventory.value.date", "as of…", group: "Value", help: "Value the inventory as of another date", keys: ["d"], showInHints: true)
    static let view = CommandSpec("inventory.value.view", "by…", group: "Value", help: "Break the value down by category, warehouse or product", keys: ["v"], showInHints: true)

    init(session: AppSession, context: ScreenContext) {
        model = ValuationModel(session: session)
        self.context = context
    }

    var title: String { "Value" }
    var name: String { "value" }
    var commands: [CommandSpec] { [Self.date, Self.view] + ListCommands.movement }
    var disabledCommands: [String: String] { [:] }
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
        case Self.date.id:
            context.present(.prompt(title: "Inventory value as of", label: "Date", initial: model.asOf.description,
                                    validate: { [model] text in
                (try? CalendarDate.parse(text, today: model.session.today)) == nil ? "a date: 2026-06-30, today, -30 (days ago), eom" : nil
            }) { [weak self] text in
                guard let self else { return }
                model.send(.setDate(text))
                if let e = model.error { context.toast(e, .error) }
            })
        case Self.view.id:
            let all = ValuationModel.Breakdown.allCases
            context.present(.pick(title: "Break the value down by", options: all.map(\.rawValue), selected: all.firstIndex(of: model.breakdown) ?? 0) { [weak self] i in
                self?.model.send(.setView(all[i]))
            })
        default:
            guard let move = StockSection.move(commandID) else { return false }
            model.send(.move(move))
        }
        return true
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        let (head, body) = area.splitTop(2)
        surface.fill(head, style: theme[.base])
        var x = head.x
        x += surface.put("Value as of \(model.asOf)  ", x: x, y: head.y, style: theme[.title], maxX: head.maxX)
        x += surface.put(model.total.formattedWithCode, x: x, y: head.y, style: theme[.accent], maxX: head.maxX)
        surface.put("  by \(model.breakdown.rawValue) · d date · v breakdown", x: x, y: head.y, style: theme[.muted], maxX: head.maxX)
        surface.put(model.methods.isEmpty ? "no stock on that date" : "methods in use: \(model.methods)", in: head.row(1), style: theme[.muted])
        let lines = model.lines
        let columns = [
            GridColumn(model.breakdown.rawValue.capitalized, width: .flex(min: 14, weight: 1)),
            GridColumn("", width: .flex(min: 10, weight: 2)),
            GridColumn(model.breakdown == .product ? "On hand" : "", width: .fixed(14), alignment: .right),
            GridColumn("Value", width: .fixed(16), alignment: .right),
        ]
        grid.draw(columns: columns, count: lines.count, selected: model.selected, row: { i in
            let l = lines[i]
            return GridRow([String(repeating: "  ", count: l.depth) + l.label, l.detail, l.onHand, l.value.formatted],
                           cellRoles: [l.depth == 0 ? nil : .muted, .muted, nil, l.value.isNegative ? .moneyNegative : nil])
        }, in: body, on: surface, theme: theme, caption: model.breakdown == .product ? "the \(ValuationModel.productLimit) products worth most" : nil,
           emptyText: model.error ?? "No stock on \(model.asOf)")
        model.pageSize = grid.pageSize
    }
}
