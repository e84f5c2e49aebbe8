/// A multi-line text editor drawn from a `TextAreaState`: lines wrapped at the area's width
/// (by display width, so CJK and emoji never break a column), scrolled so the cursor stays
/// visible, a muted placeholder when empty, and a scroll mark (`▲`/`▼`) in the right column
/// when there is more text above or below. When focused it places the terminal cursor.
public struct TextArea: StatefulWidget {
    public var placeholder: String
    public var focused: Bool
    public var theme: Theme

    public init(placeholder: String = "", focused: Bool = false, theme: Theme) {
        self.placeholder = placeholder
        self.focused = focused
        self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface, state: inout TextAreaState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let base = theme[focused ? .inputFocused : .input]
        surface.fillKeepingWide(area, style: base)
        // One column is kept for the scroll marks so text never runs under them.
        let textWidth = max(1, area.width - 1)
        let layout = state.fit(width: textWidth, height: area.height)
        if state.isEmpty {
            if !placeholder.isEmpty {
                surface.put(placeholder.truncated(toWidth: textWidth - 1, ellipsis: surface.glyphs.ellipsis),
                            x: area.x + 1, y: area.y, style: base.patched(with: theme[.muted]), maxX: area.x + textWidth)
            }
            if focused { surface.cursor = Point(x: area.x, y: area.y) }
            return
        }
        let lines = state.characters
        let cursorRow = layout.row(of: state.cursor)
        let visible = state.scroll..<min(layout.rows.count, state.scroll + area.height)
        for index in visible {
            let row = layout.rows[index]
            let y = area.y + index - state.scroll
            var x = area.x
            for c in lines[row.line][row.range] {
                x += surface.put(String(c), x: x, y: y, style: base, maxX: area.x + textWidth)
            }
            if focused && index == cursorRow {
                let cursorX = area.x + TextAreaLayout.cells(lines[row.line], from: row.range.lowerBound, to: state.cursor.column)
                surface.cursor = Point(x: min(cursorX, area.x + textWidth - 1), y: y)
            }
        }
        let mark = base.patched(with: theme[.muted])
        if state.scroll > 0 { surface.put(surface.glyphs.sortAscending, x: area.maxX - 1, y: area.y, style: mark, maxX: area.maxX) }
        if visible.upperBound < layout.rows.count {
            surface.put(surface.glyphs.sortDescending, x: area.maxX - 1, y: area.maxY - 1, style: mark, maxX: area.maxX)
        }
    }
}
