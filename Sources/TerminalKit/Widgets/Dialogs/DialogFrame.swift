/// The frame every dialog shares: a panel centred in the area, sized to its content (plus
/// border and one cell of padding each side), clipped to the area, filled with the `.dialog` role.
public enum DialogFrame {
    /// Draws the frame for content of `contentWidth` x `contentHeight` cells and returns the rect
    /// for the content (inside border and padding). `footer` goes on the bottom border.
    @discardableResult
    public static func draw(title: String?, contentWidth: Int, contentHeight: Int, footer: String? = nil,
                            in area: Rect, theme: Theme, on surface: Surface) -> Rect {
        let area = area.intersection(surface.bounds)
        let titleWidth = (title?.displayWidth ?? 0) + 6
        let width = min(area.width, max(contentWidth, titleWidth, (footer?.displayWidth ?? 0) + 4) + 4)
        let height = min(area.height, contentHeight + 2)
        let rect = area.centered(width: width, height: height)
        Block(title: title, footer: footer, focused: true, fillRole: .dialog, theme: theme).render(rect, on: surface)
        return rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// Draws buttons centred in `row`: `[ label ]`, the selected one in the `.selected` role.
    /// `roles` colours a button when it is not selected (a destructive action in `.error`).
    static func buttons(_ labels: [String], selected: Int, roles: [ThemeRole?], in row: Rect, theme: Theme, on surface: Surface) {
        let texts = labels.map { "[ \($0) ]" }
        let total = texts.reduce(0) { $0 + $1.displayWidth } + max(0, texts.count - 1) * 2
        var x = row.x + max(0, (row.width - total) / 2)
        for (i, t) in texts.enumerated() {
            var style = theme[.dialog]
            if i < roles.count, let role = roles[i] { style = style.patched(with: theme[role]) }
            if i == selected { style = style.patched(with: theme[.selected]) }
            x += surface.put(t, x: x, y: row.y, style: style, maxX: row.maxX) + 2
        }
    }
}
