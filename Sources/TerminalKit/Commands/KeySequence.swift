/// One or more key presses that together trigger a command: `?`, `ctrl+p`, or `g h` (g then h).
public struct KeySequence: Hashable, Sendable, CustomStringConvertible {
    public var keys: [KeyEvent]

    public init(_ keys: [KeyEvent]) { self.keys = keys }
    public init(_ key: KeyEvent) { self.keys = [key] }

    /// Parses space-separated key notation (`g h`, `ctrl+p`, `shift+left`). Nil if any part names no key.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var keys: [KeyEvent] = []
        for p in parts {
            guard let k = KeyEvent(parsing: String(p)) else { return nil }
            keys.append(k)
        }
        self.keys = keys
    }

    public var description: String { keys.map(\.description).joined(separator: " ") }

    /// Whether `prefix` is a strict beginning of this sequence.
    public func hasPrefix(_ prefix: [KeyEvent]) -> Bool {
        prefix.count < keys.count && Array(keys.prefix(prefix.count)) == prefix
    }
}
