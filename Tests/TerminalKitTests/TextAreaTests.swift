import Testing
@testable import TerminalKit

/// Sends a key to a text area state (mutating calls cannot sit inside `#expect`).
func press(_ t: inout TextAreaState, _ key: KeyEvent) -> Bool { t.handle(key) }

@Suite struct TextAreaTests {
    @Test func enterSplitsAndBackspaceDeleteJoinLines() {
        var t = TextAreaState()
        for c in "Hallo Jürgen" { #expect(press(&t, .char(c))) }
        for _ in 0..<6 { t.moveLeft() }
        #expect(press(&t, KeyEvent(.enter)))
        #expect(t.text == "Hallo \nJürgen" && t.cursor == TextPosition(line: 1, column: 0))
        #expect(press(&t, KeyEvent(.backspace)))
        #expect(t.text == "Hallo Jürgen" && t.cursor == TextPosition(line: 0, column: 6))
        t.moveLineEnd()
        t.insert("\n\nGrüße")
        #expect(t.lineCount == 3 && t.cursor == TextPosition(line: 2, column: 5))
        t.setCursor(TextPosition(line: 0, column: 99))
        #expect(t.cursor == TextPosition(line: 0, column: 12))
        #expect(press(&t, KeyEvent(.delete)))
        #expect(t.text == "Hallo Jürgen\nGrüße")
        #expect(press(&t, .ctrl("k")))  // at the end of a line: joins
        #expect(t.text == "Hallo JürgenGrüße")
        #expect(!press(&t, KeyEvent(.tab)) && !press(&t, KeyEvent(.escape)) && !press(&t, .ctrl("s")))
    }

    @Test func leftAndRightCrossLineEnds() {
        var t = TextAreaState("ab\ncd")
        #expect(press(&t, KeyEvent(.left)) && t.cursor == TextPosition(line: 0, column: 0))
        t.moveLineEnd()
        #expect(press(&t, KeyEvent(.right)) && t.cursor == TextPosition(line: 1, column: 0))
        #expect(press(&t, KeyEvent(.left)) && t.cursor == TextPosition(line: 0, column: 2))
        #expect(press(&t, KeyEvent(.end, .ctrl)) && t.cursor == TextPosition(line: 1, column: 2))
        #expect(press(&t, KeyEvent(.home, .ctrl)) && t.cursor == TextPosition(line: 0, column: 0))
    }

    @Test func wideCharactersAndCombiningMarksAreEditedWhole() {
        var t = TextAreaState("東京e\u{301}👍🏽x")
        t.moveLineEnd()
        #expect(t.cursor.column == 5)
        t.backspace(); t.backspace()
        #expect(t.text == "東京e\u{301}")
        t.backspace()
        #expect(t.text == "東京")
        t.moveLineStart(); t.moveRight()
        t.insert("ö")
        #expect(t.text == "東ö京")
    }

    @Test func linesWrapByDisplayWidthWithoutSplittingWideCharacters() {
        // width 5: "東京商" is 6 cells, so 東京 | 商
        let layout = TextAreaLayout(lines: [Array("東京商"), Array("one two three")], width: 5)
        #expect(layout.rows.map(\.range) == [0..<2, 2..<3, 0..<4, 4..<8, 8..<13, 13..<13])
        #expect(layout.rows.map(\.line) == [0, 0, 1, 1, 1, 1])
    }

    @Test func upAndDownMoveByScreenRowsKeepingTheColumn() {
        var t = TextAreaState("Sehr geehrte Frau Müller,\n\nvielen Dank für 東京 und Ihr Angebot.")
        _ = t.fit(width: 10, height: 3)
        t.setCursor(TextPosition(line: 0, column: 2))
        #expect(press(&t, KeyEvent(.down)))  // second row of line 0: "geehrte "
        #expect(t.cursor == TextPosition(line: 0, column: 7))
        #expect(press(&t, KeyEvent(.down)))
        #expect(press(&t, KeyEvent(.down)))
        #expect(press(&t, KeyEvent(.down)))  // the empty line
        #expect(t.cursor == TextPosition(line: 1, column: 0))
        #expect(press(&t, KeyEvent(.down)))  // back to display column 2 on "vielen "
        #expect(t.cursor == TextPosition(line: 2, column: 2))
        #expect(press(&t, KeyEvent(.pageDown)))
        #expect(t.cursor.line == 2 && t.cursor.column > 2)
        for _ in 0..<6 { #expect(press(&t, KeyEvent(.pageUp))) }  // the last ones stop at the very start
        #expect(t.cursor == TextPosition(line: 0, column: 0))
    }

    @Test func scrollKeepsTheCursorVisible() {
        var t = TextAreaState((1...30).map { "Zeile \($0)" }.joined(separator: "\n"))
        _ = t.fit(width: 20, height: 5)
        #expect(t.scroll == 0)
        t.moveTextEnd()
        _ = t.fit(width: 20, height: 5)
        #expect(t.scroll == 25)
        t.moveTextStart()
        _ = t.fit(width: 20, height: 5)
        #expect(t.scroll == 0)
    }

    @Test func snapshots() {
        Fixture.snapshots("textarea") { s in
            let theme = Fixture.theme
            let w = min(44, s.size.width - 4)
            var letter = TextAreaState("""
                Sehr geehrter Herr Müller,

                vielen Dank für Ihr Interesse an unseren Produkten. Anbei das Angebot für Müller & Söhne.
                東京本社の佐藤様にもよろしくお伝えください。👍🏽
                Café crème, naïve, e\u{301}tude.

                Mit freundlichen Grüßen
                Ada Admin
                """)
            letter.setCursor(TextPosition(line: 3, column: 8))
            s.put("Body (focused)", x: 2, y: 0)
            TextArea(focused: true, theme: theme).render(Rect(x: 2, y: 1, width: w, height: 8), on: s, state: &letter)
            var empty = TextAreaState()
            s.put("Notes (empty)", x: 2, y: 10)
            TextArea(placeholder: "write the message", theme: theme).render(Rect(x: 2, y: 11, width: w, height: 3), on: s, state: &empty)
            var long = TextAreaState((1...40).map { "Zeile \($0)" }.joined(separator: "\n"))
            long.setCursor(TextPosition(line: 20, column: 3))
            s.put("Scrolled", x: 2, y: 15)
            TextArea(theme: theme).render(Rect(x: 2, y: 16, width: w, height: 5), on: s, state: &long)
        }
    }
}
