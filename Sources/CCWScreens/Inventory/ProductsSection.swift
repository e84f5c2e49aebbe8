import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Products: parents and plain products in name order with variants folded under
/// their parent ("▸ 12 variants"; Space or l expands, h collapses), searchable by SKU, barcode,
/// name and brand (`/`), narrowed by category (`f`), with the selected product's detail beside
/// the grid (or on Enter when narrow). `n` adds and `e` edits through a form; `p` edits the price
/// ladder of one tier in one currency (a picker first when the product has ladders).
final class ProductsSection: InventorySection {
    let model: ProductsModel
    let context: ScreenContext
    private var list = SearchableList()
    private var panel: Panel?
    private var loaded = false

    static let expand = CommandSpec("inventory.products.expand", "variants", group: "Products",
                                    help: "Show the variants of the selected product under it", keys: ["space", "l"], showInHints: true)
    static let collapse = CommandSpec("inventory.products.collapse", "Fold variants", group: "Products",
                                      help: "Hide the variants of the selected product", keys: ["h"])
    static let category = CommandSpec("inventory.products.category", "category…", group: "Products",
                                      help: "Show only the products of a category (with its subcategories)", keys: ["f"], showInHints: true)
    static let clearFilters = CommandSpec("inventory.products.clear", "Clear filters", group: "Products", help: "Show every product", keys: ["c"])
    static let add = CommandSpec("inventory.product.add", "new", group: "Products", help: "Add a product", keys: ["n"], showInHints: true, changesData: true)
    static let edit = CommandSpec("inventory.product.edit", "edit", group: "Products", help: "Edit the selected product", keys: ["e"], showInHints: true, changesData: true)
    static let prices = CommandSpec("inventory.product.prices", "prices", group: "Products",
                                    help: "Edit the selected product's price tiers and quantity breaks", keys: ["p"], changesData: true)

    init(session: AppSession, context: ScreenContext) {
        model = ProductsModel(session: session)
        self.context = context
    }

    var title: String { "Products" }
    var name: String { "products" }
    var commands: [CommandSpec] {
        if let panel { return panel.commands }
        return [ListCommands.filter, ListCommands.open, Self.expand, Self.collapse, Self.add, Self.edit, Self.prices, Self.category, Self.clearFilters,
                ListCommands.copy] + ListCommands.movement
    }
    var disabledCommands: [String: String] {
        var why: [String: String] = [:]
        let role = model.session.role.title
        if !model.canCreate { why[Self.add.id] = "adding products needs Inventory create rights (you are \(role))" }
        if !model.canEdit { why[Self.edit.id] = "editing products needs Inventory edit rights (you are \(role))" }
        if !model.canEdit { why[Self.prices.id] = "editing prices needs Inventory edit rights (you are \(role))" }
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
        switch commandID {
        case Self.expand.id: model.send(.expand); return true
        case Self.collapse.id: model.send(.collapse); return true
        default: break
        }
        if list.perform(commandID, model: model) { return true }
        switch commandID {
        case ListCommands.copy.id: if let p = model.selected?.product { context.copy(p.sku) }
        case Self.clearFilters.id: model.send(.setCategory(nil)); model.send(.setText(""))
        case Self.category.id:
            let categories = model.categories()
            guard !categories.isEmpty else { context.toast("no categories yet", .info); return true }
            context.present(.pick(title: "Show products of category", options: ["(every category)"] + categories.map(\.path), selected: 0) { [weak self] i in
                self?.model.send(.setCategory(i == 0 ? nil : categories[i - 1].category))
            })
        case Self.add.id: open(ProductFormModel(session: model.session))
        case Self.edit.id:
            guard let product = model.selected?.product else { return true }
            open(ProductFormModel(session: model.session, editing: product))
        case Self.prices.id:
            guard let product = model.selected?.product else { return true }
            let form = ProductPricesFormModel(session: model.session, product: product)
            guard !form.ladders.isEmpty else { openPrices(form); return true }
            let ladders = form.ladders
            context.present(.pick(title: "Prices of \(product.sku)", options: form.ladderNames + ["new ladder (another tier or currency)…"],
                                  selected: 0) { [weak self] i in
                guard let self else { return }
                openPrices(i < ladders.count ? ProductPricesFormModel(session: model.session, product: product, tier: ladders[i].tier,
                                                                     currency: ladders[i].currency) : form)
            })
        default: return false
        }
        return true
    }

    private func open(_ form: ProductFormModel) {
        let panel = ProductFormPanel(model: form, context: context)
        panel.onSaved = { [weak self] product in self?.model.reveal(product) }
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    private func openPrices(_ form: ProductPricesFormModel) {
        let panel = ProductPricesFormPanel(model: form, context: context)
        panel.onSaved = { [weak self] _ in self?.model.send(.reload) }
        panel.onClose = { [weak self] in self?.panel = nil }
        self.panel = panel
    }

    static let columns = [
        GridColumn("SKU", width: .fixed(20)),
        GridColumn("Name", width: .flex(min: 18, weight: 3)),
        GridColumn("Category", width: .flex(min: 10, weight: 1)),
        GridColumn("Brand", width: .flex(min: 9, weight: 1)),
        GridColumn("Unit", width: .fixed(5)),
        GridColumn("Price", width: .fixed(10), alignment: .right),
        GridColumn("On hand", width: .fixed(9), alignment: .right),
        GridColumn("Avail.", width: .fixed(8), alignment: .right),
    ]

    /// At 80 columns the grid drops category and brand (the detail shows them).
    static let narrowColumns = [0, 1, 5, 6, 7]

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        if !loaded { activate() }
        if let panel { panel.draw(area, on: surface); return }
        let (searchRow, body) = area.splitTop(1)
        let summary = model.filterSummary
        let idle = summary.isEmpty ? "Products · / search SKU, barcode, name · f category · Space variants · Enter detail"
            : "Products filtered: \(summary) · c clears"
        list.drawSearchLine(searchRow, on: surface, theme: theme, model: model, placeholder: "search SKU, barcode, name, brand (3+ characters)",
                            idle: idle, idleRole: summary.isEmpty ? .muted : .info)
        let (gridArea, detailArea) = list.layout(body)
        if let gridArea {
            let rows = model.list
            let shown = gridArea.width < 100 ? Self.narrowColumns : Array(Self.columns.indices)
            let empty = summary.isEmpty ? "No products yet · n adds one" : "No products match \(summary)"
            list.grid.draw(columns: shown.map { Self.columns[$0] }, count: rows.count, selected: rows.selected, row: { i in
                guard let r = rows.row(at: i) else { return GridRow(["…"]) }
                let cells = Self.cells(r)
                return GridRow(shown.map { cells.0[$0] }, cellRoles: shown.map { cells.1[$0] }, role: r.product.active ? nil : .muted)
            }, in: gridArea, on: surface, theme: theme, emptyText: rows.error ?? empty, countIsLowerBound: !rows.countIsExact)
            model.setPageSize(list.grid.pageSize)
        }
        if let detailArea {
            ProductDetailView(overview: model.overview, theme: theme, narrow: gridArea == nil, zone: model.session.scope.zone)
                .render(detailArea, on: surface)
        }
    }

    static func cells(_ r: ProductListRow) -> ([String], [ThemeRole?]) {
        let p = r.product, line = r.line
        var name = p.name, sku = p.sku
        var nameRole: ThemeRole?
        if r.isNested || (p.parentId != nil) { sku = "  " + sku; name = "  " + name }
        if line.variantCount > 0 {
            name += " \(r.isExpanded ? "▾" : "▸") \(line.variantCount) variant\(line.variantCount == 1 ? "" : "s")"
            nameRole = nil
        }
        let stockRole: ThemeRole? = line.onHand.isNegative ? .error : line.onHand.isZero ? .muted : nil
        return ([sku, name, line.categoryName ?? "", p.brand, p.unit, p.price.formatted, StockText.quantity(line.onHand),
                 StockText.quantity(line.available)],
                [r.isNested ? .muted : nil, nameRole, .muted, .muted, .muted, nil, stockRole, stockRole])
    }
}
