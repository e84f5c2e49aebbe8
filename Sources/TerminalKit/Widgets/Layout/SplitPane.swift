/// How a split pane divides its area.
public enum SplitSize: Hashable, Sendable {
    /// The first pane takes this fraction (0...1) of the space.
    case ratio(Double)
    /// The first pane is this many cells wide (or tall).
    case fixed(Int)
    /// The second pane is this many cells wide (or tall).
    case fixedSecond(Int)
}

/// Two panes side by side (`.horizontal`) or stacked (`.vertical`). With `bordered` each pane is a
/// `Block` (the focused one drawn with `.borderFocused` and the heavy focused glyphs) and `render`
/// returns their inner rects; without, a single divider line separates them.
public struct SplitPane: Hashable, Sendable {
    public enum Axis: Hashable, Sendable { case horizontal, vertical }

    public var axis: Axis
    public var size: SplitSize
    public var titles: [String?]
    /// 0 or 1: the focused pane; nil when neither has focus.
    public var focusedPane: Int?
    public var bordered: Bool
    public var theme: Theme

    public init(axis: Axis = .horizontal, size: SplitSize = .ratio(0.5), titles: [String?] = [nil, nil],
                focusedPane: Int? = nil, bordered: Bool = true, theme: Theme) {
        self.axis = axis; self.size = size; self.titles = titles; self.focusedPane = focusedPane
        self.bordered = bordered; self.theme = theme
    }

    /// The two outer rects (with a one-cell divider between them when not bordered).
    public func layout(_ area: Rect) -> (Rect, Rect) {
        let total = axis == .horizontal ? area.width : area.height
        let divider = bordered ? 0 : 1
        let room = max(0, total - divider)
        var first: Int
        switch size {
        case .ratio(let r): first = Int((Double(room) * min(max(r, 0), 1)).rounded())
        case .fixed(let n): first = n
        case .fixedSecond(let n): first = room - n
        }
        first = min(max(0, first), room)
        if axis == .horizontal {
            return (Rect(x: area.x, y: area.y, width: first, height: area.height),
                    Rect(x: area.x + first + divider, y: area.y, width: room - first, height: area.height))
        }
        return (Rect(x: area.x, y: area.y, width: area.width, height: first),
                Rect(x: area.x, y: area.y + first + divider, width: area.width, height: room - first))
    }

    /// Draws the borders or divider and returns the rects to draw each pane's content into.
    @discardableResult
    public func render(_ area: Rect, on surface: Surface) -> (first: Rect, second: Rect) {
        let area = area.intersection(surface.bounds)
        let (a, b) = layout(area)
        if bordered {
            let blocks = [a, b].enumerated().map { i, r in
                Block(title: i < titles.count ? titles[i] : nil, focused: focusedPane == i, theme: theme)
            }
            blocks[0].render(a, on: surface); blocks[1].render(b, on: surface)
            return (blocks[0].inner(a), blocks[1].inner(b))
        }
        let focusedStyle = focusedPane != nil
        let style = theme[focusedStyle ? .borderFocused : .border]
        let g = focusedStyle ? surface.glyphs.focused : surface.glyphs
        if axis == .horizontal {
            for y in area.y..<area.maxY { surface.put(g.vertical, x: a.maxX, y: y, style: style, maxX: area.maxX) }
        } else if a.maxY < area.maxY {
            surface.put(String(repeating: g.horizontal, count: area.width), x: area.x, y: a.maxY, style: style, maxX: area.maxX)
        }
        return (a, b)
    }
}
