import Testing
@testable import TerminalKit

/// A grid drawn as the content that dialogs and overlays cover.
func drawBackground(_ s: MemorySurface) {
    var state = DataGridState(rowCount: 1_000_000, focused: false)
    drawGrid(DataGrid(columns: gridColumns, source: CountingSource(1_000_000), theme: Fixture.theme), &state, on: s)
}

@Suite struct WidgetDialogTests {
    @Test func confirmDefaultsToNoForDestructiveActions() {
        #expect(ConfirmChoice.initial(destructive: true) == .no)
        #expect(ConfirmChoice.initial(destructive: false) == .yes)
        let d = ConfirmDialog(title: "Delete", message: ["x"], destructive: true, theme: Fixture.theme)
        #expect(d.choice == .no && d.choice.toggled == .yes)
    }

    @Test func dialogsAreClippedToSmallSurfaces() {
        let s = Fixture.surface(20, 5)
        ConfirmDialog(title: "Delete 3 contacts?", message: ["Jürgen Weiß (Müller GmbH)", "山田 太郎 (東京商事株式会社)"],
                      yesLabel: "Delete", noLabel: "Keep", destructive: true, theme: Fixture.theme).render(s.bounds, on: s)
        #expect(Fixture.noTornWideCharacters(s))
        #expect(s.textLines().allSatisfy { $0.displayWidth == 20 })
    }

    @Test func snapshots() {
        Fixture.snapshots("confirm") { s in
            drawBackground(s)
            ConfirmDialog(title: "Delete 3 contacts?",
                          message: ["These contacts and their 12 activities will be deleted:",
                                    "  Jürgen Weiß (Müller GmbH)", "  山田 太郎 (東京商事株式会社)", "  Zoë Lefèvre (Société Générale)"],
                          yesLabel: "Delete", noLabel: "Keep", destructive: true, theme: Fixture.theme).render(s.bounds, on: s)
        }
        Fixture.snapshots("prompt") { s in
            drawBackground(s)
            var input = TextInputState("2026-13-01")
            PromptDialog(title: "Postpone invoice", label: "New due date (YYYY-MM-DD, today, +7, eom)",
                         error: "2026-13-01: month must be 1-12", theme: Fixture.theme).render(s.bounds, on: s, state: &input)
        }
        Fixture.snapshots("picklist") { s in
            drawBackground(s)
            var list = FilteredList(["MAIN  Hauptlager München", "SHOP  Ladengeschäft Zürich", "TYO   東京倉庫",
                                     "OSA   大阪倉庫", "RET   Returns", "QC    Quality hold", "MUC2  München Nord"])
            _ = list.handle(.char("m")); _ = list.handle(.char("u"))
            PickListDialog(title: "Move to warehouse", theme: Fixture.theme).render(s.bounds, on: s, state: &list)
        }
    }
}
