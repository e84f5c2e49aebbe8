import Testing
@testable import TerminalKit

let paletteEntries = [
    PaletteEntry(id: "go.home", title: "Go to Home", category: "navigate", keyHint: "gh"),
    PaletteEntry(id: "go.crm", title: "Go to CRM", category: "navigate", keyHint: "gc"),
    PaletteEntry(id: "go.inventory", title: "Go to Inventory", category: "navigate", keyHint: "gi"),
    PaletteEntry(id: "go.billing", title: "Go to Billing", category: "navigate", keyHint: "gb"),
    PaletteEntry(id: "billing.line.edit", title: "Edit invoice line", category: "billing", keyHint: "e"),
    PaletteEntry(id: "crm.contacts", title: "Contacts", category: "crm"),
    PaletteEntry(id: "crm.contact.new", title: "New contact", category: "crm", keyHint: "n"),
    PaletteEntry(id: "inventory.stock.receive", title: "Receive stock", category: "inventory", keyHint: "R"),
    PaletteEntry(id: "inventory.stock.transfer", title: "Transfer stock between warehouses", category: "inventory"),
    PaletteEntry(id: "crm.deal.move-right", title: "Move deal to next stage", category: "crm", keyHint: "L"),
    PaletteEntry(id: "app.theme", title: "Switch theme", category: "settings"),
    PaletteEntry(id: "app.mouse", title: "Turn mouse support on", category: "settings"),
    PaletteEntry(id: "reports.stock-value", title: "Stock value as of date", category: "reports"),
    PaletteEntry(id: "crm.company.jp", title: "Open 東京商事株式会社", category: "company"),
]

@Suite struct CommandPaletteTests {
    @Test func fuzzyRanking() {
        let titles = ["Edit invoice line", "Big item list", "Go to Inventory", "Gift ideas"]
        let ranked = FuzzyMatcher.rank("gi", titles).map { titles[$0.index] }
        #expect(ranked.first == "Go to Inventory" || ranked.first == "Gift ideas")
        #expect(ranked.firstIndex(of: "Go to Inventory")! < ranked.firstIndex(of: "Big item list")!)
        #expect(!ranked.contains("Edit invoice line"))  // no "g" in it

        let g = FuzzyMatcher.rank("gi", ["Edit logic items", "Go to Inventory"]).map(\.index)
        #expect(g == [1, 0])  // word starts beat letters inside a word

        let m = FuzzyMatcher.match("ctct", in: "contacts")
        #expect(m?.positions == [0, 3, 5, 6])
        #expect(FuzzyMatcher.match("xyz", in: "contacts") == nil)
        #expect(FuzzyMatcher.match("INV", in: "Go to inventory") != nil)  // case-insensitive
        #expect(FuzzyMatcher.match("mull", in: "Müller GmbH")?.positions == [0, 1, 2, 3])  // accent-insensitive
        #expect(FuzzyMatcher.match("東京", in: "Open 東京商事株式会社")?.positions == [5, 6])
        #expect(FuzzyMatcher.match("", in: "anything")?.score == 0)
        let prefix = FuzzyMatcher.match("con", in: "contacts")!.score
        let middle = FuzzyMatcher.match("con", in: "new contacts")!.score
        #expect(prefix > middle)
    }

    @Test func stateFiltersAndSelects() {
        var p = CommandPaletteState(entries: paletteEntries)
        #expect(p.list.matches.count == paletteEntries.count)
        for c in "gi" { _ = p.handle(.char(c)) }
        #expect(p.selectedEntry?.id == "go.inventory")
        _ = p.handle(KeyEvent(.down))
        #expect(p.selectedEntry?.id != "go.inventory")
        _ = p.handle(.ctrl("p"))
        #expect(p.selectedEntry?.id == "go.inventory")
        for c in "qqq" { _ = p.handle(.char(c)) }
        #expect(p.selectedEntry == nil)
        let usedEnter = p.handle(KeyEvent(.enter))
        #expect(!usedEnter)
    }

    @Test func snapshots() {
        Fixture.snapshots("palette") { s in
            drawBackground(s)
            var p = CommandPaletteState(entries: paletteEntries)
            for c in "st" { _ = p.handle(.char(c)) }
            CommandPalette(theme: Fixture.theme).render(s.bounds, on: s, state: &p)
        }
        Fixture.snapshots("palette-nomatch", sizes: [(80, 24)]) { s in
            drawBackground(s)
            var p = CommandPaletteState(entries: paletteEntries)
            for c in "zzq" { _ = p.handle(.char(c)) }
            CommandPalette(theme: Fixture.theme).render(s.bounds, on: s, state: &p)
        }
    }
}
