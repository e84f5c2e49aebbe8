import CCWDomain
import CCWViewModels
import TerminalKit

/// The permission matrix, read-only: what each role may do in each module.
final class RolesSection: AdminSection {
    let model = RolesModel()
    let context: ScreenContext
    private var grid = GridPane()
    private var selected = 0

    init(context: ScreenContext) { self.context = context }

    var title: String { "Roles" }
    var name: String { "roles" }
    var commands: [CommandSpec] { ListCommands.movement }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }
    func activate() {}

    func perform(_ commandID: String) -> Bool {
        switch commandID {
        case ListCommands.down.id: selected = min(selected + 1, model.rows.count - 1)
        case ListCommands.up.id: selected = max(0, selected - 1)
        case ListCommands.first.id, ListCommands.pageUp.id: selected = 0
        case ListCommands.last.id, ListCommands.pageDown.id: selected = model.rows.count - 1
        case ListCommands.left.id: grid.scrollColumns(right: false)
        case ListCommands.right.id: grid.scrollColumns(right: true)
        default: return false
        }
        return true
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let block = Block(title: "Permission matrix", footer: RolesModel.legend, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area)
        let columns = [GridColumn("Role", width: .fixed(12))] + model.modules.map { GridColumn($0.title, width: .flex(min: 6, weight: 1)) }
        let rows = model.rows
        grid.draw(columns: columns, count: rows.count, selected: selected,
                  row: { i in GridRow([rows[i].role.title] + rows[i].cells,
                                      cellRoles: [nil] + rows[i].cells.map { $0 == "none" ? .muted : nil }) },
                  in: inner, on: surface, theme: theme, emptyText: "")
    }
}
