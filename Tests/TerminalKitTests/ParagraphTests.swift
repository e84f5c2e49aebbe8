import Testing
@testable import TerminalKit

@Suite struct ParagraphTests {
    @Test func wrapsByDisplayWidthAtWordBoundaries() {
        let p = Paragraph(text: "東京商事株式会社 ordered 12 units of Café crème", theme: Fixture.theme)
        let lines = p.wrapped(width: 12).map { String($0.map(\.0)) }
        #expect(lines == ["東京商事株式", "会社 ordered", "12 units of", "Café crème"])
        #expect(lines.allSatisfy { $0.displayWidth <= 12 })
        #expect(p.lineCount(width: 100) == 1)
        #expect(Paragraph(text: "", theme: Fixture.theme).lineCount(width: 10) == 1)
    }

    @Test func snapshots() {
        Fixture.snapshots("paragraph") { s in
            let theme = Fixture.theme
            let block = Block(title: "Deal: Scanner fleet", theme: theme)
            let area = s.bounds.inset(top: 0, left: 0, bottom: s.size.height / 2, right: s.size.width / 3)
            block.render(area, on: s)
            Paragraph([
                [TextSpan("Customer: ", role: .muted), TextSpan("東京商事株式会社", attrs: .bold), TextSpan(" (Tokyo)")],
                [TextSpan("Status: ", role: .muted), TextSpan("! overdue 3 days", role: .error),
                 TextSpan(" — the proposal was due on 2026-11-22 and Jürgen Weiß promised a revised quote with volume pricing for 40 scanners.")],
                [],
                [TextSpan("Next step: ", role: .muted), TextSpan("call Mr. Yamada (山田) on Thursday about the Müller GmbH reference site in München.")],
            ], theme: theme).render(block.inner(area).inset(left: 1, right: 1), on: s)
        }
    }
}
