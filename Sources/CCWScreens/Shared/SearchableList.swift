import CCWViewModels
import TerminalKit

/// What every searchable list screen shares: the `/` search line (incremental; Enter keeps,
/// Esc clears), the movement keys, and a detail that stands beside the grid when the terminal
/// is wide and replaces it on Enter when narrow (Esc returns).
struct SearchableList {
    var grid = GridPane()
    private(set) var input: TextInputState?
    private(set) var showingDetail = false
    /// From this width the detail stands beside the grid.
    static let wideWidth = 120

    var isSearching: Bool { input != nil }

    /// Gives a key to the search line while it is open.
    mutating func handleText(_ key: KeyEvent, model: SearchableListModel) -> Bool {
        guard var edited = input else { return false }
        switch key.key {
        case .enter: input = nil; return true
        case .escape: input = nil; model.search(""); return true
        case .up, .down, .pageUp, .pageDown: return false
        default:
            let before = edited.value
            guard edited.handle(key) else { return true }
            input = edited
            if edited.value != before { model.search(edited.value) }
            return true
        }
    }

    /// Movement, search and detail commands; false when `commandID` is none of them.
    mutating func perform(_ commandID: String, model: SearchableListModel) -> Bool {
        model.setPageSize(grid.pageSize)
        switch commandID {
        case ListCommands.down.id: model.move(.down)
        case ListCommands.up.id: model.move(.up)
        case ListCommands.pageDown.id: model.move(.pageDown)
        case ListCommands.pageUp.id: model.move(.pageUp)
        case ListCommands.first.id: model.move(.first)
        case ListCommands.last.id: model.move(.last)
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        case ListCommands.filter.id: input = TextInputState(model.searchText ?? "")
        case ListCommands.open.id: showingDetail.toggle()
        case GlobalCommands.back.id, GlobalCommands.quit.id:
            guard showingDetail else { return false }
            showingDetail = false
        default: return false
        }
        return true
    }

    /// Splits the body into the grid's and the detail's rects; either may be nil (narrow:
    /// the detail only while open, and then no grid).
    mutating func layout(_ body: Rect) -> (grid: Rect?, detail: Rect?) {
        if body.width >= Self.wideWidth {
            showingDetail = false
            let (g, d) = body.splitLeft(body.width * 2 / 3)
            return (g, d)
        }
        return showingDetail ? (nil, body) : (body, nil)
    }

    /// The line above the grid: the search being typed (with the too-short hint), else `idle`.
    func drawSearchLine(_ row: Rect, on surface: Surface, theme: Theme, model: SearchableListModel,
                        placeholder: String, idle: String, idleRole: ThemeRole) {
        surface.fill(row, style: theme[.base])
        guard var edited = input else {
            surface.put(idle, in: row, style: theme[idleRole])
            return
        }
        let hint = model.searchHint.map { "  \($0)" } ?? ""
        let inputArea = row.inset(left: 2, right: hint.displayWidth)
        surface.put("/ ", x: row.x, y: row.y, style: theme[.accent])
        TextInput(placeholder: placeholder, focused: true, theme: theme).render(inputArea, on: surface, state: &edited)
        if !hint.isEmpty { surface.put(hint, x: inputArea.maxX, y: row.y, style: theme[.muted], maxX: row.maxX) }
    }
}
