/// A one-line trend: each value becomes a level glyph (eight levels, lowest first), scaled between
/// the smallest and largest value. The most recent values are kept when there are more than cells.
/// All-equal values draw a middle level; no values draw nothing.
public struct Sparkline: Widget {
    public var values: [Double]
    public var role: ThemeRole
    public var theme: Theme

    public init(_ values: [Double], role: ThemeRole = .chart, theme: Theme) {
        self.values = values; self.role = role; self.theme = theme
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let shown = Array(values.suffix(area.width)).filter { $0.isFinite }
        guard !shown.isEmpty else { return }
        let levels = surface.glyphs.levels
        let lo = shown.min()!, hi = shown.max()!
        let style = theme[role]
        let y = area.maxY - 1
        for (i, v) in shown.enumerated() {
            let level = hi > lo ? Int(((v - lo) / (hi - lo) * Double(levels.count - 1)).rounded()) : levels.count / 2
            surface.put(levels[min(max(0, level), levels.count - 1)], x: area.x + i, y: y, style: style, maxX: area.maxX)
        }
    }
}

/// A bar of a horizontal bar chart: its label, its magnitude (for scaling only; the figure shown is
/// `valueText`, formatted exactly by the caller) and the value as the
/// owner formats it ("84,200.00 EUR").
public struct BarItem: Hashable, Sendable {
    public var label: String
    public var magnitude: Double
    public var valueText: String
    public var role: ThemeRole?
    public init(_ label: String, magnitude: Double, valueText: String, role: ThemeRole? = nil) {
        self.label = label; self.magnitude = magnitude; self.valueText = valueText; self.role = role
    }
}

/// Horizontal bars, one per line: the label, a bar scaled to the largest magnitude (eighth-cell
/// precision in Unicode, `#` in ASCII), and the formatted value right-aligned. Negative values
/// draw in the `.moneyNegative` role; their text carries the minus sign.
public struct BarChart: Widget {
    public var items: [BarItem]
    public var theme: Theme
    public var emptyText: String

    public init(_ items: [BarItem], theme: Theme, emptyText: String = "no data") {
        self.items = items; self.theme = theme; self.emptyText = emptyText
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        guard !items.isEmpty else { surface.put(emptyText, in: area.row(0), alignment: .left, style: theme[.muted]); return }
        let labelWidth = min(items.map(\.label.displayWidth).max() ?? 0, area.width / 3)
        let valueWidth = min(items.map(\.valueText.displayWidth).max() ?? 0, area.width / 3)
        let barWidth = max(0, area.width - labelWidth - valueWidth - 2)
        let top = items.map { abs($0.magnitude.isFinite ? $0.magnitude : 0) }.max() ?? 0
        let g = surface.glyphs
        for (i, item) in items.enumerated() where i < area.height {
            let y = area.y + i
            surface.put(item.label, in: Rect(x: area.x, y: y, width: labelWidth, height: 1), alignment: .left, style: theme[.base])
            let fraction = top > 0 && item.magnitude.isFinite ? abs(item.magnitude) / top : 0
            let eighths = Int((fraction * Double(barWidth * 8)).rounded())
            var bar = String(repeating: g.barFull, count: eighths / 8)
            if eighths % 8 > 0 { bar += g.isUnicode ? g.barEighths[eighths % 8 - 1] : g.barFull }
            if bar.isEmpty && item.magnitude != 0 && barWidth > 0 { bar = g.isUnicode ? g.barEighths[0] : g.barFull }
            let role = item.role ?? (item.magnitude < 0 ? .moneyNegative : .chart)
            surface.put(bar, x: area.x + labelWidth + 1, y: y, style: theme[role], maxX: area.x + labelWidth + 1 + barWidth)
            surface.put(item.valueText, in: Rect(x: area.maxX - valueWidth, y: y, width: valueWidth, height: 1),
                        alignment: .right, style: theme[item.magnitude < 0 ? .moneyNegative : .base])
        }
    }
}
