/// An entry of the command palette: a command or a go-to target.
public struct PaletteEntry: Hashable, Sendable {
    /// The command id the owner runs ("crm.deal.move-right").
    public var id: String
    public var title: String
    public var category: String?
    /// The key that runs it directly, shown right-aligned ("gi", "ctrl+s").
    public var keyHint: String?

    public init(id: String, title: String, category: String? = nil, keyHint: String? = nil) {
        self.id = id; self.title = title; self.category = category; self.keyHint = keyHint
    }
}

/// The palette's entries and its fuzzy filter over their titles.
public struct CommandPaletteState: Hashable, Sendable {
    public private(set) var entries: [PaletteEntry]
    public var list: FilteredList

    public init(entries: [PaletteEntry]) {
        self.entries = entries
        self.list = FilteredList(entries.map(\.title))
    }

    public mutating func setEntries(_ new: [PaletteEntry]) { entries = new; list.setCandidates(new.map(\.title)) }
    /// The entry under the selection, nil when nothing matches.
    public var selectedEntry: PaletteEntry? { list.selectedIndex.map { entries[$0] } }
    /// Typing filters; Up/Down/Ctrl-P/Ctrl-N/PgUp/PgDn select. Enter and Esc are the owner's.
    public mutating func handle(_ key: KeyEvent) -> Bool { list.handle(key) }
}

/// The command palette (`:` or Ctrl-P): a panel near the top of the screen with the query line
/// and the matching entries (matched characters highlighted, category, key hint on the right).
public struct CommandPalette: StatefulWidget {
    public var theme: Theme
    public var title: String
    public var placeholder: String
    public var noMatchesText: String
    public var maxRows: Int

    public init(theme: Theme, title: String = "Commands", placeholder: String = "type a command or a place to go",
                noMatchesText: String = "no matches", maxRows: Int = 12) {
        self.theme = theme; self.title = title; self.placeholder = placeholder
        self.noMatchesText = noMatchesText; self.maxRows = maxRows
    }

    public func render(_ area: Rect, on surface: Surface, state: inout CommandPaletteState) {
        let area = area.intersection(surface.bounds)
        guard area.width >= 10, area.height >= 5 else { return }
        let width = min(area.width - 2, 76)
        let rows = min(maxRows, max(1, state.list.matches.count))
        let height = min(area.height, rows + 4)
        let top = area.y + min(max(0, area.height / 6), area.height - height)
        let panel = Rect(x: area.x + (area.width - width) / 2, y: top, width: width, height: height)
        let count = "\(NumberText.grouped(state.list.matches.count)) of \(NumberText.grouped(state.entries.count))"
        let block = Block(title: title, footer: count, focused: true, fillRole: .dialog, theme: theme)
        block.render(panel, on: surface)
        let inner = block.inner(panel)
        guard inner.height >= 3 else { return }
        let dialog = theme[.dialog]
        let prompt = ": "
        surface.put(prompt, x: inner.x, y: inner.y, style: dialog.patched(with: theme[.accent]), maxX: inner.maxX)
        var query = state.list.query
        TextInput(placeholder: placeholder, focused: true, theme: theme)
            .render(inner.row(0).inset(left: prompt.displayWidth), on: surface, state: &query)
        let listArea = inner.inset(top: 2)
        state.list.setViewport(listArea.height)
        if state.list.matches.isEmpty {
            surface.put(noMatchesText, in: listArea.row(0).inset(left: 2), alignment: .left, style: dialog.patched(with: theme[.muted]))
            return
        }
        let sel = state.list.selection
        for (line, i) in sel.visibleRange.enumerated() where line < listArea.height {
            let item = state.list.matches[i]
            let entry = state.entries[item.index]
            drawEntry(entry, positions: item.positions, selected: i == sel.selected, in: listArea.row(line), on: surface)
        }
    }

    private func drawEntry(_ entry: PaletteEntry, positions: [Int], selected: Bool, in row: Rect, on surface: Surface) {
        let base = theme[.dialog]
        surface.fillKeepingWide(row, style: base)
        var right = 0
        if let hint = entry.keyHint, !hint.isEmpty {
            right = surface.put(hint, in: row.inset(right: 1), alignment: .right, style: base.patched(with: theme[.accent])) + 1
        }
        var spans = FilteredList.highlighted(entry.title, positions: positions)
        if let category = entry.category, !category.isEmpty { spans.append(TextSpan("  " + category, role: .muted)) }
        surface.put(spans: spans, x: row.x + 2, y: row.y, maxX: row.maxX - right - 1, base: base, theme: theme)
        if selected {
            surface.put(surface.glyphs.pointer, x: row.x, y: row.y, style: base, maxX: row.maxX)
            surface.restyle(row, with: theme[.selected])
        }
    }
}
