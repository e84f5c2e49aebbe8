/// An item of a `ListView`: text with an indent level (for trees), an optional expanded flag
/// (nil for a leaf; false draws "▸", true "▾"), a right-aligned detail and an optional role.
public struct ListItem: Hashable, Sendable {
    public var text: String
    public var indent: Int
    public var expanded: Bool?
    public var detail: String?
    public var role: ThemeRole?

    public init(_ text: String, indent: Int = 0, expanded: Bool? = nil, detail: String? = nil, role: ThemeRole? = nil) {
        self.text = text; self.indent = indent; self.expanded = expanded; self.detail = detail; self.role = role
    }
}

/// Selection and scroll of a `ListView` (and anything list-like); see `ListSelection`.
public struct ListViewState: Hashable, Sendable {
    public var selection: ListSelection
    public var focused: Bool
    public init(count: Int = 0, focused: Bool = true) { selection = ListSelection(count: count); self.focused = focused }

    public var selected: Int { selection.selected }
    public mutating func moveDown() { selection.moveDown() }
    public mutating func moveUp() { selection.moveUp() }
    public mutating func pageDown() { selection.pageDown(pageSize: selection.viewport) }
    public mutating func pageUp() { selection.pageUp(pageSize: selection.viewport) }
    public mutating func home() { selection.home() }
    public mutating func end() { selection.end() }
    public mutating func select(_ i: Int) { selection.select(i) }
}

/// A selectable list, one item per line, indented two cells per level, with tree markers,
/// right-aligned details and the selection highlighted. Shows `emptyText` when empty.
public struct ListView: StatefulWidget {
    public var items: [ListItem]
    public var theme: Theme
    public var emptyText: String

    public init(_ items: [ListItem], theme: Theme, emptyText: String = "nothing here") {
        self.items = items; self.theme = theme; self.emptyText = emptyText
    }

    public func render(_ area: Rect, on surface: Surface, state: inout ListViewState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        surface.fillKeepingWide(area, style: theme[.base])
        state.selection.setCount(items.count)
        state.selection.setViewport(area.height)
        guard !items.isEmpty else { surface.put(emptyText, in: area.row(0), alignment: .left, style: theme[.muted]); return }
        let g = surface.glyphs
        for (line, i) in state.selection.visibleRange.enumerated() where line < area.height {
            let item = items[i], row = area.row(line)
            let style = item.role.map { theme[$0] } ?? theme[.base]
            let selected = i == state.selection.selected
            if selected { surface.put(g.pointer, x: row.x, y: row.y, style: theme[.accent], maxX: row.maxX) }
            var right = row.maxX
            if let detail = item.detail, !detail.isEmpty {
                let used = surface.put(detail, in: Rect(x: row.x, y: row.y, width: row.width - 1, height: 1).inset(left: row.width / 2),
                                       alignment: .right, style: theme[.muted])
                right = row.maxX - 1 - used - 1
            }
            let indent = min(item.indent * 2, max(0, row.width / 2))
            var x = row.x + 2 + indent
            if let expanded = item.expanded {
                x += surface.put((expanded ? g.treeExpanded : g.treeCollapsed) + " ", x: x, y: row.y, style: theme[.muted], maxX: right)
            } else if items.contains(where: { $0.expanded != nil }) {
                x += 2
            }
            surface.put(item.text, in: Rect(x: x, y: row.y, width: max(0, right - x), height: 1), alignment: .left, style: style)
            if selected { surface.restyle(row, with: theme[state.focused ? .selected : .selectedUnfocused]) }
        }
    }
}
