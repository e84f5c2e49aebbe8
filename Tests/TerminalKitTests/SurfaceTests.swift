import Testing
@testable import TerminalKit

@Suite struct SurfaceTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        let s = MemorySurface(width: 5, height: 1)
        let used = s.put("日本語", x: 0, y: 0)
        #expect(used == 5)  // two wide chars (4 cells) and a space for the third, which does not fit
        #expect(s.textLines() == ["日本 "])
    }

    @Test func accentsAndCombiningMarksMeasureOneCell() {
        #expect("café".displayWidth == 4)
        #expect("e\u{301}".displayWidth == 1)
        #expect("Ａ".displayWidth == 2)
        #expect("👍".displayWidth == 2)
    }

    @Test func truncationEndsWithEllipsisAndKeepsWidth() {
        #expect("Müller & Söhne GmbH".truncated(toWidth: 8) == "Müller …")
        #expect("東京都港区".truncated(toWidth: 6) == "東京…")
        #expect("abc".padded(toWidth: 5, alignRight: true) == "  abc")
    }

    @Test func keyNotationRoundTrips() {
        for text in ["ctrl+p", "shift+left", "F2", "?", "esc", "alt+x", "shift+tab", "pgdn", "space"] {
            let k = KeyEvent(parsing: text)
            #expect(k != nil, "\(text) should parse")
            #expect(k?.description == text)
        }
        #expect(KeyEvent(parsing: "C-p") == KeyEvent.ctrl("p"))
        #expect(KeyEvent(parsing: "ctrl+") == nil || KeyEvent(parsing: "ctrl+") == KeyEvent(parsing: "ctrl++"))
    }
}
