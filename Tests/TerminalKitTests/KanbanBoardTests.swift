import Testing
@testable import TerminalKit

func pipeline() -> [KanbanColumn] {
    func deal(_ t: String, _ company: String, _ amount: String, _ extra: String? = nil, role: ThemeRole? = nil) -> KanbanCard {
        KanbanCard(t, details: [company, amount] + (extra.map { [$0] } ?? []), role: role)
    }
    return [
        KanbanColumn("Lead", headerLines: ["5 deals · 31,900.00 EUR", "weighted 3,190.00"], cards: [
            deal("ERP rollout phase 2", "Müller GmbH", "12,000.00 EUR"),
            deal("Scanner fleet", "東京商事株式会社", "8,400.00 EUR", "! overdue 3d", role: .error),
            deal("Support renewal", "Acme Corporation", "2,500.00 EUR"),
            deal("Warehouse labels", "Nordwind AG", "1,000.00 EUR"),
            deal("Training days", "Café Olé SARL", "8,000.00 EUR"),
        ]),
        KanbanColumn("Qualified", headerLines: ["2 deals · 46,000.00 EUR", "weighted 13,800.00"], cards: [
            deal("Multi-site licence", "Société Générale", "40,000.00 EUR"),
            deal("Pick-by-voice pilot", "Ōsaka Trading Co.", "6,000.00 EUR"),
        ]),
        KanbanColumn("Proposal", headerLines: ["0 deals · 0.00 EUR", "weighted 0.00"], cards: []),
        KanbanColumn("Negotiation", headerLines: ["1 deal · 22,000.00 EUR", "weighted 15,400.00"], cards: [
            deal("Cold-chain sensors", "Smörgås & Søn ApS", "22,000.00 EUR"),
        ]),
        KanbanColumn("Won", headerLines: ["3 deals · 55,300.00 EUR"], cards: [
            deal("POS integration", "Müller GmbH", "30,000.00 EUR", "✓ won 2026-11-02", role: .success),
            deal("Label printers", "Nordwind AG", "5,300.00 EUR", "✓ won 2026-10-28", role: .success),
            deal("Consulting", "Acme Corporation", "20,000.00 EUR", "✓ won 2026-10-15", role: .success),
        ]),
        KanbanColumn("Lost", headerLines: ["1 deal · 9,000.00 EUR"], cards: [
            deal("Legacy migration", "東京商事株式会社", "9,000.00 EUR", "✗ lost: price", role: .error),
        ]),
    ]
}

@Suite struct KanbanBoardTests {
    @Test func navigationAcrossColumnsWithDifferentCardCounts() {
        var s = KanbanState(cardCounts: [5, 2, 0, 1])
        s.end()
        #expect(s.focusedCard(in: 0) == 4)
        s.moveRight()
        #expect(s.focusedColumn == 1 && s.focusedCard(in: 1) == 0)
        s.moveDown(); s.moveDown(); s.moveDown()
        #expect(s.focusedCard(in: 1) == 1)  // clamped at the last card
        s.moveRight()
        #expect(s.focusedColumn == 2 && s.focusedCard == nil)  // an empty column has no focused card
        s.moveDown()
        #expect(s.focusedCard == nil)
        s.moveRight(); s.moveRight(); s.moveRight()
        #expect(s.focusedColumn == 3)
        s.moveLeft(); s.moveLeft(); s.moveLeft()
        #expect(s.focusedColumn == 0 && s.focusedCard(in: 0) == 4)  // remembered per column
        s.setCardCounts([2, 2, 0, 1])  // a card moved away
        #expect(s.focusedCard(in: 0) == 1)
        s.home()
        #expect(s.focusedCard! == (0, 0))
        s.moveLeft()
        #expect(s.focusedColumn == 0)
    }

    @Test func renderScrollsToTheFocusedColumnAndCard() {
        let board = KanbanBoard(columns: pipeline(), theme: Fixture.theme)
        #expect(board.visibleColumnCount(width: 80) == 3)
        #expect(board.visibleColumnCount(width: 120) == 4)
        var s = KanbanState()
        let surface = Fixture.surface(80, 24)
        board.render(surface.bounds, on: surface, state: &s)
        for _ in 0..<5 { s.moveRight() }
        board.render(surface.bounds, on: surface, state: &s)
        #expect(s.firstColumn == 3)
        #expect(surface.snapshot().contains("‹ 3 more"))
        s.focusColumn(0); s.end()
        board.render(surface.bounds, on: surface, state: &s)
        #expect(s.firstColumn == 0 && s.cardOffsets[0] > 0)
        #expect(surface.snapshot().contains("↑"))
    }

    @Test func snapshots() {
        Fixture.snapshots("kanban") { s in
            let board = KanbanBoard(columns: pipeline(), theme: Fixture.theme)
            var state = KanbanState()
            board.render(s.bounds, on: s, state: &state)
            state.moveRight()
            state.moveDown()
            s.clear()
            board.render(s.bounds, on: s, state: &state)
        }
        Fixture.snapshots("kanban-scrolled", sizes: [(80, 24)]) { s in
            let board = KanbanBoard(columns: pipeline(), theme: Fixture.theme)
            var state = KanbanState(cardCounts: pipeline().map(\.cards.count))
            state.end()
            board.render(s.bounds, on: s, state: &state)
        }
    }
}
