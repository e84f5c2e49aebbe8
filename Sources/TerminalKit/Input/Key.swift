import Foundation

/// A key on the keyboard, independent of the terminal's escape sequences.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, escape, tab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// Modifier keys held with a key. Shifted printable characters arrive as the character itself
/// (`H`, `?`), so `.shift` is only set for keys that have no shifted character (Shift+Left, Shift+Tab).
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = Modifiers(rawValue: 1)
    public static let ctrl = Modifiers(rawValue: 2)
    public static let alt = Modifiers(rawValue: 4)
}

/// A key press with its modifiers.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) { self.key = key; self.modifiers = modifiers }
    public static func char(_ c: Character) -> KeyEvent { KeyEvent(.char(c)) }
    public static func ctrl(_ c: Character) -> KeyEvent { KeyEvent(.char(c), .ctrl) }
    public static func alt(_ c: Character) -> KeyEvent { KeyEvent(.char(c), .alt) }

    /// The character typed, when this is plain text input (no Ctrl/Alt).
    public var typedCharacter: Character? {
        if case .char(let c) = key, modifiers.isDisjoint(with: [.ctrl, .alt]) { return c }
        return nil
    }

    /// The notation used in key tables, help and config files: `ctrl+p`, `shift+left`, `F2`, `?`.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        let name: String
        switch key {
        case .char(" "): name = "space"
        case .char(let c): name = String(c)
        case .enter: name = "enter"
        case .escape: name = "esc"
        case .tab: name = "tab"
        case .backspace: name = "backspace"
        case .delete: name = "delete"
        case .insert: name = "insert"
        case .up: name = "up"
        case .down: name = "down"
        case .left: name = "left"
        case .right: name = "right"
        case .home: name = "home"
        case .end: name = "end"
        case .pageUp: name = "pgup"
        case .pageDown: name = "pgdn"
        case .function(let n): name = "F\(n)"
        }
        parts.append(name)
        return parts.joined(separator: "+")
    }

    /// Parses the notation of `description` (case-insensitive names; `ctrl+p`, `C-p`, `shift+tab`).
    /// Returns nil for text that names no key.
    public init?(parsing text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        var mods: Modifiers = []
        while true {
            let lower = t.lowercased()
            if t.count > 1, let r = ["ctrl+", "ctrl-", "c-", "^"].first(where: { lower.hasPrefix($0) && t.count > $0.count }) {
                mods.insert(.ctrl); t.removeFirst(r.count); continue
            }
            if t.count > 1, let r = ["alt+", "alt-", "m-", "meta+"].first(where: { lower.hasPrefix($0) && t.count > $0.count }) {
                mods.insert(.alt); t.removeFirst(r.count); continue
            }
            if t.count > 1, let r = ["shift+", "shift-", "s-"].first(where: { lower.hasPrefix($0) && t.count > $0.count }) {
                mods.insert(.shift); t.removeFirst(r.count); continue
            }
            break
        }
        let lower = t.lowercased()
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
            "backspace": .backspace, "bs": .backspace, "delete": .delete, "del": .delete, "insert": .insert,
            "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "space": .char(" "),
        ]
        if let k = named[lower] { self.init(k, mods); return }
        if t.count > 1, lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self.init(.function(n), mods); return
        }
        guard t.count == 1, let c = t.first else { return nil }
        let ch: Character = mods.contains(.ctrl) ? Character(c.lowercased()) : c
        self.init(.char(ch), mods)
    }
}

/// A mouse event, reported only when mouse support is turned on.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    public var kind: Kind
    public var position: Point
    public init(kind: Kind, position: Point) { self.kind = kind; self.position = position }
}

/// Anything the terminal can tell the application.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case resize(Size)
    case mouse(MouseEvent)
}
