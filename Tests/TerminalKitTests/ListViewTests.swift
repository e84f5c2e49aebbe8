import Testing
@testable import TerminalKit

let companyTree = [
    ListItem("Müller Holding AG", indent: 0, expanded: true, detail: "4 sites"),
    ListItem("Müller GmbH", indent: 1, expanded: true, detail: "München"),
    ListItem("Müller Logistik GmbH", indent: 2, detail: "Augsburg"),
    ListItem("Müller Retail", indent: 2, detail: "! credit hold", role: .warning),
    ListItem("Müller Japan K.K. 東京商事株式会社", indent: 1, expanded: false, detail: "東京"),
    ListItem("Société Générale", indent: 0, expanded: false, detail: "Paris"),
    ListItem("Nordwind AG", indent: 0, detail: "Hamburg"),
]

@Suite struct ListViewTests {
    @Test func navigationStaysInRange() {
        var s = ListViewState(count: 7)
        s.end()
        #expect(s.selected == 6)
        s.moveDown()
        #expect(s.selected == 6)
        s.home(); s.moveUp()
        #expect(s.selected == 0)
        var empty = ListViewState()
        empty.moveDown(); empty.end()
        #expect(empty.selected == 0)
    }

    @Test func snapshots() {
        Fixture.snapshots("listview") { s in
            var state = ListViewState(count: companyTree.count)
            state.select(3)
            let block = Block(title: "Companies", focused: true, theme: Fixture.theme)
            block.render(s.bounds.inset(right: s.size.width / 2), on: s)
            ListView(companyTree, theme: Fixture.theme).render(block.inner(s.bounds.inset(right: s.size.width / 2)), on: s, state: &state)
            let other = Block(title: "Empty", theme: Fixture.theme)
            let r = s.bounds.inset(left: s.size.width / 2)
            other.render(r, on: s)
            var none = ListViewState()
            ListView([], theme: Fixture.theme, emptyText: "No companies match /zz").render(other.inner(r), on: s, state: &none)
        }
    }
}
