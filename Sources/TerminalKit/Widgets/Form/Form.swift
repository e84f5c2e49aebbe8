/// Draws a `FormState`: one line per field (label, then the input), and a second line under the
/// input for the field's error ("✗ …", error role) or hint (muted). Fields flow in two columns at
/// 100 cells and wider, one below. The view scrolls to keep the focused field visible, and a focused
/// lookup field with suggestions shows them in a dropdown over the fields below it.
public struct Form: StatefulWidget {
    public var theme: Theme
    /// Whether the form has keyboard focus (draws the focused field's input and the cursor).
    public var focused: Bool
    /// The width at which fields go into two columns.
    public var twoColumnMinWidth: Int
    /// Most suggestions shown at once in a lookup dropdown.
    public var maxSuggestions: Int

    public init(theme: Theme, focused: Bool = true, twoColumnMinWidth: Int = 100, maxSuggestions: Int = 6) {
        self.theme = theme; self.focused = focused; self.twoColumnMinWidth = twoColumnMinWidth; self.maxSuggestions = maxSuggestions
    }

    /// Where a field lands in the content (before scrolling).
    struct Placement { var index: Int; var x: Int; var y: Int; var width: Int; var height: Int }

    func columnWidth(_ fields: [FormField], width: Int) -> Int {
        width >= twoColumnMinWidth && fields.count > 1 ? (width - 3) / 2 : width
    }

    /// The message under a field (error first, else hint), wrapped to at most two lines.
    func messageLines(_ field: FormField, width: Int, glyphs: Glyphs) -> (lines: [String], isError: Bool) {
        if let error = field.error {
            let text = Severity.error.symbol(glyphs) + " " + error
            let lines = Paragraph(text: text, theme: theme).wrapped(width: width).map { String($0.map(\.0)) }
            return (Array(lines.prefix(2)), true)
        }
        if let hint = field.hint { return ([hint], false) }
        return ([], false)
    }

    func layout(_ fields: [FormField], width: Int, glyphs: Glyphs) -> (placements: [Placement], height: Int) {
        let twoColumns = width >= twoColumnMinWidth && fields.count > 1
        let gap = 3
        let columnWidth = columnWidth(fields, width: width)
        let messageWidth = max(1, columnWidth - labelWidth(fields, columnWidth: columnWidth) - 1)
        let split = twoColumns ? (fields.count + 1) / 2 : fields.count
        var placements: [Placement] = []
        var ys = [0, 0]
        for (i, field) in fields.enumerated() {
            let column = i < split ? 0 : 1
            let h = 1 + messageLines(field, width: messageWidth, glyphs: glyphs).lines.count
            placements.append(Placement(index: i, x: column == 0 ? 0 : columnWidth + gap, y: ys[column], width: columnWidth, height: h))
            ys[column] += h
        }
        return (placements, max(ys[0], ys[1]))
    }

    func labelWidth(_ fields: [FormField], columnWidth: Int) -> Int {
        let widest = fields.map { $0.label.displayWidth + ($0.required ? 2 : 0) }.max() ?? 0
        return min(widest + 1, max(6, columnWidth / 3))
    }

    public func render(_ area: Rect, on surface: Surface, state: inout FormState) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        surface.fillKeepingWide(area, style: theme[.base])
        let (placements, contentHeight) = layout(state.fields, width: area.width, glyphs: surface.glyphs)
        guard !placements.isEmpty else { return }
        // Keep the focused field whole on screen.
        let f = placements[min(state.focusedIndex, placements.count - 1)]
        if f.y < state.scroll { state.scroll = f.y }
        if f.y + f.height > state.scroll + area.height { state.scroll = f.y + f.height - area.height }
        state.scroll = max(0, min(state.scroll, max(0, contentHeight - area.height)))

        let labelW = labelWidth(state.fields, columnWidth: placements[0].width)
        var dropdownAnchor: (Rect, FormField)?
        for p in placements {
            let top = area.y + p.y - state.scroll
            let isFocused = focused && p.index == state.focusedIndex
            let inputRect = drawField(&state.fields[p.index], x: area.x + p.x, y: top, width: p.width,
                                      labelWidth: labelW, focused: isFocused, clip: area, on: surface)
            if isFocused, case .lookup = state.fields[p.index].kind, !state.fields[p.index].suggestions.isEmpty {
                dropdownAnchor = (inputRect, state.fields[p.index])
            }
        }
        if let (anchor, field) = dropdownAnchor { drawDropdown(field, below: anchor, clip: area, on: surface) }
        if contentHeight > state.scroll + area.height {
            let more = "\(surface.glyphs.moreBelow) more"
            surface.put(more, x: area.maxX - more.displayWidth, y: area.maxY - 1, style: theme[.muted], maxX: area.maxX)
        }
    }

    /// Draws one field's lines that fall inside `clip`; returns the input's rect.
    private func drawField(_ field: inout FormField, x: Int, y: Int, width: Int, labelWidth: Int,
                           focused: Bool, clip: Rect, on surface: Surface) -> Rect {
        let g = surface.glyphs
        let visible = { (row: Int) in row >= clip.y && row < clip.maxY }
        let inputX = x + labelWidth + 1
        var suffix = ""
        if case .money(let currency) = field.kind { suffix = currency }
        let suffixWidth = suffix.isEmpty ? 0 : suffix.displayWidth + 1
        var inputWidth = max(1, width - labelWidth - 1 - suffixWidth)
        switch field.kind {
        case .integer, .money, .date: inputWidth = min(inputWidth, 18)
        default: break
        }
        let inputRect = Rect(x: inputX, y: y, width: inputWidth, height: 1)
        if visible(y) {
            var labelStyle = theme[field.error != nil ? .error : (focused ? .accent : .base)]
            if field.readOnly { labelStyle = theme[.muted] }
            let label = field.label.truncated(toWidth: labelWidth - (field.required ? 2 : 0), ellipsis: g.ellipsis)
            let used = surface.put(label, x: x, y: y, style: labelStyle, maxX: x + labelWidth)
            if field.required { surface.put(" *", x: x + used, y: y, style: theme[.accent], maxX: x + labelWidth) }
            drawValue(&field, in: inputRect, focused: focused, on: surface)
            if !suffix.isEmpty {
                surface.put(suffix, x: inputRect.maxX + 1, y: y, style: theme[.muted], maxX: x + width)
            }
        }
        let messageWidth = max(1, width - labelWidth - 1)
        let message = messageLines(field, width: messageWidth, glyphs: g)
        for (k, line) in message.lines.enumerated() where visible(y + 1 + k) {
            surface.put(line, in: Rect(x: inputX, y: y + 1 + k, width: messageWidth, height: 1), alignment: .left,
                        style: theme[message.isError ? .error : .muted])
        }
        return inputRect
    }

    private func drawValue(_ field: inout FormField, in rect: Rect, focused: Bool, on surface: Surface) {
        let g = surface.glyphs
        if field.readOnly {
            let text = field.masked ? String(repeating: g.mask, count: field.input.count) : field.value
            surface.put(text, in: rect, alignment: field.kind.isNumeric ? .right : .left, style: theme[.muted])
            return
        }
        if case .choice(let options) = field.kind {
            let style = theme[focused ? .inputFocused : .input]
            surface.fillKeepingWide(rect, style: style)
            let text = options.count > 1 && focused ? "\(g.choiceLeft) \(field.value) \(g.choiceRight)" : field.value
            surface.put(text, in: rect, alignment: .left, style: style)
            return
        }
        let input = TextInput(masked: field.masked, focused: focused, alignment: field.kind.isNumeric ? .right : .left, theme: theme)
        input.render(rect, on: surface, state: &field.input)
    }

    private func drawDropdown(_ field: FormField, below anchor: Rect, clip: Rect, on surface: Surface) {
        let shown = min(field.suggestions.count, maxSuggestions)
        let height = shown + 2
        var top = anchor.y + 1
        if top + height > clip.maxY, anchor.y - height >= clip.y { top = anchor.y - height }
        let box = Rect(x: anchor.x, y: top, width: max(anchor.width, 16), height: height).intersection(clip)
        guard box.height >= 3 else { return }
        Block(focused: false, fillRole: .dialog, theme: theme).render(box, on: surface)
        let inner = box.inset(1)
        var list = ListSelection(count: field.suggestions.count, viewport: inner.height)
        list.select(field.suggestionIndex ?? 0)
        for (line, i) in list.visibleRange.enumerated() where line < inner.height {
            let row = inner.row(line)
            let selected = i == field.suggestionIndex
            let style = theme[.dialog].patched(with: selected ? theme[.selected] : Style())
            surface.fillKeepingWide(row, style: style)
            surface.put(field.suggestions[i], in: row.inset(left: 1, right: 1), alignment: .left, style: style)
        }
    }
}
