import Testing
@testable import TerminalKit

let contactHints: [(key: String, label: String)] = [
    ("n", "new"), ("e", "edit"), ("d", "delete"), ("/", "filter"), ("space", "select"), ("s", "sort"),
    ("enter", "open"), ("?", "help"), (":", "commands"), ("q", "close"),
]

@Suite struct StatusBarTests {
    @Test func hintsThatDoNotFitAreDropped() {
        let s = Fixture.surface(40, 1)
        StatusBar(hints: contactHints, message: StatusMessage("Saved Müller GmbH", severity: .success), theme: Fixture.theme)
            .render(s.bounds, on: s)
        let line = s.textLines()[0]
        #expect(line.contains("n new"))
        #expect(!line.contains("close"))
        #expect(line.contains("✓ Saved Müller GmbH"))
        #expect(s.cell(at: 1, 0).style == Fixture.theme[.hintKey])
    }

    @Test func toastsShowNewestAtTheBottomAndAtMostN() {
        let s = Fixture.surface(80, 24)
        let toasts = (1...5).map { Toast("job \($0) done", severity: .info) }
        ToastStack(toasts, maxVisible: 3, theme: Fixture.theme).render(s.bounds, on: s)
        let text = s.snapshot()
        #expect(!text.contains("job 2 done") && text.contains("job 3 done"))
        let lines = s.textLines()
        #expect(lines[22].contains("job 5 done"))
    }

    @Test func snapshots() {
        Fixture.snapshots("statusbar") { s in
            drawBackground(s)
            let (main, bar) = s.bounds.splitBottom(1)
            ToastStack([Toast("Import finished: 1,204 contacts, 3 refused", severity: .warning),
                        Toast("Reminder sent to 東京商事株式会社", severity: .info),
                        Toast("Invoice INV-2026-0042 paid", severity: .success),
                        Toast("Webhook to crm.example failed (retry in 30 s)", severity: .error)],
                       theme: Fixture.theme).render(main, on: s)
            StatusBar(hints: contactHints, message: StatusMessage("Saved Müller GmbH", severity: .success), theme: Fixture.theme)
                .render(bar, on: s)
        }
        Fixture.snapshots("statusbar-error", sizes: [(80, 24)], ascii: true) { s in
            StatusBar(hints: contactHints, message: StatusMessage("due date 2026-13-01: month must be 1-12", severity: .error),
                      theme: Fixture.theme).render(s.bounds, on: s)
            ToastStack([Toast("Stock low: TSHIRT-RED-M (2 left)", severity: .warning)], theme: Fixture.theme)
                .render(s.bounds.inset(bottom: 1), on: s)
        }
    }
}
