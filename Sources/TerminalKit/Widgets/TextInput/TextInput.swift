/// A one-line text input drawn from a `TextInputState`: the visible slice of the value (scrolled
/// so the cursor stays in view), a muted placeholder when empty, optional masking for secrets.
/// When focused it places the terminal cursor.
public struct TextInput: StatefulWidget {
    public var placeholder: String
    /// Draws every character as the mask glyph (passwords, tokens).
    public var masked: Bool
    public var focused: Bool
    /// Right alignment suits numbers and money.
    public var alignment: HorizontalAlignment
    /// Overrides the background role (`.input` / `.inputFocused` by default).
    public var role: ThemeRole?
    public var theme: Theme

    public init(placeholder: String = "", masked: Bool = false, focused: Bool = false,
                alignment: HorizontalAlignment = .left, role: ThemeRole? = nil, theme: Theme) {
        self.placeholder = placeholder; self.masked = masked; self.focused = focused
        self.alignment = alignment; self.role = role; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface, state: inout TextInputState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let base = theme[role ?? (focused ? .inputFocused : .input)]
        surface.fillKeepingWide(row, style: base)
        if state.isEmpty {
            if !placeholder.isEmpty {
                surface.put(placeholder.truncated(toWidth: row.width - (focused ? 1 : 0), ellipsis: surface.glyphs.ellipsis),
                            x: row.x + (focused ? 1 : 0), y: row.y, style: base.patched(with: theme[.muted]), maxX: row.maxX)
            }
            if focused { surface.cursor = Point(x: row.x, y: row.y) }
            return
        }
        if !focused {
            // Unfocused: show the start of the value, cut with the ellipsis.
            let text = masked ? String(repeating: surface.glyphs.mask, count: state.count) : state.value
            surface.put(text, in: row, alignment: alignment, style: base)
            return
        }
        let range = state.fit(width: row.width)
        let chars = state.characters
        let visible: [String] = chars[range].map { masked ? surface.glyphs.mask : String($0) }
        let textWidth = visible.reduce(0) { $0 + $1.displayWidth }
        var x = row.x
        if alignment != .left, range.lowerBound == 0, range.upperBound == chars.count {
            let reserve = state.cursor == chars.count ? 1 : 0
            let free = max(0, row.width - textWidth - reserve)
            x += alignment == .right ? free : free / 2
        }
        var cursorX = x
        for (i, text) in zip(range, visible) {
            if i == state.cursor { cursorX = x }
            x += surface.put(text, x: x, y: row.y, style: base, maxX: row.maxX)
        }
        if state.cursor >= range.upperBound { cursorX = x }
        surface.cursor = Point(x: min(cursorX, row.maxX - 1), y: row.y)
    }
}
