/// The value, cursor and horizontal scroll of a one-line text input.
///
/// The cursor and scroll count grapheme clusters (Swift `Character`s), so accents, CJK and emoji
/// are edited whole. `handle(_:)` applies the usual editing keys; anything else is left to the owner.
public struct TextInputState: Hashable, Sendable {
    private var chars: [Character]
    /// Cursor position: the index of the character it stands before (`count` = after the last).
    public private(set) var cursor: Int
    /// Index of the first character shown; kept by `TextInput` so the cursor stays visible.
    public var scroll: Int

    public init(_ value: String = "") {
        chars = Array(value)
        cursor = chars.count
        scroll = 0
    }

    /// The text. Setting it moves the cursor to the end.
    public var value: String {
        get { String(chars) }
        set { chars = Array(newValue); cursor = chars.count; scroll = 0 }
    }

    /// Number of characters.
    public var count: Int { chars.count }
    public var isEmpty: Bool { chars.isEmpty }
    /// The characters, for rendering.
    public var characters: [Character] { chars }

    // MARK: Editing

    public mutating func insert(_ text: String) {
        let new = Array(text).filter { !$0.isControlCharacter }
        chars.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Deletes the character before the cursor. Returns false at the start.
    @discardableResult public mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        chars.remove(at: cursor - 1); cursor -= 1
        return true
    }

    /// Deletes the character under the cursor. Returns false at the end.
    @discardableResult public mutating func deleteForward() -> Bool {
        guard cursor < chars.count else { return false }
        chars.remove(at: cursor)
        return true
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(chars.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = chars.count }
    public mutating func setCursor(_ index: Int) { cursor = min(max(0, index), chars.count) }

    /// Moves to the start of the previous word.
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }
    /// Moves past the end of the next word.
    public mutating func moveWordRight() {
        var i = cursor
        while i < chars.count, !chars[i].isWordCharacter { i += 1 }
        while i < chars.count, chars[i].isWordCharacter { i += 1 }
        cursor = i
    }

    /// Deletes from the start of the previous word to the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        chars.removeSubrange(start..<cursor); cursor = start
    }
    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() { chars.removeSubrange(0..<cursor); cursor = 0; scroll = 0 }
    /// Deletes everything from the cursor on (Ctrl-K).
    public mutating func deleteToEnd() { chars.removeSubrange(cursor..<chars.count) }
    public mutating func clear() { chars = []; cursor = 0; scroll = 0 }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !chars[i - 1].isWordCharacter { i -= 1 }
        while i > 0, chars[i - 1].isWordCharacter { i -= 1 }
        return i
    }

    /// Applies an editing key: printable characters, Backspace, Delete, Left/Right, Home/End,
    /// Ctrl-A/E (start/end), Ctrl-U/K (delete to start/end), Ctrl-W (delete word), Ctrl/Alt-Left/Right
    /// (word moves). Returns whether the key was used; Enter, Esc, Tab, Up/Down are never used.
    public mutating func handle(_ key: KeyEvent) -> Bool {
        if let c = key.typedCharacter {
            guard !c.isControlCharacter else { return false }
            insert(String(c)); return true
        }
        let ctrl = key.modifiers.contains(.ctrl), alt = key.modifiers.contains(.alt)
        switch key.key {
        case .backspace: if alt || ctrl { deleteWordBackward() } else { backspace() }
        case .delete: deleteForward()
        case .left: if ctrl || alt { moveWordLeft() } else { moveLeft() }
        case .right: if ctrl || alt { moveWordRight() } else { moveRight() }
        case .home: moveHome()
        case .end: moveEnd()
        case .char(let c) where ctrl:
            switch c {
            case "a": moveHome()
            case "e": moveEnd()
            case "u": deleteToStart()
            case "k": deleteToEnd()
            case "w": deleteWordBackward()
            case "h": backspace()
            case "b": moveLeft()
            case "f": moveRight()
            case "d": deleteForward()
            default: return false
            }
        case .char(let c) where alt:
            switch c {
            case "b": moveWordLeft()
            case "f": moveWordRight()
            default: return false
            }
        default: return false
        }
        return true
    }

    /// Adjusts `scroll` so that the cursor fits in `width` cells (the cursor needs one cell
    /// after the text when it stands at the end). Returns the visible range of characters.
    public mutating func fit(width: Int) -> Range<Int> {
        guard width > 0 else { return cursor..<cursor }
        scroll = min(max(0, scroll), chars.count)
        if cursor < scroll { scroll = cursor }
        let cursorCell = cursor < chars.count ? DisplayWidth.of(chars[cursor]) : 1
        var used = chars[scroll..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while used + cursorCell > width, scroll < cursor {
            used -= DisplayWidth.of(chars[scroll]); scroll += 1
        }
        // Scroll back left while the whole tail still fits (after deleting near the end).
        let tailExtra = cursor == chars.count ? 1 : 0
        var tail = chars[scroll...].reduce(0) { $0 + DisplayWidth.of($1) } + tailExtra
        while scroll > 0, tail + DisplayWidth.of(chars[scroll - 1]) <= width {
            scroll -= 1; tail += DisplayWidth.of(chars[scroll])
        }
        var end = scroll, w = 0
        while end < chars.count, w + DisplayWidth.of(chars[end]) <= width { w += DisplayWidth.of(chars[end]); end += 1 }
        return scroll..<end
    }
}

extension Character {
    var isControlCharacter: Bool {
        guard let s = unicodeScalars.first else { return true }
        return s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0)
    }
    var isWordCharacter: Bool { isLetter || isNumber || self == "_" }
}
