/// A bordered panel with a title; the focused panel gets the `.borderFocused` role and the heavier
/// focused glyphs. Draw the block, then draw the content into `inner(area)`.
///
///     let block = Block(title: "Contacts", focused: true, theme: theme)
///     block.render(area, on: surface)
///     grid.render(block.inner(area), on: surface, state: &gridState)
public struct Block: Widget {
    public var title: String?
    /// Text drawn right-aligned on the bottom border, e.g. "row 120 of 1,000,000".
    public var footer: String?
    public var focused: Bool
    /// Whether to clear the inside with the base (or `fillRole`) style before drawing.
    public var fillRole: ThemeRole?
    public var theme: Theme

    public init(title: String? = nil, footer: String? = nil, focused: Bool = false, fillRole: ThemeRole? = nil, theme: Theme) {
        self.title = title; self.footer = footer; self.focused = focused; self.fillRole = fillRole; self.theme = theme
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(1) }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let base = fillRole.map { theme[$0] } ?? Style.plain
        if fillRole != nil { surface.fillKeepingWide(area, style: base) }
        let border = base.patched(with: theme[focused ? .borderFocused : .border])
        let titleStyle = base.patched(with: theme[focused ? .borderFocused : .title])
        surface.box(area, title: title, style: border, titleStyle: titleStyle, focused: focused)
        if let footer, !footer.isEmpty, area.width > 4, area.height >= 2 {
            let t = " " + footer.truncated(toWidth: area.width - 4, ellipsis: surface.glyphs.ellipsis) + " "
            surface.put(t, x: area.maxX - 1 - t.displayWidth, y: area.maxY - 1, style: border, maxX: area.maxX - 1)
        }
    }
}
