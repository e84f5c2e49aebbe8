/// A piece of text with an optional theme role and extra attributes: the unit of styled text
/// in paragraphs, list rows and highlighted matches.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var role: ThemeRole?
    public var attrs: Attributes

    public init(_ text: String, role: ThemeRole? = nil, attrs: Attributes = []) {
        self.text = text; self.role = role; self.attrs = attrs
    }

    /// Display width in cells.
    public var width: Int { text.displayWidth }

    /// The style of this span over a base style.
    public func style(over base: Style, theme: Theme) -> Style {
        var s = base
        if let role { s = s.patched(with: theme[role]) }
        return s.adding(attrs)
    }
}

extension Surface {
    /// Draws spans left to right from (x, y), never past `maxX`. When they do not fit, the last
    /// visible cell becomes the ellipsis. Returns the cells used.
    @discardableResult
    public func put(spans: [TextSpan], x: Int, y: Int, maxX: Int, base: Style, theme: Theme) -> Int {
        let limit = min(maxX, size.width)
        guard limit > x else { return 0 }
        let total = spans.reduce(0) { $0 + $1.width }
        let available = limit - x
        var cx = x
        if total <= available {
            for span in spans { cx += put(span.text, x: cx, y: y, style: span.style(over: base, theme: theme), maxX: limit) }
            return cx - x
        }
        let ellipsis = glyphs.ellipsis
        let budget = max(0, available - ellipsis.displayWidth)
        var lastStyle = base
        outer: for span in spans {
            let style = span.style(over: base, theme: theme)
            lastStyle = style
            for ch in span.text {
                let w = DisplayWidth.of(ch)
                if cx - x + w > budget { break outer }
                cx += put(String(ch), x: cx, y: y, style: style, maxX: limit)
            }
        }
        cx += put(ellipsis, x: cx, y: y, style: lastStyle, maxX: limit)
        return cx - x
    }

    /// Draws `text` aligned inside the first row of `rect` (truncated with the ellipsis when too wide).
    /// Cells of the rect not covered by the text are left as they are.
    @discardableResult
    public func put(_ text: String, in rect: Rect, alignment: HorizontalAlignment, style: Style) -> Int {
        guard !rect.isEmpty else { return 0 }
        let t = text.truncated(toWidth: rect.width, ellipsis: glyphs.ellipsis)
        let w = t.displayWidth
        let x: Int
        switch alignment {
        case .left: x = rect.x
        case .right: x = rect.maxX - w
        case .center: x = rect.x + (rect.width - w) / 2
        }
        return put(t, x: x, y: rect.y, style: style, maxX: rect.maxX)
    }
}

/// Number formatting shared by widgets (counters such as "row 120 of 1,000,000").
public enum NumberText {
    /// The integer with a thousands separator every three digits: 1000000 → "1,000,000".
    public static func grouped(_ value: Int, separator: String = ",") -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}

extension Surface {
    /// Fills `rect` like `fill`, but first blanks the outside half of any wide character that the
    /// rect's left or right edge would cut, so an overlay (dialog, toast, dropdown) never leaves a
    /// torn wide character in the content below it.
    public func fillKeepingWide(_ rect: Rect, _ text: String = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            if r.x > 0, cell(at: r.x, y).isContinuation {
                var left = cell(at: r.x - 1, y); left.text = " "; setCell(left, at: r.x - 1, y)
            }
            if r.maxX < size.width, cell(at: r.maxX, y).isContinuation {
                var right = cell(at: r.maxX, y); right.text = " "; right.isContinuation = false; setCell(right, at: r.maxX, y)
            }
        }
        fill(r, text, style: style)
    }
}
