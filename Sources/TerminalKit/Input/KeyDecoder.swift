import CNcursesw

/// One value as `wget_wch` delivers it, before any interpretation.
public enum RawInput: Hashable, Sendable {
    /// `wget_wch` returned `OK`: a character (Unicode scalar value, or a C0 control such as 27).
    case char(UInt32)
    /// `wget_wch` returned `KEY_CODE_YES`: a curses key code (`KEY_LEFT`, `KEY_F(1)`, `KEY_RESIZE`, ...).
    case keyCode(Int32)
}

/// What the decoder makes of the raw input.
public enum DecodedInput: Hashable, Sendable {
    case key(KeyEvent)
    /// The terminal changed size (`KEY_RESIZE`); the backend reads the new size.
    case resize
    /// A mouse report is waiting (`KEY_MOUSE`); the backend fetches it with `getmouse`.
    case mouse
}

/// Turns what `wget_wch` returns into key events. It is a small state machine so that Esc can be
/// told apart from Alt+key: an Esc is held back until the next input (Esc then `x` is Alt+x) or
/// until `flush()` says nothing followed within the escape delay (a lone Esc).
///
/// The decoder needs no terminal: curses key codes are compile-time constants, and the names of
/// the extended keys (`kLFT2`, `kRIT5`, ...) come from the `keyName` function it is given, which
/// is `keyname()` in the backend and a table in tests.
public struct KeyDecoder {
    private let keyName: (Int32) -> String?
    private var escapePending = false

    public init(keyName: @escaping (Int32) -> String?) {
        self.keyName = keyName
    }

    /// True while an Esc is held back waiting to see whether a key follows it.
    public var isWaitingAfterEscape: Bool { escapePending }

    /// Feeds one raw input; returns what is now known (possibly nothing, possibly two events).
    public mutating func feed(_ raw: RawInput) -> [DecodedInput] {
        if case .char(27) = raw {
            if escapePending { return [.key(KeyEvent(.escape))] }  // Esc Esc: the first is a plain Esc
            escapePending = true
            return []
        }
        let decoded = Self.decodeSingle(raw, keyName: keyName)
        guard escapePending else { return decoded.map { [$0] } ?? [] }
        escapePending = false
        switch decoded {
        case .key(var event)?:
            event.modifiers.insert(.alt)
            return [.key(event)]
        case .resize?, .mouse?:
            return [.key(KeyEvent(.escape)), decoded!]
        case nil:
            return [.key(KeyEvent(.escape))]
        }
    }

    /// Nothing more arrived within the escape delay: releases a held-back Esc as a plain Esc.
    public mutating func flush() -> [DecodedInput] {
        guard escapePending else { return [] }
        escapePending = false
        return [.key(KeyEvent(.escape))]
    }

    /// Decodes one raw input on its own, without the Esc/Alt state. Nil for input that means nothing.
    public static func decodeSingle(_ raw: RawInput, keyName: (Int32) -> String?) -> DecodedInput? {
        switch raw {
        case .char(let value): return decodeCharacter(value).map { .key($0) }
        case .keyCode(let code): return decodeKeyCode(code, keyName: keyName)
        }
    }

    // MARK: Characters

    static func decodeCharacter(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 0: return KeyEvent(.char(" "), .ctrl)
        case 8, 127: return KeyEvent(.backspace)
        case 9: return KeyEvent(.tab)
        case 10, 13: return KeyEvent(.enter)
        case 27: return KeyEvent(.escape)
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(value) + 0x60))
            return KeyEvent(.char(letter), .ctrl)
        case 28: return KeyEvent(.char("\\"), .ctrl)
        case 29: return KeyEvent(.char("]"), .ctrl)
        case 30: return KeyEvent(.char("^"), .ctrl)
        case 31: return KeyEvent(.char("_"), .ctrl)
        case 0x80..<0xA0: return nil  // C1 controls
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return KeyEvent(.char(Character(scalar)))
        }
    }

    // MARK: Key codes

    private static let plainCodes: [Int32: KeyEvent] = [
        KEY_UP: KeyEvent(.up), KEY_DOWN: KeyEvent(.down), KEY_LEFT: KeyEvent(.left), KEY_RIGHT: KeyEvent(.right),
        KEY_HOME: KeyEvent(.home), KEY_END: KeyEvent(.end), KEY_FIND: KeyEvent(.home), KEY_SELECT: KeyEvent(.end),
        KEY_A1: KeyEvent(.home), KEY_C1: KeyEvent(.end), KEY_A3: KeyEvent(.pageUp), KEY_C3: KeyEvent(.pageDown),
        KEY_PPAGE: KeyEvent(.pageUp), KEY_NPAGE: KeyEvent(.pageDown),
        KEY_DC: KeyEvent(.delete), KEY_IC: KeyEvent(.insert),
        KEY_BACKSPACE: KeyEvent(.backspace), KEY_ENTER: KeyEvent(.enter),
        KEY_BTAB: KeyEvent(.tab, .shift),
        KEY_SLEFT: KeyEvent(.left, .shift), KEY_SRIGHT: KeyEvent(.right, .shift),
        KEY_SR: KeyEvent(.up, .shift), KEY_SF: KeyEvent(.down, .shift),
        KEY_SHOME: KeyEvent(.home, .shift), KEY_SEND: KeyEvent(.end, .shift),
        KEY_SDC: KeyEvent(.delete, .shift), KEY_SIC: KeyEvent(.insert, .shift),
        KEY_SPREVIOUS: KeyEvent(.pageUp, .shift), KEY_SNEXT: KeyEvent(.pageDown, .shift),
    ]

    static func decodeKeyCode(_ code: Int32, keyName: (Int32) -> String?) -> DecodedInput? {
        if code == KEY_RESIZE { return .resize }
        if code == KEY_MOUSE { return .mouse }
        if let event = plainCodes[code] { return .key(event) }
        if let event = functionKey(code) { return .key(event) }
        if code > KEY_MAX, let name = keyName(code), let event = extendedKey(named: name) { return .key(event) }
        return nil
    }

    /// `KEY_F(n)`. Terminfo for xterm and tmux numbers modified function keys on from F13:
    /// 13-24 Shift, 25-36 Ctrl, 37-48 Ctrl+Shift, 49-60 Alt, 61-63 Alt+Shift (F1-F12 each).
    static func functionKey(_ code: Int32) -> KeyEvent? {
        let n = Int(code) - Int(KEY_F0)
        guard n >= 1, n <= 63 else { return nil }
        let group = (n - 1) / 12
        let modifiers: [Modifiers] = [[], .shift, .ctrl, [.ctrl, .shift], .alt, [.alt, .shift]]
        return KeyEvent(.function((n - 1) % 12 + 1), modifiers[group])
    }

    private static let extendedNames: [(prefix: String, key: Key)] = [
        ("kLFT", .left), ("kRIT", .right), ("kUP", .up), ("kDN", .down), ("kHOM", .home), ("kEND", .end),
        ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
    ]

    /// Keys that ncurses names from terminfo's extended capabilities: `kLFT2` is Shift+Left,
    /// `kRIT5` Ctrl+Right, `kUP3` Alt+Up. The digit is xterm's modifier code: 1 plus
    /// Shift 1, Alt 2, Ctrl 4.
    public static func extendedKey(named name: String) -> KeyEvent? {
        for entry in extendedNames where name.hasPrefix(entry.prefix) {
            let suffix = name.dropFirst(entry.prefix.count)
            if suffix.isEmpty { return KeyEvent(entry.key) }
            guard let digit = Int(suffix), (2...8).contains(digit) else { return nil }
            let bits = digit - 1
            var modifiers: Modifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.ctrl) }
            return KeyEvent(entry.key, modifiers)
        }
        return nil
    }
}
