/// One tab: a title and an optional badge count (unread, waiting, low stock).
public struct TabItem: Hashable, Sendable {
    public var title: String
    public var badge: Int?
    public init(_ title: String, badge: Int? = nil) { self.title = title; self.badge = badge }
}

/// A row of tabs with the active one highlighted ("tab.active") and badge counts drawn as
/// "Inventory ③" (Unicode) or "Inventory (3)" (ASCII). When the tabs do not fit, the row scrolls so
/// the active tab shows, with "‹" / "›" at the edges.
public struct Tabs: Widget {
    public var items: [TabItem]
    public var activeIndex: Int
    public var theme: Theme

    public init(_ items: [TabItem], activeIndex: Int, theme: Theme) {
        self.items = items; self.activeIndex = activeIndex; self.theme = theme
    }

    private func label(_ item: TabItem, glyphs: Glyphs) -> (text: String, badge: String) {
        let badge = item.badge.flatMap { $0 > 0 ? " " + glyphs.badge($0) : nil } ?? ""
        return (" " + item.title, badge + " ")
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        surface.fillKeepingWide(row, style: theme[.tabInactive])
        let g = surface.glyphs
        let labels = items.map { label($0, glyphs: g) }
        let widths = labels.map { $0.text.displayWidth + $0.badge.displayWidth }
        let sep = 1
        // Choose the first tab so the active one fits.
        var first = 0
        let active = min(max(0, activeIndex), max(0, items.count - 1))
        func span(_ from: Int, _ to: Int) -> Int { (from...to).reduce(0) { $0 + widths[$1] } + (to - from) * sep }
        let reserve = 2
        while first < active, span(first, active) + (first > 0 ? reserve : 0) > row.width - reserve { first += 1 }
        var x = row.x
        if first > 0 { x += surface.put(g.moreLeft + " ", x: x, y: row.y, style: theme[.tabInactive], maxX: row.maxX) }
        for i in first..<items.count {
            let w = widths[i]
            let moreAfter = i < items.count - 1
            if x + w > row.maxX - (moreAfter ? reserve : 0), i != active {
                surface.put(g.moreRight, x: row.maxX - 1, y: row.y, style: theme[.tabInactive], maxX: row.maxX)
                break
            }
            let style = theme[i == active ? .tabActive : .tabInactive]
            let used = surface.put(labels[i].text, x: x, y: row.y, style: style, maxX: row.maxX)
            if !labels[i].badge.isEmpty {
                let b = labels[i].badge
                let badgeText = String(b.dropLast())
                surface.put(badgeText, x: x + used, y: row.y, style: style.patched(with: theme[.badge]), maxX: row.maxX)
                surface.put(" ", x: x + used + badgeText.displayWidth, y: row.y, style: style, maxX: row.maxX)
            }
            x += w + sep
        }
    }
}
