import CCWCore
import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory › Entry: receive, issue, transfer and count at a warehouse terminal, made for
/// barcode scanners. The code field has focus; a scan (digits then Enter) books at once with
/// quantity 1; Tab reaches quantity and unit cost first. The mode is chosen with `+ - > =`
/// in the empty code field (or Tab to Mode and ←/→), warehouse and bin stay between items.
/// Errors ring the bell and show on the message line; nothing typed is lost. Esc moves to the
/// list of this session's bookings, where `u` (or Ctrl-Z anywhere) undoes the newest line by a
/// reversal after asking.
final class StockEntrySection: ModuleSection {
    typealias Field = StockEntryModel.Field

    let model: StockEntryModel
    let context: ScreenContext
    private var inputs: [Field: TextInputState] = [:]
    private var listFocused = false
    private var grid = GridPane()
    private var selected = 0
    private var bells = 0

    static let undo = CommandSpec("inventory.entry.undo", "undo last", group: "Entry",
                                  help: "Undo the newest booked line by a reversal (asks first)", keys: ["ctrl+z", "u"],
                                  showInHints: true, changesData: true)
    static let entry = CommandSpec("inventory.entry.code", "scan", group: "Entry", help: "Back to the code field",
                                   keys: ["i", "tab"], showInHints: true, inPalette: false)
    static let modes: [CommandSpec] = StockEntryModel.Mode.allCases.map { mode in
        CommandSpec("inventory.entry.mode-\(mode.rawValue)", "\(mode.title) mode", group: "Entry",
                    help: "Book \(mode.title.lowercased())s (in the empty code field: \(mode.key))", keys: [String(mode.key)])
    }

    init(session: AppSession, context: ScreenContext) {
        model = StockEntryModel(session: session)
        self.context = context
    }

    var title: String { "Receive · Issue · Count" }
    var name: String { "entry" }
    var commands: [CommandSpec] {
        listFocused ? [Self.entry, Self.undo] + Self.modes + ListCommands.movement : [Self.undo] + Self.modes
    }
    var disabledCommands: [String: String] {
        if !model.canBook {
            return Dictionary(uniqueKeysWithValues: ([Self.undo] + Self.modes).map { ($0.id, "your role may not book stock") })
        }
        return model.undoable == nil ? [Self.undo.id: "nothing booked in this session yet"] : [:]
    }
    var hasTextFocus: Bool { !listFocused }
    var hasUnsavedChanges: Bool { false }

    func activate() { model.reload() }

    // MARK: Keys

    func handleText(_ key: KeyEvent) -> Bool {
        guard !listFocused else { return false }
        let field = model.focus
        switch key.key {
        case .enter:
            submit()
            return true
        case .tab:
            model.send(key.modifiers.contains(.shift) ? .focusPrevious : .focusNext)
            return true
        case .escape:
            listFocused = true
            return true
        case .up where !field.isText, .down where !field.isText:
            return false
        case .left where !field.isText, .right where !field.isText:
            model.send(.cycle(field, forward: key.key == .right))
            return true
        default: break
        }
        guard field.isText else {
            if key.typedCharacter == " " { model.send(.cycle(field, forward: true)); return true }
            if let c = key.typedCharacter, let mode = StockEntryModel.Mode.allCases.first(where: { $0.key == c }) {
                model.send(.setMode(mode))
                return true
            }
            return key.typedCharacter != nil
        }
        if field == .code, model.value(.code).isEmpty, let c = key.typedCharacter,
           let mode = StockEntryModel.Mode.allCases.first(where: { $0.key == c }) {
            model.send(.setMode(mode))
            return true
        }
        var state = input(field)
        guard state.handle(key) else { return false }
        inputs[field] = state
        model.send(.setText(field, state.value))
        return true
    }

    func perform(_ commandID: String) -> Bool {
        if let mode = StockEntryModel.Mode.allCases.first(where: { "inventory.entry.mode-\($0.rawValue)" == commandID }) {
            model.send(.setMode(mode))
            listFocused = false
            return true
        }
        switch commandID {
        case Self.undo.id: confirmUndo()
        case Self.entry.id: listFocused = false
        case ListCommands.down.id: selected = min(selected + 1, max(0, model.lines.count - 1))
        case ListCommands.up.id: selected = max(0, selected - 1)
        case ListCommands.first.id, ListCommands.pageUp.id: selected = 0
        case ListCommands.last.id, ListCommands.pageDown.id: selected = max(0, model.lines.count - 1)
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        default: return false
        }
        return true
    }

    private func input(_ field: Field) -> TextInputState {
        let value = model.value(field)
        if let state = inputs[field], state.value == value { return state }
        var state = TextInputState(value)
        state.moveEnd()
        return state
    }

    private func submit() {
        model.send(.submit)
        selected = 0
        ringIfFailed()
    }

    private func ringIfFailed() {
        if model.bellCount != bells {
            bells = model.bellCount
            context.bell()
        }
    }

    private func confirmUndo() {
        guard let line = model.undoable else {
            context.bell()
            return
        }
        let scans = line.bookingIds.count
        context.present(.confirm(title: "Undo \(line.mode.title.lowercased()) of \(line.sku)?",
                                 message: ["\(line.quantity) at \(line.location), booked \(line.time)"
                                            + (scans > 1 ? " in \(scans) scans" : "") + ".",
                                           "A reversal is booked; the original stays in the ledger."],
                                 destructive: true) { [weak self] in
            guard let self else { return }
            self.model.send(.undoLast)
            self.listFocused = false
            self.ringIfFailed()
        })
    }

    // MARK: Drawing

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let footer = model.canBook ? "+ receive  - issue  > transfer  = count  Tab fields  Esc list  ctrl+z undo"
            : "read only: your role may not book stock"
        let block = Block(title: "Receive · Issue · Transfer · Count", footer: footer, focused: !listFocused, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 6 else { return }
        drawModes(inner.row(0), on: surface)
        drawLocation(inner.row(1), on: surface)
        drawEntry(inner.row(3), on: surface)
        if let message = model.message {
            Paragraph([[TextSpan(message.isError ? "✗ " : "✓ ", role: message.isError ? .error : .success),
                        TextSpan(message.text, role: message.isError ? .error : .base)]], theme: theme)
                .render(inner.row(4), on: surface)
        }
        let (_, rest) = inner.splitTop(6)
        drawLines(rest, on: surface)
    }

    private func label(_ text: String, at x: inout Int, y: Int, on surface: Surface, maxX: Int) {
        x += surface.put(text, x: x, y: y, style: context.theme[.muted], maxX: maxX)
    }

    private func drawModes(_ row: Rect, on surface: Surface) {
        let theme = context.theme
        var x = row.x
        label("Mode ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        for mode in StockEntryModel.Mode.allCases {
            let active = mode == model.mode
            let text = active ? "[\(mode.key) \(mode.title)]" : " \(mode.key) \(mode.title) "
            var style = theme[active ? .tabActive : .tabInactive]
            if active && model.focus == .mode && !listFocused { style = theme[.selected] }
            x += surface.put(text, x: x, y: row.y, style: style, maxX: row.maxX)
            x += 1
        }
    }

    private func choice(_ field: Field, _ text: String, x: inout Int, y: Int, on surface: Surface, maxX: Int) {
        let focused = model.focus == field && !listFocused
        let shown = "‹\(text)›"
        x += surface.put(shown, x: x, y: y, style: context.theme[focused ? .inputFocused : .input], maxX: maxX)
        x += 2
    }

    private func text(_ field: Field, width: Int, placeholder: String = "", x: inout Int, y: Int, on surface: Surface, maxX: Int,
                      alignment: HorizontalAlignment = .left) {
        let focused = model.focus == field && !listFocused
        var state = input(field)
        let w = max(1, min(width, maxX - x))
        TextInput(placeholder: placeholder, focused: focused, alignment: alignment, theme: context.theme)
            .render(Rect(x: x, y: y, width: w, height: 1), on: surface, state: &state)
        inputs[field] = state
        x += w + 2
    }

    private func drawLocation(_ row: Rect, on surface: Surface) {
        var x = row.x
        label(model.mode == .transfer ? "From " : "Warehouse ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        choice(.warehouse, model.warehouse?.code ?? "none", x: &x, y: row.y, on: surface, maxX: row.maxX)
        label("Bin ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        text(.bin, width: 9, placeholder: "none", x: &x, y: row.y, on: surface, maxX: row.maxX)
        label("Batch ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        text(.batch, width: 8, placeholder: "none", x: &x, y: row.y, on: surface, maxX: row.maxX)
        if model.mode == .transfer {
            label("To ", at: &x, y: row.y, on: surface, maxX: row.maxX)
            choice(.toWarehouse, model.toWarehouse?.code ?? "none", x: &x, y: row.y, on: surface, maxX: row.maxX)
            label("Bin ", at: &x, y: row.y, on: surface, maxX: row.maxX)
            text(.toBin, width: 9, placeholder: "none", x: &x, y: row.y, on: surface, maxX: row.maxX)
        } else if let warehouse = model.warehouse, row.maxX - x > warehouse.name.displayWidth {
            label(warehouse.name, at: &x, y: row.y, on: surface, maxX: row.maxX)
        }
    }

    private func drawEntry(_ row: Rect, on surface: Surface) {
        var x = row.x
        label("Code ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        let wide = row.width >= 100
        text(.code, width: wide ? 28 : 20, placeholder: wide ? "scan or type a SKU or barcode" : "scan or type a code", x: &x, y: row.y, on: surface, maxX: row.maxX)
        label(model.quantityLabel + " ", at: &x, y: row.y, on: surface, maxX: row.maxX)
        text(.quantity, width: 7, placeholder: model.mode == .count ? "?" : "1", x: &x, y: row.y, on: surface, maxX: row.maxX,
             alignment: .right)
        if model.mode == .receive {
            label("Cost ", at: &x, y: row.y, on: surface, maxX: row.maxX)
            text(.cost, width: wide ? 14 : 10, placeholder: model.costPlaceholder, x: &x, y: row.y, on: surface, maxX: row.maxX,
                 alignment: .right)
        }
        if let product = model.product, row.maxX - x > 4 {
            label(product.name, at: &x, y: row.y, on: surface, maxX: row.maxX)
        }
    }

    private func drawLines(_ area: Rect, on surface: Surface) {
        let wide = area.width >= 100
        var columns = [GridColumn("Time", width: .fixed(5)), GridColumn("Mode", width: .fixed(8)),
                       GridColumn("Code", width: .flex(min: 8, weight: 1))]
        if wide { columns.append(GridColumn("Name", width: .flex(min: 10, weight: 2))) }
        columns += [GridColumn("Qty", width: .fixed(wide ? 10 : 8), alignment: .right),
                    GridColumn("Location", width: .flex(min: 10, weight: 2)),
                    GridColumn("On hand", width: .fixed(wide ? 11 : 9), alignment: .right)]
        let lines = model.lines
        selected = min(selected, max(0, lines.count - 1))
        grid.draw(columns: columns, count: lines.count, selected: selected, row: { [model] i in
            let line = lines[i]
            var qty = line.quantity.description
            if let difference = line.difference { qty = "\(line.quantity) (\(model.signed(difference)))" }
            var cells = [line.time, line.undone ? "undone" : line.mode.title, line.sku]
            if wide { cells.append(line.name) }
            cells += [qty, line.location, line.onHand]
            return GridRow(cells, role: line.undone ? .muted : nil)
        }, in: area, on: surface, theme: context.theme, caption: "Booked this session",
                  emptyText: "nothing booked yet: scan a code and press Enter", focused: listFocused)
    }
}
