/// A virtualized table: a fixed header, the visible rows asked one by one from a `GridDataSource`,
/// and a footer with the position ("row 120 of 1,000,000"). Rendering a page touches only the rows
/// on screen, whatever the source's size.
///
/// Layout: a two-cell gutter (selection pointer and mark glyph), then the columns from
/// `state.firstColumn` that fit, one space apart. Columns that do not fit are reached by moving
/// the focused column; "‹" / "›" in the header say that more columns lie left / right.
public struct DataGrid: StatefulWidget {
    public var columns: [GridColumn]
    public var source: any GridDataSource
    public var theme: Theme
    /// Shown in the body when there are no rows ("No contacts match /acme").
    public var emptyText: String
    /// Left part of the footer (a filter, a total); the position counter is on the right.
    public var caption: String?
    public var showFooter: Bool
    /// Draws the focused column's title in the accent role (the column `s` sorts by).
    public var highlightFocusedColumn: Bool

    public static let gutterWidth = 2

    public init(columns: [GridColumn], source: any GridDataSource, theme: Theme, emptyText: String = "No rows",
                caption: String? = nil, showFooter: Bool = true, highlightFocusedColumn: Bool = true) {
        self.columns = columns; self.source = source; self.theme = theme; self.emptyText = emptyText
        self.caption = caption; self.showFooter = showFooter; self.highlightFocusedColumn = highlightFocusedColumn
    }

    /// How many body rows fit in `area` (the page size for PgUp/PgDn).
    public func bodyHeight(in area: Rect) -> Int { max(0, area.height - 1 - (showFooter ? 1 : 0)) }

    /// The rows currently on screen, fetched from the source (for `GridColumn.fitted`).
    public func visibleRows(_ state: DataGridState) -> [GridRow] {
        let n = source.rowCount
        let range = state.visibleRows.clamped(to: 0..<n)
        return range.map { source.row(at: $0) }
    }

    public func render(_ area: Rect, on surface: Surface, state: inout DataGridState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let count = source.rowCount
        state.setRowCount(count)
        state.setColumnCount(columns.count)
        let (header, rest) = area.splitTop(1)
        let (body, footer) = showFooter ? rest.splitBottom(1) : (rest, Rect(x: area.x, y: area.maxY, width: area.width, height: 0))
        state.setViewport(max(1, body.height))

        let columnsArea = area.inset(left: Self.gutterWidth)
        let slots = layoutColumns(columnsArea, state: &state)
        drawHeader(header, slots: slots, state: state, on: surface)

        surface.fillKeepingWide(body, style: theme[.base])
        if count == 0 {
            if body.height > 0 {
                let y = body.y + min(1, body.height - 1)
                surface.put(emptyText, in: body.row(y - body.y), alignment: .center, style: theme[.muted])
            }
        } else {
            for (line, index) in state.visibleRows.enumerated() where line < body.height {
                drawRow(index, source.row(at: index), in: body.row(line), slots: slots, state: state, on: surface)
            }
        }
        if showFooter && !footer.isEmpty { drawFooter(footer, state: state, on: surface) }
    }

    /// Scrolls columns so the focused one is visible, then lays them out.
    private func layoutColumns(_ area: Rect, state: inout DataGridState) -> [GridColumnSlot] {
        guard !columns.isEmpty else { return [] }
        if state.focusedColumn < state.firstColumn { state.firstColumn = state.focusedColumn }
        state.firstColumn = min(max(0, state.firstColumn), columns.count - 1)
        var slots = GridLayout.slots(columns, firstColumn: state.firstColumn, x: area.x, width: area.width)
        while !slots.contains(where: { $0.index == state.focusedColumn }), state.firstColumn < state.focusedColumn {
            state.firstColumn += 1
            slots = GridLayout.slots(columns, firstColumn: state.firstColumn, x: area.x, width: area.width)
        }
        return slots
    }

    private func drawHeader(_ row: Rect, slots: [GridColumnSlot], state: DataGridState, on surface: Surface) {
        guard !row.isEmpty else { return }
        let style = theme[.header]
        surface.fillKeepingWide(row, style: style)
        let g = surface.glyphs
        if state.firstColumn > 0 { surface.put(g.moreLeft, x: row.x, y: row.y, style: style.patched(with: theme[.accent]), maxX: row.maxX) }
        for slot in slots {
            let column = columns[slot.index]
            var marker = ""
            if let sort = state.sort, sort.column == slot.index {
                marker = " " + (sort.direction == .ascending ? g.sortAscending : g.sortDescending)
            }
            let titleWidth = max(0, slot.width - marker.displayWidth)
            let title = column.title.truncated(toWidth: titleWidth, ellipsis: g.ellipsis) + marker
            var s = style
            if highlightFocusedColumn && state.focused && slot.index == state.focusedColumn && columns.count > 1 {
                s = s.patched(with: theme[.accent])
            }
            surface.put(title, in: Rect(x: slot.x, y: row.y, width: slot.width, height: 1), alignment: column.alignment, style: s)
        }
        if let last = slots.last, last.index < columns.count - 1 {
            surface.put(g.moreRight, x: row.maxX - 1, y: row.y, style: style.patched(with: theme[.accent]), maxX: row.maxX)
        }
    }

    private func drawRow(_ index: Int, _ data: GridRow, in row: Rect, slots: [GridColumnSlot], state: DataGridState, on surface: Surface) {
        let g = surface.glyphs
        var base = theme[.base]
        if let role = data.role { base = base.patched(with: theme[role]) }
        surface.fillKeepingWide(row, style: base)
        let isSelected = index == state.selected
        if isSelected { surface.put(g.pointer, x: row.x, y: row.y, style: base.patched(with: theme[.accent]), maxX: row.maxX) }
        if state.marks.contains(index) {
            surface.put(g.selectedMark, x: row.x + 1, y: row.y, style: base.patched(with: theme[.marked]), maxX: row.maxX)
        }
        for slot in slots {
            var style = base
            if let role = data.cellRole(slot.index) { style = style.patched(with: theme[role]) }
            surface.put(data.text(slot.index), in: Rect(x: slot.x, y: row.y, width: slot.width, height: 1),
                        alignment: columns[slot.index].alignment, style: style)
        }
        if isSelected { surface.restyle(row, with: theme[state.focused ? .selected : .selectedUnfocused]) }
    }

    private func drawFooter(_ row: Rect, state: DataGridState, on surface: Surface) {
        let style = theme[.muted]
        surface.fillKeepingWide(row, style: theme[.base])
        let position = state.positionText(dot: surface.glyphs.dot)
        let used = surface.put(position, in: row, alignment: .right, style: style)
        if let caption, !caption.isEmpty {
            let room = Rect(x: row.x, y: row.y, width: max(0, row.width - used - 2), height: 1)
            surface.put(caption, in: room, alignment: .left, style: style)
        }
    }
}
