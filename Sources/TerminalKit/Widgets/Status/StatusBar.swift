/// A transient message with its severity ("Saved INV-2026-0042", "3 rows refused").
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var severity: Severity
    public init(_ text: String, severity: Severity = .info) { self.text = text; self.severity = severity }
}

/// The bottom line: key hints `key label  key label` on the left (hints that do not fit are
/// dropped from the end), and the current message on the right with its severity symbol.
public struct StatusBar: Widget {
    public var hints: [(key: String, label: String)]
    public var message: StatusMessage?
    public var theme: Theme

    public init(hints: [(key: String, label: String)], message: StatusMessage? = nil, theme: Theme) {
        self.hints = hints; self.message = message; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let row = area.row(area.height - 1)
        let bar = theme[.statusBar]
        surface.fillKeepingWide(row, style: bar)
        var right = row.maxX
        if let message, !message.text.isEmpty {
            let text = message.severity.symbol(surface.glyphs) + " " + message.text
            let room = Rect(x: row.x + row.width / 3, y: row.y, width: row.width - row.width / 3 - 1, height: 1)
            let used = surface.put(text, in: room, alignment: .right, style: bar.patched(with: theme[message.severity.role]))
            right = room.maxX - used - 2
        }
        var x = row.x + 1
        for hint in hints {
            let w = hint.key.displayWidth + 1 + hint.label.displayWidth
            if x + w > right { break }
            x += surface.put(hint.key, x: x, y: row.y, style: theme[.hintKey], maxX: right)
            x += surface.put(" " + hint.label, x: x, y: row.y, style: theme[.hintText], maxX: right)
            x += 2
        }
    }
}
