import CNcursesw
import Testing
@testable import TerminalKit

/// Extended key codes as ncurses numbers them at run time; the decoder asks for their names.
private let extendedNames: [Int32: String] = [
    1000: "kLFT2", 1001: "kRIT5", 1002: "kUP3", 1003: "kDN6", 1004: "kHOM5", 1005: "kEND2",
    1006: "kLFT7", 1007: "kRIT4", 1008: "kDN", 1009: "kNXT5", 1010: "kDC3", 1011: "kxIN", 1012: "kLFT9",
]

private func decoder() -> KeyDecoder { KeyDecoder(keyName: { extendedNames[$0] }) }

/// Feeds the inputs, then flushes (the escape delay passing), and returns every event.
private func decode(_ inputs: RawInput...) -> [DecodedInput] {
    var d = decoder()
    var out: [DecodedInput] = []
    for input in inputs { out += d.feed(input) }
    return out + d.flush()
}

private func key(_ raw: RawInput) -> KeyEvent? {
    guard case .key(let event)? = decode(raw).first else { return nil }
    return event
}

private func char(_ c: Character) -> RawInput { .char(c.unicodeScalars.first!.value) }

@Suite("KeyDecoder")
struct KeyDecoderTests {
    @Test func printableCharacters() {
        #expect(key(char("a")) == .char("a"))
        #expect(key(char("Z")) == .char("Z"))
        #expect(key(char("?")) == .char("?"))
        #expect(key(char(" ")) == .char(" "))
        #expect(key(char("é")) == .char("é"))
        #expect(key(char("ß")) == .char("ß"))
        #expect(key(char("中")) == .char("中"))
        #expect(key(char("€")) == .char("€"))
        #expect(key(.char(0x1F600)) == .char("😀"))
    }

    @Test func enterTabBackspace() {
        #expect(key(.char(10)) == KeyEvent(.enter))
        #expect(key(.char(13)) == KeyEvent(.enter))
        #expect(key(.keyCode(KEY_ENTER)) == KeyEvent(.enter))
        #expect(key(.char(9)) == KeyEvent(.tab))
        #expect(key(.keyCode(KEY_BTAB)) == KeyEvent(.tab, .shift))
        #expect(key(.char(127)) == KeyEvent(.backspace))
        #expect(key(.char(8)) == KeyEvent(.backspace))
        #expect(key(.keyCode(KEY_BACKSPACE)) == KeyEvent(.backspace))
    }

    @Test func editingAndMovementKeys() {
        #expect(key(.keyCode(KEY_DC)) == KeyEvent(.delete))
        #expect(key(.keyCode(KEY_IC)) == KeyEvent(.insert))
        #expect(key(.keyCode(KEY_UP)) == KeyEvent(.up))
        #expect(key(.keyCode(KEY_DOWN)) == KeyEvent(.down))
        #expect(key(.keyCode(KEY_LEFT)) == KeyEvent(.left))
        #expect(key(.keyCode(KEY_RIGHT)) == KeyEvent(.right))
        #expect(key(.keyCode(KEY_PPAGE)) == KeyEvent(.pageUp))
        #expect(key(.keyCode(KEY_NPAGE)) == KeyEvent(.pageDown))
    }

    @Test func homeAndEndVariants() {
        #expect(key(.keyCode(KEY_HOME)) == KeyEvent(.home))
        #expect(key(.keyCode(KEY_END)) == KeyEvent(.end))
        #expect(key(.keyCode(KEY_FIND)) == KeyEvent(.home))
        #expect(key(.keyCode(KEY_SELECT)) == KeyEvent(.end))
        #expect(key(.keyCode(KEY_A1)) == KeyEvent(.home))
        #expect(key(.keyCode(KEY_C1)) == KeyEvent(.end))
    }

    @Test func functionKeys() {
        #expect(key(.keyCode(ccw_key_f(1))) == KeyEvent(.function(1)))
        #expect(key(.keyCode(ccw_key_f(7))) == KeyEvent(.function(7)))
        #expect(key(.keyCode(ccw_key_f(12))) == KeyEvent(.function(12)))
        #expect(key(.keyCode(ccw_key_f(13))) == KeyEvent(.function(1), .shift))
        #expect(key(.keyCode(ccw_key_f(26))) == KeyEvent(.function(2), .ctrl))
        #expect(key(.keyCode(ccw_key_f(1)))?.description == "F1")
    }

    @Test func controlLetters() {
        #expect(key(.char(16)) == .ctrl("p"))
        #expect(key(.char(1)) == .ctrl("a"))
        #expect(key(.char(12)) == .ctrl("l"))
        #expect(key(.char(19)) == .ctrl("s"))
        #expect(key(.char(26)) == .ctrl("z"))
        #expect(key(.char(3)) == .ctrl("c"))
        #expect(key(.char(0)) == KeyEvent(.char(" "), .ctrl))
        #expect(key(.char(16)) == KeyEvent(parsing: "ctrl+p"))
    }

    @Test func shiftedKeysWithTheirOwnCodes() {
        #expect(key(.keyCode(KEY_SLEFT)) == KeyEvent(.left, .shift))
        #expect(key(.keyCode(KEY_SRIGHT)) == KeyEvent(.right, .shift))
        #expect(key(.keyCode(KEY_SR)) == KeyEvent(.up, .shift))
        #expect(key(.keyCode(KEY_SF)) == KeyEvent(.down, .shift))
        #expect(key(.keyCode(KEY_SHOME)) == KeyEvent(.home, .shift))
        #expect(key(.keyCode(KEY_SEND)) == KeyEvent(.end, .shift))
    }

    @Test func extendedModifierKeysByName() {
        #expect(key(.keyCode(1000)) == KeyEvent(.left, .shift))
        #expect(key(.keyCode(1001)) == KeyEvent(.right, .ctrl))
        #expect(key(.keyCode(1002)) == KeyEvent(.up, .alt))
        #expect(key(.keyCode(1003)) == KeyEvent(.down, [.shift, .ctrl]))
        #expect(key(.keyCode(1004)) == KeyEvent(.home, .ctrl))
        #expect(key(.keyCode(1005)) == KeyEvent(.end, .shift))
        #expect(key(.keyCode(1006)) == KeyEvent(.left, [.alt, .ctrl]))
        #expect(key(.keyCode(1007)) == KeyEvent(.right, [.shift, .alt]))
        #expect(key(.keyCode(1008)) == KeyEvent(.down))
        #expect(key(.keyCode(1009)) == KeyEvent(.pageDown, .ctrl))
        #expect(key(.keyCode(1010)) == KeyEvent(.delete, .alt))
        #expect(decode(.keyCode(1011)).isEmpty)  // a name the decoder does not know
        #expect(decode(.keyCode(1012)).isEmpty)  // a modifier digit out of range
        #expect(decode(.keyCode(1099)).isEmpty)  // no name at all
        #expect(key(.keyCode(1000))?.description == "shift+left")
    }

    @Test func loneEscapeComesOutOnFlush() {
        var d = decoder()
        #expect(d.feed(.char(27)).isEmpty)
        #expect(d.isWaitingAfterEscape)
        #expect(d.flush() == [.key(KeyEvent(.escape))])
        #expect(!d.isWaitingAfterEscape)
        #expect(d.flush().isEmpty)
    }

    @Test func escapeThenKeyIsAlt() {
        #expect(decode(.char(27), char("x")) == [.key(.alt("x"))])
        #expect(decode(.char(27), char("é")) == [.key(.alt("é"))])
        #expect(decode(.char(27), .keyCode(KEY_UP)) == [.key(KeyEvent(.up, .alt))])
        #expect(decode(.char(27), .char(13)) == [.key(KeyEvent(.enter, .alt))])
        #expect(decode(.char(27), .char(16)) == [.key(KeyEvent(.char("p"), [.ctrl, .alt]))])
    }

    @Test func escapeThenEscapeIsTwoEscapes() {
        #expect(decode(.char(27), .char(27)) == [.key(KeyEvent(.escape)), .key(KeyEvent(.escape))])
    }

    @Test func escapeBeforeResizeIsKeptAsEscape() {
        #expect(decode(.char(27), .keyCode(KEY_RESIZE)) == [.key(KeyEvent(.escape)), .resize])
    }

    @Test func plainKeysAfterAnAltKeyHaveNoAlt() {
        #expect(decode(.char(27), char("a"), char("b")) == [.key(.alt("a")), .key(.char("b"))])
    }

    @Test func resizeAndMouse() {
        #expect(decode(.keyCode(KEY_RESIZE)) == [.resize])
        #expect(decode(.keyCode(KEY_MOUSE)) == [.mouse])
    }

    @Test func ignoresMeaninglessInput() {
        #expect(decode(.char(0x85)).isEmpty)
        #expect(decode(.char(0xD800)).isEmpty)
        #expect(decode(.keyCode(KEY_B2)).isEmpty)
    }

    @Test func mouseReports() {
        let masks = MouseDecoder.Masks(press: 2, release: 1, wheelUp: 0x10000, wheelDown: 0x200000)
        #expect(MouseDecoder.event(buttonState: 2, x: 3, y: 4, masks: masks) == MouseEvent(kind: .press, position: Point(x: 3, y: 4)))
        #expect(MouseDecoder.event(buttonState: 1, x: 0, y: 0, masks: masks)?.kind == .release)
        #expect(MouseDecoder.event(buttonState: 0x10000, x: 0, y: 0, masks: masks)?.kind == .wheelUp)
        #expect(MouseDecoder.event(buttonState: 0x200000, x: 0, y: 0, masks: masks)?.kind == .wheelDown)
        #expect(MouseDecoder.event(buttonState: 0x40, x: 0, y: 0, masks: masks) == nil)
        let real = MouseDecoder.Masks.ncurses
        #expect(MouseDecoder.event(buttonState: real.wheelUp, x: 1, y: 1, masks: real)?.kind == .wheelUp)
    }
}
