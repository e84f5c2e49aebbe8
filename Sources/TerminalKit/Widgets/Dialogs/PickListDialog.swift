/// Picks one item of a list: a title, a filter input and the matching items (fuzzy, matched
/// characters highlighted). State is a `FilteredList`; Enter/Esc are the owner's.
public struct PickListDialog: StatefulWidget {
    public var title: String
    public var placeholder: String
    public var noMatchesText: String
    public var maxRows: Int
    public var theme: Theme

    public init(title: String, placeholder: String = "filter", noMatchesText: String = "no matches", maxRows: Int = 10, theme: Theme) {
        self.title = title; self.placeholder = placeholder; self.noMatchesText = noMatchesText; self.maxRows = maxRows; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface, state: inout FilteredList) {
        let widest = state.candidates.map(\.displayWidth).max() ?? 0
        let width = min(max(widest + 2, 30), max(10, area.width - 6))
        let rows = min(maxRows, max(1, state.matches.count), max(1, area.height - 6))
        let footer = "\(NumberText.grouped(state.matches.count)) of \(NumberText.grouped(state.candidates.count))"
        let inner = DialogFrame.draw(title: title, contentWidth: width, contentHeight: rows + 2, footer: footer,
                                     in: area, theme: theme, on: surface)
        guard inner.height >= 3 else { return }
        let dialog = theme[.dialog]
        let prompt = "/ "
        surface.put(prompt, x: inner.x, y: inner.y, style: dialog.patched(with: theme[.accent]), maxX: inner.maxX)
        var query = state.query
        TextInput(placeholder: placeholder, focused: true, theme: theme).render(inner.row(0).inset(left: 2), on: surface, state: &query)
        let list = inner.inset(top: 2)
        state.setViewport(list.height)
        if state.matches.isEmpty {
            surface.put(noMatchesText, in: list.row(0), alignment: .left, style: dialog.patched(with: theme[.muted])); return
        }
        let sel = state.selection
        for (line, i) in sel.visibleRange.enumerated() where line < list.height {
            let row = list.row(line)
            let item = state.matches[i]
            surface.fillKeepingWide(row, style: dialog)
            surface.put(spans: FilteredList.highlighted(state.candidates[item.index], positions: item.positions),
                        x: row.x + 2, y: row.y, maxX: row.maxX, base: dialog, theme: theme)
            if i == sel.selected {
                surface.put(surface.glyphs.pointer, x: row.x, y: row.y, style: dialog, maxX: row.maxX)
                surface.restyle(row, with: theme[.selected])
            }
        }
    }
}
