import TerminalKit

/// Keeps a DataGrid's widget state (scroll offset, column scroll) in step with a view model that
/// owns the selection, and draws the grid. The view model loads rows on movement intents; the
/// grid only reads rows that are already loaded, so drawing never queries.
struct GridPane {
    var state = DataGridState()
    /// Body rows shown at the last draw: the page size for PgUp/PgDn.
    private(set) var pageSize = 20

    mutating func draw(columns: [GridColumn], count: Int, selected: Int, row: @escaping (Int) -> GridRow,
                       in area: Rect, on surface: Surface, theme: Theme, caption: String? = nil,
                       emptyText: String, focused: Bool = true, countIsLowerBound: Bool = false,
                       marked: ((Int) -> Bool)? = nil, markedCount: Int? = nil) {
        state.setColumnCount(columns.count)
        state.setRowCount(count)
        state.select(selected)
        state.focused = focused
        state.rowCountIsLowerBound = countIsLowerBound
        let grid = DataGrid(columns: columns, source: ClosureGridSource(rowCount: count, row: row), theme: theme,
                            emptyText: emptyText, caption: caption)
        pageSize = max(1, grid.bodyHeight(in: area))
        if let marked {
            // The owner keeps marks by record; the grid shows them for the rows in view.
            state.marks.clear()
            let lo = max(0, min(state.offset, selected - pageSize)), hi = min(count, max(state.offset, selected) + pageSize + 1)
            for i in lo..<max(lo, hi) where marked(i) { state.marks.set(i, marked: true) }
            state.markedTotal = markedCount
        }
        grid.render(area, on: surface, state: &state)
    }

    /// Horizontal column scrolling for the list.left / list.right commands.
    mutating func scrollColumns(right: Bool) {
        if right { state.moveColumnRight() } else { state.moveColumnLeft() }
    }
}
