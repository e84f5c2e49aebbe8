import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Stock: the stock matrix, products as rows and warehouses as columns, each cell
/// the on-hand quantity (with the available quantity in brackets where reservations differ),
/// "!" and the warning colour at or below the reorder point, "✗" and the error colour when out.
/// h/l move the focused warehouse column (columns scroll when they do not fit), Enter drills
/// into the focused cell (bins, batches with expiry, serials and the documents that moved
/// them), `f` filters (only low, a category, some warehouses), `x` lists expiring batches.
final class StockSection: InventorySection {
    let model: StockMatrixModel
    let context: ScreenContext
    private var list = SearchableList()
    private var loaded = false
    /// First warehouse column drawn (horizontal scroll).
    private var firstWarehouse = 0
    private var expiringGrid = GridPane()

    static let columnLeft = CommandSpec("inventory.stock.column-left", "Previous warehouse", group: "Stock", help: "Focus the warehouse column to the left", keys: ["h", "left"], inPalette: false)
    static let columnRight = CommandSpec("inventory.stock.column-right", "Next warehouse", group: "Stock", help: "Focus the warehouse column to the right", keys: ["l", "right"], inPalette: false)
    static let drill = CommandSpec("inventory.stock.drill", "drill in", group: "Stock", help: "Batches, serials, bins and movements of the focused cell", keys: ["enter"], showInHints: true, inPalette: false)
    static let filters = CommandSpec("inventory.stock.filter", "filters…", group: "Stock", help: "Only low stock, a category, some warehouses", keys: ["f"], showInHints: true)
    static let onlyLow = CommandSpec("inventory.stock.only-low", "Only low stock", group: "Stock", help: "Show only products at or below a reorder point (again: all)", keys: ["L"])
    static let expiring = CommandSpec("inventory.stock.expiring", "expiring…", group: "Stock", help: "Batches expiring within a number of days", keys: ["x"], showInHints: true)
    static let reorderRule = CommandSpec("inventory.stock.reorder-rule", "reorder point…", group: "Stock", help: "Set the focused product's reorder point and order quantity at the focused warehouse", keys: ["e"], showInHints: true, changesData: true)
    static let reserve = CommandSpec("inventory.stock.reserve", "reserve…", group: "Stock", help: "Reserve stock of this cell for a deal, order or invoice", keys: ["v"], showInHints: true, changesData: true)
    static let release = CommandSpec("inventory.stock.release", "release…", group: "Stock", help: "Give back a document's reservation in this cell", keys: ["u"], showInHints: true, changesData: true)
    static let clearFilters = CommandSpec("inventory.stock.clear", "Clear filters", group: "Stock", help: "Every product in every warehouse", keys: ["c"])

    init(session: AppSession, context: ScreenContext) {
        model = StockMatrixModel(session: session)
        self.context = context
    }

    var title: String { "Stock" }
    var name: String { "stock" }
    var commands: [CommandSpec] {
        if model.detail != nil { return [Self.reorderRule, Self.reserve, Self.release] + ListCommands.movement }
        if model.view != .matrix { return [Self.expiring] + ListCommands.movement }
        return [ListCommands.filter, Self.drill, Self.columnLeft, Self.columnRight, Self.reorderRule, Self.filters, Self.onlyLow,
                Self.expiring, Self.clearFilters] + ListCommands.movement
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
        if commandID == Self.reorderRule.id && model.view == .matrix { askReorderRule(); return true }
        if model.detail != nil && commandID == Self.reserve.id { askReservation(); return true }
        if model.detail != nil && commandID == Self.release.id { chooseRelease(); return true }
        if model.detail != nil {
            guard commandID == GlobalCommands.back.id || commandID == GlobalCommands.quit.id else { return false }
            model.send(.closeCell)
            return true
        }
        if case .expiring = model.view {
            switch commandID {
            case GlobalCommands.back.id, GlobalCommands.quit.id: model.send(.showMatrix)
            case Self.expiring.id: askDays()
            default:
                guard let move = Self.move(commandID) else { return false }
                model.pageSizeHint(expiringGrid.pageSize)
                model.send(.move(move))
            }
            return true
        }
        switch commandID {
        case Self.columnLeft.id: model.send(.moveColumn(by: -1))
        case Self.columnRight.id: model.send(.moveColumn(by: 1))
        case Self.drill.id: model.send(.openCell); if let e = model.error { context.toast(e, .error) }
        case Self.onlyLow.id: model.send(.toggleOnlyLow)
        case Self.clearFilters.id:
            if model.filter.onlyLow { model.send(.toggleOnlyLow) }
            model.send(.setCategory(nil)); model.send(.setWarehouses(nil)); model.send(.setText(""))
        case Self.expiring.id: askDays()
        case Self.filters.id: chooseFilter()
        default: return list.perform(commandID, model: model)
        }
        return true
    }

    static func move(_ id: String) -> ListMove? {
        switch id {
        case ListCommands.down.id: .down
        case ListCommands.up.id: .up
        case ListCommands.pageDown.id: .pageDown
        case ListCommands.pageUp.id: .pageUp
        case ListCommands.first.id: .first
        case ListCommands.last.id: .last
        default: nil
        }
    }

    /// "Reorder point, order quantity" of the focused cell in one prompt: "5 20".
    private func askReorderRule() {
        guard let row = model.selected, let warehouse = model.focusedWarehouse else { return }
        context.present(.prompt(title: "Reorder \(row.sku) at \(warehouse.code): when available ≤ point, order quantity",
                                label: "Point Qty", initial: model.reorderRuleText(),
                                validate: { [weak self] text in self?.model.reorderRuleProblem(text) }) { [weak self] text in
            guard let self else { return }
            model.send(.setReorderRule(text))
            toastOutcome()
        })
    }

    /// "3 order:SO-1042": reserves at the cell's warehouse.
    private func askReservation() {
        guard let d = model.detail else { return }
        context.present(.prompt(title: "Reserve \(d.row.sku) at \(d.warehouse.code) for a document", label: "Qty document",
                                initial: "", validate: { [weak self] text in self?.model.reservationProblem(text) }) { [weak self] text in
            guard let self else { return }
            model.send(.reserve(text))
            toastOutcome()
        })
    }

    private func chooseRelease() {
        guard let d = model.detail else { return }
        guard !d.reservations.isEmpty else { context.toast("nothing is reserved here", .info); return }
        let options = d.reservations.map { StockCellView.reservationText($0, unit: d.row.unit) }
        context.present(.pick(title: "Release which reservation?", options: options, selected: 0) { [weak self] i in
            guard let self else { return }
            model.send(.release(i))
            toastOutcome()
        })
    }

    private func toastOutcome() {
        if let e = model.error { context.toast(e, .error) } else if let n = model.notice { context.toast(n, .success) }
    }

    private func askDays() {
        context.present(.prompt(title: "Batches expiring within", label: "Days", initial: "30",
                                validate: { Int($0.trimmingCharacters(in: .whitespaces)).map { $0 >= 0 && $0 <= 3650 ? nil : "0 to 3650 days" } ?? "type a number of days, e.g. 30" }) { [weak self] text in
            self?.model.send(.showExpiring(days: Int(text.trimmingCharacters(in: .whitespaces)) ?? 30))
        })
    }

    private func chooseFilter() {
        let options = [model.filter.onlyLow ? "Show all stock (not only low)" : "Only low stock", "Category…", "Warehouses…", "Clear filters"]
        context.present(.pick(title: "Filter the stock matrix", options: options, selected: 0) { [weak self] i in
            guard let self else { return }
            switch i {
            case 0: model.send(.toggleOnlyLow)
            case 1: chooseCategory()
            case 2: chooseWarehouses()
            default: _ = perform(Self.clearFilters.id)
            }
        })
    }

    private func chooseCategory() {
        let categories = ProductsModel(session: model.session).categories()
        context.present(.pick(title: "Show products of category", options: ["(every category)"] + categories.map(\.path), selected: 0) { [weak self] i in
            self?.model.send(.setCategory(i == 0 ? nil : categories[i - 1].category))
        })
    }

    private func chooseWarehouses() {
        let all = model.warehouses
        let current = model.shownWarehouses.map(\.code).joined(separator: ", ")
        context.present(.prompt(title: "Warehouses to show (\(all.map(\.code).joined(separator: ", ")))", label: "Codes", initial: current,
                                validate: { text in
            let codes = Self.codes(text)
            let unknown = codes.filter { c in !all.contains { $0.code.caseInsensitiveCompare(c) == .orderedSame } }
            if codes.isEmpty { return "type one or more warehouse codes, separated by commas" }
            return unknown.isEmpty ? nil : "no warehouse \(unknown.joined(separator: ", "))"
        }) { [weak self] text in
            let codes = Self.codes(text).map { $0.uppercased() }
            self?.model.send(.setWarehouses(all.filter { codes.contains($0.code.uppercased()) }.map(\.id)))
        })
    }

    static func codes(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
    }

    static let legend = "! at or below reorder point · ✗ out · 12 (9) on hand (available)"
    static let warehouseWidth = 10

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let detail = model.detail { StockCellView(detail: detail, theme: theme).render(area, on: surface); return }
        if case .expiring(let days) = model.view { drawExpiring(days, area, on: surface); return }
        let (searchRow, body) = area.splitTop(1)
        let summary = model.filterSummary
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model, placeholder: "search SKU, barcode, name (3+ characters)",
                            idle: summary.isEmpty ? Self.legend : "Stock filtered: \(summary) · c clears", idleRole: summary.isEmpty ? .muted : .info)
        let shown = model.shownWarehouses
        // How many warehouse columns fit beside SKU and name; scroll to keep the focused one in view.
        let fixed = DataGrid.gutterWidth + 15 + 17
        let fit = max(1, (body.width - fixed) / (Self.warehouseWidth + 1))
        let focus = model.focusedColumn
        if focus < firstWarehouse { firstWarehouse = focus }
        if focus >= firstWarehouse + fit { firstWarehouse = focus - fit + 1 }
        firstWarehouse = max(0, min(firstWarehouse, max(0, shown.count - fit)))
        let window = Array(shown.dropFirst(firstWarehouse).prefix(fit))
        let more = (firstWarehouse > 0 ? "‹ " : "") + (firstWarehouse + window.count < shown.count ? "› " : "")
        var columns = [GridColumn("SKU", width: .fixed(14)), GridColumn("Name", width: .flex(min: 16, weight: 1))]
        columns += window.map { GridColumn($0.code, width: .fixed(Self.warehouseWidth), alignment: .right) }
        list.grid.state.focusColumn(2 + focus - firstWarehouse)
        let rows = model.list
        let caption = model.focusedWarehouse.map { w in
            "\(more)\(w.code) \(w.name)" + (shown.count > window.count ? " · \(focus + 1) of \(shown.count) warehouses" : "")
        }
        let empty = shown.isEmpty ? "No warehouses yet" : summary.isEmpty ? "No products yet" : "No products match \(summary)"
        list.grid.draw(columns: columns, count: rows.count, selected: rows.selected, row: { i in
            guard let r = rows.row(at: i) else { return GridRow(["…"]) }
            var texts = [r.sku, r.name], roles: [ThemeRole?] = [nil, nil]
            for w in window {
                let (text, role) = StockText.cell(r.cells[w.id])
                texts.append(text); roles.append(role)
            }
            return GridRow(texts, cellRoles: roles)
        }, in: body, on: surface, theme: theme, caption: caption, emptyText: rows.error ?? empty, countIsLowerBound: !rows.countIsExact)
        model.setPageSize(list.grid.pageSize)
    }

    static let expiringColumns = [
        GridColumn("Expiry", width: .fixed(10)), GridColumn("Days", width: .fixed(8), alignment: .right),
        GridColumn("SKU", width: .fixed(11)), GridColumn("Name", width: .flex(min: 14, weight: 2)),
        GridColumn("Batch", width: .flex(min: 9, weight: 1)), GridColumn("Where", width: .fixed(6)),
        GridColumn("On hand", width: .fixed(9), alignment: .right),
    ]

    private func drawExpiring(_ days: Int, _ area: Rect, on surface: Surface) {
        let theme = context.theme
        let (head, body) = area.splitTop(1)
        surface.fill(head, style: theme[.base])
        surface.put("Batches expiring within \(days) days (and expired ones still in stock) · x other days · Esc back to the matrix",
                    in: head, style: theme[.info])
        let lines = model.expiring, today = model.session.today
        expiringGrid.draw(columns: Self.expiringColumns, count: lines.count, selected: model.expiringSelected, row: { i in
            let l = lines[i]
            let left = today.days(until: l.expiry)
            let role: ThemeRole? = left < 0 ? .error : left <= 7 ? .warning : nil
            let when = left < 0 ? "expired" : left == 0 ? "today" : "\(left)"
            return GridRow([l.expiry.description, when, l.sku, l.name, l.batch, l.warehouseCode, StockText.quantity(l.onHand)],
                           cellRoles: [role, role, nil, nil, .muted, .accent, nil])
        }, in: body, on: surface, theme: theme,
           caption: lines.count >= StockMatrixModel.expiringLimit ? "first \(StockMatrixModel.expiringLimit) shown" : nil,
           emptyText: "No batch with stock expires within \(days) days")
    }
}

extension StockMatrixModel {
    /// The expiring list pages by the grid's height.
    func pageSizeHint(_ n: Int) { setPageSize(n) }
}
