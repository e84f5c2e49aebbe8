import Testing
@testable import TerminalKit

let helpSections = [
    HelpSection("Navigation", entries: [
        HelpEntry(key: "j / down", description: "next row"), HelpEntry(key: "k / up", description: "previous row"),
        HelpEntry(key: "pgdn ctrl+d", description: "next page"), HelpEntry(key: "pgup ctrl+u", description: "previous page"),
        HelpEntry(key: "g g / home", description: "first row"), HelpEntry(key: "G / end", description: "last row"),
        HelpEntry(key: "tab", description: "next pane"), HelpEntry(key: "enter", description: "open the contact"),
    ]),
    HelpSection("Contacts", entries: [
        HelpEntry(key: "n", description: "new contact"), HelpEntry(key: "e", description: "edit the contact"),
        HelpEntry(key: "d", description: "delete the contact (asks first)"), HelpEntry(key: "space", description: "select for bulk actions"),
        HelpEntry(key: "*", description: "select all in the filter"), HelpEntry(key: "s / S", description: "sort by column / reverse"),
        HelpEntry(key: "y", description: "copy the e-mail address"),
    ]),
    HelpSection("Anywhere", entries: [
        HelpEntry(key: "?", description: "this help"), HelpEntry(key: ": ctrl+p", description: "command palette"),
        HelpEntry(key: "/", description: "filter the list"), HelpEntry(key: "g c", description: "go to CRM"),
        HelpEntry(key: "g i", description: "go to inventory"), HelpEntry(key: "ctrl+l", description: "redraw the screen"),
        HelpEntry(key: "q", description: "close this view"),
    ]),
]

/// Sends a key to a help overlay state.
func press(_ h: inout HelpOverlayState, _ key: KeyEvent) -> Bool { h.handle(key) }

@Suite struct HelpOverlayTests {
    @Test func searchFiltersEntriesAndSections() {
        let overlay = HelpOverlay(sections: helpSections, theme: Fixture.theme)
        #expect(overlay.lines(matching: "").count == 22 + 2 + 3)  // entries, blanks between sections, titles
        let contact = overlay.lines(matching: "contact")
        #expect(contact.count == 2 + 1 + 8)  // Navigation's "open the contact", a blank, all of Contacts (title matches)
        var h = HelpOverlayState()
        #expect(press(&h, .char("/")))
        #expect(h.searching)
        for c in "inv" { _ = press(&h, .char(c)) }
        #expect(h.search.value == "inv")
        #expect(press(&h, KeyEvent(.enter)) && !h.searching)
        #expect(!press(&h, KeyEvent(.escape)))  // closing is the owner's
    }

    @Test func scrollIsClampedWhenRendered() {
        var h = HelpOverlayState()
        h.end()
        let s = Fixture.surface(80, 24)
        HelpOverlay(sections: helpSections, theme: Fixture.theme).render(s.bounds, on: s, state: &h)
        #expect(h.scroll == 27 - h.pageSize)
        #expect(s.snapshot().contains("close this view"))
    }

    @Test func snapshots() {
        Fixture.snapshots("help") { s in
            drawBackground(s)
            var h = HelpOverlayState()
            HelpOverlay(title: "Keys: Contacts", sections: helpSections, theme: Fixture.theme).render(s.bounds, on: s, state: &h)
        }
        Fixture.snapshots("help-search", sizes: [(80, 24)]) { s in
            drawBackground(s)
            var h = HelpOverlayState()
            _ = press(&h, .char("/"))
            for c in "row" { _ = press(&h, .char(c)) }
            HelpOverlay(title: "Keys: Contacts", sections: helpSections, theme: Fixture.theme).render(s.bounds, on: s, state: &h)
        }
    }
}
