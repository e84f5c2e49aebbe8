import Testing
@testable import TerminalKit

let moduleTabs = [TabItem("Home"), TabItem("CRM", badge: 4), TabItem("Inventory", badge: 3), TabItem("Billing"),
                  TabItem("Workflows", badge: 12), TabItem("Reports"), TabItem("Admin")]

@Suite struct WidgetLayoutTests {
    @Test func tabsMarkTheActiveTabAndBadges() {
        let s = Fixture.surface(80, 1)
        Tabs(moduleTabs, activeIndex: 2, theme: Fixture.theme).render(s.bounds, on: s)
        #expect(s.snapshot().contains("Inventory ③"))
        let ascii = Fixture.surface(80, 1, ascii: true)
        Tabs(moduleTabs, activeIndex: 2, theme: Fixture.theme).render(ascii.bounds, on: ascii)
        #expect(ascii.snapshot().contains("Inventory (3)"))
        #expect(ascii.cell(at: 1, 0).style == Fixture.theme[.tabInactive])
        let narrow = Fixture.surface(30, 1)
        Tabs(moduleTabs, activeIndex: 6, theme: Fixture.theme).render(narrow.bounds, on: narrow)
        #expect(narrow.snapshot().contains("Admin"))
        #expect(narrow.snapshot().hasPrefix("‹"))
    }

    @Test func splitPaneLayout() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let (a, b) = SplitPane(size: .ratio(0.4), theme: Fixture.theme).layout(area)
        #expect(a.width == 32 && b.x == 32 && b.width == 48)
        let (c, d) = SplitPane(axis: .vertical, size: .fixedSecond(6), bordered: false, theme: Fixture.theme).layout(area)
        #expect(c.height == 17 && d.y == 18 && d.height == 6)
        let (e, f) = SplitPane(size: .fixed(200), theme: Fixture.theme).layout(area)
        #expect(e.width == 80 && f.width == 0)
    }

    @Test func snapshots() {
        Fixture.snapshots("layout") { s in
            let theme = Fixture.theme
            let (top, rest) = s.bounds.splitTop(1)
            Tabs(moduleTabs, activeIndex: 2, theme: theme).render(top, on: s)
            let split = SplitPane(size: .ratio(0.45), titles: ["Warehouses", "Bins in MAIN"], focusedPane: 1, theme: theme)
            let (left, right) = split.render(rest, on: s)
            var list = ListViewState(count: 4, focused: false)
            list.select(0)
            ListView([ListItem("MAIN  Hauptlager München", detail: "1,204"), ListItem("SHOP  Ladengeschäft", detail: "86"),
                      ListItem("TYO   東京倉庫", detail: "530"), ListItem("RET   Returns", detail: "12")],
                     theme: theme).render(left, on: s, state: &list)
            let (upper, lower) = SplitPane(axis: .vertical, size: .ratio(0.5), focusedPane: nil, bordered: false, theme: theme).render(right, on: s)
            Paragraph(text: "A-12-3  T-shirt red M  qty 7\nA-12-4  Café crème 1 kg  qty 40", theme: theme).render(upper, on: s)
            let footer = Block(title: "Notes", footer: "2 of 2", theme: theme)
            footer.render(lower, on: s)
            Paragraph(text: "Counted 2026-11-24 by Jürgen Weiß.", theme: theme).render(footer.inner(lower), on: s)
        }
        Fixture.snapshots("box", sizes: [(80, 24)], ascii: true) { s in
            let theme = Fixture.theme
            Tabs(moduleTabs, activeIndex: 1, theme: theme).render(s.bounds.row(0), on: s)
            let (a, b) = SplitPane(size: .ratio(0.5), titles: ["Companies", "Detail"], focusedPane: 0, theme: theme)
                .render(s.bounds.inset(top: 1), on: s)
            s.put("Müller GmbH", x: a.x, y: a.y)
            s.put("東京商事株式会社", x: b.x, y: b.y)
        }
    }
}
