import Testing
@testable import TerminalKit

/// Sends a key to a text input state (mutating calls cannot sit inside `#expect`).
func press(_ t: inout TextInputState, _ key: KeyEvent) -> Bool { t.handle(key) }

@Suite struct TextInputTests {
    @Test func editingKeys() {
        var t = TextInputState()
        for c in "Müller GmbH" { #expect(press(&t, .char(c))) }
        #expect(!press(&t, .char("\u{7}")))
        #expect(t.value == "Müller GmbH" && t.cursor == 11)
        #expect(press(&t, KeyEvent(.backspace)))
        #expect(t.value == "Müller Gmb")
        #expect(press(&t, .ctrl("w")))
        #expect(t.value == "Müller ")
        #expect(press(&t, .ctrl("a")))
        #expect(t.cursor == 0)
        #expect(press(&t, KeyEvent(.delete)))
        #expect(t.value == "üller ")
        #expect(press(&t, .char("M")))
        #expect(t.value == "Müller " && t.cursor == 1)
        #expect(press(&t, KeyEvent(.right)) && t.cursor == 2)
        #expect(press(&t, .ctrl("k")))
        #expect(t.value == "Mü")
        #expect(press(&t, .ctrl("e")) && t.cursor == 2)
        #expect(press(&t, KeyEvent(.left)))
        #expect(press(&t, .ctrl("u")))
        #expect(t.value == "ü" && t.cursor == 0)
        #expect(press(&t, KeyEvent(.end)) && t.cursor == 1)
        #expect(press(&t, KeyEvent(.home)) && t.cursor == 0)
        #expect(!press(&t, KeyEvent(.enter)))
        #expect(!press(&t, KeyEvent(.escape)))
        #expect(!press(&t, KeyEvent(.up)))
        #expect(!press(&t, .ctrl("s")))
        #expect(t.value == "ü")
    }

    @Test func wideCharactersAreEditedWhole() {
        var t = TextInputState("東京商事")
        t.backspace()
        #expect(t.value == "東京商")
        t.moveHome(); t.moveRight()
        t.insert("é")
        #expect(t.value == "東é京商" && t.cursor == 2)
    }

    @Test func scrollKeepsCursorVisible() {
        var t = TextInputState("Société Générale des Entreprises 東京商事")
        let range = t.fit(width: 10)
        #expect(range.upperBound == t.count)
        let shown = t.characters[range].reduce(0) { $0 + DisplayWidth.of($1) }
        #expect(shown <= 9)  // one cell left for the cursor at the end
        t.moveHome()
        #expect(t.fit(width: 10).lowerBound == 0)
    }

    @Test func snapshots() {
        Fixture.snapshots("textinput") { s in
            let theme = Fixture.theme
            let w = min(40, s.size.width - 14)
            func row(_ y: Int, _ label: String, _ input: TextInput, _ state: TextInputState) {
                var st = state
                s.put(label, x: 1, y: y)
                input.render(Rect(x: 12, y: y, width: w, height: 1), on: s, state: &st)
            }
            row(1, "Company", TextInput(theme: theme), TextInputState("Müller GmbH"))
            row(3, "Search", TextInput(placeholder: "name, code or barcode", theme: theme), TextInputState())
            row(5, "Password", TextInput(masked: true, theme: theme), TextInputState("s3cret!"))
            var long = TextInputState("東京商事株式会社 Marunouchi 2-7-3, Chiyoda-ku, Tokyo 100-0005 Japan")
            long.moveEnd()
            row(7, "Address", TextInput(focused: true, theme: theme), long)
            row(9, "Amount", TextInput(alignment: .right, theme: theme), TextInputState("1,234.50"))
        }
    }
}
