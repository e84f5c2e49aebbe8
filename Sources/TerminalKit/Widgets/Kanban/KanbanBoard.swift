/// A kanban board: columns side by side (as many as fit at `minColumnWidth`: three at 80
/// cells, four at 120), each with a bordered header (title, summary lines) and its cards. The focused column
/// has the focused border; the focused card is highlighted. Columns and cards scroll to keep the
/// focus visible, with "‹ 2 more" / "3 more ›" under the board and "↑ 1 more" / "↓ 5 more" in a column.
public struct KanbanBoard: StatefulWidget {
    public var columns: [KanbanColumn]
    public var theme: Theme
    public var minColumnWidth: Int
    /// Shown in an empty column.
    public var emptyColumnText: String

    public init(columns: [KanbanColumn], theme: Theme, minColumnWidth: Int = 26, emptyColumnText: String = "no cards") {
        self.columns = columns; self.theme = theme; self.minColumnWidth = minColumnWidth; self.emptyColumnText = emptyColumnText
    }

    /// How many columns fit side by side in `width` cells.
    public func visibleColumnCount(width: Int) -> Int { max(1, min(columns.count, width / max(1, minColumnWidth))) }

    public func render(_ area: Rect, on surface: Surface, state: inout KanbanState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty, !columns.isEmpty else { return }
        if state.cardCounts != columns.map({ $0.cards.count }) { state.setCardCounts(columns.map { $0.cards.count }) }
        let visible = visibleColumnCount(width: area.width)
        if state.focusedColumn < state.firstColumn { state.firstColumn = state.focusedColumn }
        if state.focusedColumn >= state.firstColumn + visible { state.firstColumn = state.focusedColumn - visible + 1 }
        state.firstColumn = max(0, min(state.firstColumn, columns.count - visible))

        let needsIndicator = columns.count > visible
        let (board, indicator) = needsIndicator ? area.splitBottom(1) : (area, Rect(x: 0, y: 0, width: 0, height: 0))
        let baseWidth = board.width / visible
        let headerHeight = (state.firstColumn..<(state.firstColumn + visible)).map { columns[$0].headerLines.count }.max() ?? 0
        var x = board.x
        for k in 0..<visible {
            let c = state.firstColumn + k
            let w = k == visible - 1 ? board.maxX - x : baseWidth
            drawColumn(c, in: Rect(x: x, y: board.y, width: w, height: board.height), headerHeight: headerHeight,
                       state: &state, on: surface)
            x += w
        }
        if needsIndicator {
            surface.fillKeepingWide(indicator, style: theme[.base])
            let g = surface.glyphs
            let left = state.firstColumn, right = columns.count - state.firstColumn - visible
            if left > 0 { surface.put("\(g.moreLeft) \(left) more", in: indicator, alignment: .left, style: theme[.accent]) }
            if right > 0 { surface.put("\(right) more \(g.moreRight)", in: indicator, alignment: .right, style: theme[.accent]) }
        }
    }

    private func drawColumn(_ c: Int, in rect: Rect, headerHeight: Int, state: inout KanbanState, on surface: Surface) {
        let column = columns[c]
        let isFocusedColumn = c == state.focusedColumn
        let block = Block(title: column.title, focused: isFocusedColumn && state.focused, theme: theme)
        surface.fillKeepingWide(rect, style: theme[.base])
        block.render(rect, on: surface)
        let inner = block.inner(rect)
        guard !inner.isEmpty else { return }
        var y = inner.y
        for line in column.headerLines where y < inner.maxY {
            surface.put(line, in: inner.row(y - inner.y), alignment: .left, style: theme[.muted]); y += 1
        }
        y = min(inner.maxY, inner.y + headerHeight)
        if headerHeight > 0, y < inner.maxY {
            surface.put(String(repeating: surface.glyphs.horizontal, count: inner.width),
                        x: inner.x, y: y, style: theme[.border], maxX: inner.maxX)
            y += 1
        }
        let cardsArea = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        guard !cardsArea.isEmpty else { return }
        if column.cards.isEmpty {
            surface.put(emptyColumnText, in: cardsArea.row(0), alignment: .center, style: theme[.muted]); return
        }
        let focusedCard = state.focusedCard(in: c)
        var offset = min(state.cardOffsets[c], column.cards.count - 1)
        if focusedCard < offset { offset = focusedCard }
        while focusedCard >= offset + shownCount(column.cards, from: offset, height: cardsArea.height), offset < focusedCard {
            offset += 1
        }
        state.cardOffsets[c] = offset
        let shown = shownCount(column.cards, from: offset, height: cardsArea.height)
        let g = surface.glyphs
        var cy = cardsArea.y
        if offset > 0 {
            surface.put("\(g.moreAbove) \(offset) more", in: cardsArea.row(0), alignment: .center, style: theme[.muted]); cy += 1
        }
        for i in offset..<min(column.cards.count, offset + max(1, shown)) {
            if i > offset { cy += 1 }
            cy = drawCard(column.cards[i], focused: isFocusedColumn && i == focusedCard, boardFocused: state.focused,
                          x: cardsArea.x, y: cy, width: cardsArea.width, maxY: cardsArea.maxY, on: surface)
        }
        let below = column.cards.count - offset - max(1, shown)
        if below > 0 {
            surface.put("\(g.moreBelow) \(below) more", in: cardsArea.row(cardsArea.height - 1), alignment: .center, style: theme[.muted])
        }
    }

    /// Cards from `offset` that fit whole in `height` rows, leaving room for the scroll indicators.
    func shownCount(_ cards: [KanbanCard], from offset: Int, height: Int) -> Int {
        func fit(_ h: Int) -> Int {
            var used = 0, k = offset
            while k < cards.count {
                let need = cards[k].lineCount + (k > offset ? 1 : 0)
                if used + need > h { break }
                used += need; k += 1
            }
            return k - offset
        }
        let h = height - (offset > 0 ? 1 : 0)
        let all = fit(h)
        return offset + all < cards.count ? fit(h - 1) : all
    }

    /// Draws a card from row `y`; returns the row after it.
    private func drawCard(_ card: KanbanCard, focused: Bool, boardFocused: Bool, x: Int, y: Int, width: Int, maxY: Int,
                          on surface: Surface) -> Int {
        let g = surface.glyphs
        let barStyle = card.role.map { theme[$0] } ?? theme[.accent]
        let lines = [card.title] + card.details
        var cy = y
        for (n, line) in lines.enumerated() where cy < maxY {
            let row = Rect(x: x, y: cy, width: width, height: 1)
            surface.fillKeepingWide(row, style: theme[.base])
            let bar = focused && n == 0 ? g.pointer : (card.role != nil || focused ? g.cardBar : " ")
            surface.put(bar, x: x, y: cy, style: focused ? theme[.accent] : barStyle, maxX: row.maxX)
            var style = n == 0 ? theme[.title] : theme[.muted]
            if n > 0, let role = card.role { style = theme[role] }
            surface.put(line, in: Rect(x: x + 2, y: cy, width: width - 2, height: 1), alignment: .left, style: style)
            if focused { surface.restyle(row.inset(left: 1), with: theme[boardFocused ? .selected : .selectedUnfocused]) }
            cy += 1
        }
        return cy
    }
}
