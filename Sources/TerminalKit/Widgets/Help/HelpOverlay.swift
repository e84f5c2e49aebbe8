/// One line of help: the key notation and what it does.
public struct HelpEntry: Hashable, Sendable {
    public var key: String
    public var description: String
    public init(key: String, description: String) { self.key = key; self.description = description }
}

/// A titled group of help lines ("Navigation", "Editing").
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]
    public init(_ title: String, entries: [HelpEntry]) { self.title = title; self.entries = entries }
}

/// The help overlay's search text, whether search has the keyboard, and the scroll position.
public struct HelpOverlayState: Hashable, Sendable {
    public var search = TextInputState()
    /// True after `/`: typing goes to the search.
    public var searching = false
    /// First line shown; `HelpOverlay` clamps it.
    public var scroll = 0
    /// Lines visible at the last render (the page size).
    public private(set) var pageSize = 10

    public init() {}

    mutating func setPageSize(_ n: Int) { pageSize = max(1, n) }
    public mutating func scrollDown(by n: Int = 1) { scroll += n }
    public mutating func scrollUp(by n: Int = 1) { scroll = max(0, scroll - n) }
    public mutating func home() { scroll = 0 }
    public mutating func end() { scroll = Int.max / 2 }

    /// `/` starts searching; while searching, editing keys edit the search (Esc or Enter stop
    /// searching, Esc also clears it); otherwise Up/Down/j/k/PgUp/PgDn/Home/End/g/G scroll.
    /// Returns whether the key was used (Esc outside search is the owner's: it closes the overlay).
    public mutating func handle(_ key: KeyEvent) -> Bool {
        if searching {
            switch key.key {
            case .escape: searching = false; search.clear(); scroll = 0; return true
            case .enter: searching = false; return true
            default:
                let before = search.value
                let used = search.handle(key)
                if search.value != before { scroll = 0 }
                return used
            }
        }
        switch key.key {
        case .char("/") where key.modifiers.isEmpty: searching = true; return true
        case .down, .char("j"): scrollDown(); return true
        case .up, .char("k"): scrollUp(); return true
        case .pageDown: scrollDown(by: pageSize); return true
        case .pageUp: scrollUp(by: pageSize); return true
        case .home, .char("g"): home(); return true
        case .end, .char("G"): end(); return true
        default: return false
        }
    }
}

/// The `?` overlay: every key of the current screen grouped by section, filtered by a search
/// (a key, a word of the description or a section title), in a large centred panel that scrolls.
public struct HelpOverlay: StatefulWidget {
    public var title: String
    public var sections: [HelpSection]
    public var theme: Theme

    public init(title: String = "Keys", sections: [HelpSection], theme: Theme) {
        self.title = title; self.sections = sections; self.theme = theme
    }

    enum Line { case section(String), entry(HelpEntry), blank }

    /// The sections and entries that match `query` (case-insensitive); a matching section title keeps all its entries.
    func lines(matching query: String) -> [Line] {
        let q = query.lowercased().trimmingSpaces
        var out: [Line] = []
        for section in sections {
            let keep = q.isEmpty || section.title.lowercased().contains(q)
                ? section.entries
                : section.entries.filter { $0.key.lowercased().contains(q) || $0.description.lowercased().contains(q) }
            guard !keep.isEmpty else { continue }
            if !out.isEmpty { out.append(.blank) }
            out.append(.section(section.title))
            out += keep.map { .entry($0) }
        }
        return out
    }

    public func render(_ area: Rect, on surface: Surface, state: inout HelpOverlayState) {
        let area = area.intersection(surface.bounds)
        guard area.width >= 20, area.height >= 6 else { return }
        let panel = area.centered(width: min(area.width - 4, 90), height: area.height - 2)
        let block = Block(title: title, footer: "Esc close  / search", focused: true, fillRole: .dialog, theme: theme)
        block.render(panel, on: surface)
        let inner = block.inner(panel).inset(left: 1, right: 1)
        guard inner.height >= 3 else { return }
        let dialog = theme[.dialog]
        let label = "/ "
        surface.put(label, x: inner.x, y: inner.y, style: dialog.patched(with: theme[.accent]), maxX: inner.maxX)
        var search = state.search
        TextInput(placeholder: "search keys", focused: state.searching, theme: theme)
            .render(Rect(x: inner.x + 2, y: inner.y, width: min(inner.width - 2, 40), height: 1), on: surface, state: &search)
        let body = inner.inset(top: 2)
        let lines = lines(matching: state.search.value)
        state.setPageSize(body.height)
        state.scroll = max(0, min(state.scroll, lines.count - body.height))
        if lines.isEmpty {
            surface.put("no keys match \"\(state.search.value)\"", in: body.row(0), alignment: .left, style: dialog.patched(with: theme[.muted]))
            return
        }
        let keyWidth = min(max(6, lines.compactMap { if case .entry(let e) = $0 { return e.key.displayWidth } else { return nil } }.max() ?? 0),
                           body.width / 3)
        for row in 0..<body.height {
            let i = state.scroll + row
            guard i < lines.count else { break }
            let r = body.row(row)
            switch lines[i] {
            case .blank: break
            case .section(let t): surface.put(t, in: r, alignment: .left, style: dialog.patched(with: theme[.title]))
            case .entry(let e):
                surface.put(e.key, in: Rect(x: r.x + 2, y: r.y, width: keyWidth, height: 1), alignment: .left,
                            style: dialog.patched(with: theme[.accent]))
                surface.put(e.description, in: r.inset(left: keyWidth + 4), alignment: .left, style: dialog)
            }
        }
        let g = surface.glyphs
        if state.scroll > 0 { surface.put(g.moreAbove, x: body.maxX - 1, y: body.y, style: dialog.patched(with: theme[.muted]), maxX: body.maxX) }
        if state.scroll + body.height < lines.count {
            let more = "\(g.moreBelow) \(lines.count - state.scroll - body.height) more"
            surface.put(more, in: body.row(body.height - 1), alignment: .right, style: dialog.patched(with: theme[.muted]))
        }
    }
}
