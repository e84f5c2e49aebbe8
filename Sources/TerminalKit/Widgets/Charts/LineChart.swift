/// One line of a line chart.
public struct ChartSeries: Hashable, Sendable {
    public var name: String
    public var values: [Double]
    public var role: ThemeRole
    public init(_ name: String, values: [Double], role: ThemeRole = .chart) { self.name = name; self.values = values; self.role = role }
}

/// A line chart with a y axis (max and min labels), an x axis with labels spread along it, and
/// the series plotted in braille (2x4 dots per cell) or, on ASCII terminals, with `*` on the
/// character grid. Points are spread evenly across the width and joined by straight lines.
/// Empty data shows the axes and `emptyText`; a single point sits in the middle; all-equal values
/// draw a level line in the middle.
public struct LineChart: Widget {
    public var series: [ChartSeries]
    public var xLabels: [String]
    /// Formats the y axis labels.
    public var yFormat: @Sendable (Double) -> String
    public var theme: Theme
    public var emptyText: String

    public init(series: [ChartSeries], xLabels: [String] = [], theme: Theme, emptyText: String = "no data",
                yFormat: @escaping @Sendable (Double) -> String = LineChart.defaultFormat) {
        self.series = series; self.xLabels = xLabels; self.theme = theme; self.emptyText = emptyText; self.yFormat = yFormat
    }

    /// Whole numbers with thousands separators, else one decimal.
    @Sendable public static func defaultFormat(_ v: Double) -> String {
        if v.rounded() == v, abs(v) < 1e15 { return NumberText.grouped(Int(v)) }
        let tenths = Int((abs(v) * 10).rounded())
        return (v < 0 ? "-" : "") + NumberText.grouped(tenths / 10) + "." + String(tenths % 10)
    }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard area.width >= 6, area.height >= 3 else { return }
        let all = series.flatMap { $0.values.filter(\.isFinite) }
        let lo = all.min() ?? 0, hi = all.max() ?? 0
        let (minY, maxY) = lo == hi ? (lo - 1, hi + 1) : (lo, hi)
        let topLabel = yFormat(lo == hi ? hi : maxY), bottomLabel = yFormat(lo == hi ? lo : minY)
        let labelWidth = min(max(topLabel.displayWidth, bottomLabel.displayWidth), area.width / 4)
        let axis = theme[.chartAxis]
        let g = surface.glyphs
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 2)
        guard !plot.isEmpty else { return }
        // Axes.
        for y in plot.y..<plot.maxY { surface.put(g.vertical, x: plot.x - 1, y: y, style: axis, maxX: area.maxX) }
        surface.put(g.bottomLeft + String(repeating: g.horizontal, count: plot.width), x: plot.x - 1, y: plot.maxY, style: axis, maxX: area.maxX)
        if !all.isEmpty {
            let labelCol = Rect(x: area.x, y: plot.y, width: labelWidth, height: 1)
            if lo == hi {
                surface.put(topLabel, in: labelCol.offsetBy(dy: plot.height / 2), alignment: .right, style: axis)
            } else {
                surface.put(topLabel, in: labelCol, alignment: .right, style: axis)
                surface.put(bottomLabel, in: labelCol.offsetBy(dy: plot.height - 1), alignment: .right, style: axis)
            }
        }
        drawXLabels(Rect(x: plot.x, y: plot.maxY + 1, width: plot.width, height: 1), on: surface)
        guard !all.isEmpty else {
            surface.put(emptyText, in: plot.row(plot.height / 2), alignment: .center, style: theme[.muted]); return
        }
        var canvas = DotCanvas(width: plot.width, height: plot.height, braille: g.braille)
        for (k, s) in series.enumerated() {
            let points = s.values.enumerated().compactMap { i, v -> (Int, Int)? in
                guard v.isFinite else { return nil }
                let x = s.values.count == 1 ? (canvas.dotsWide - 1) / 2
                    : Int((Double(i) * Double(canvas.dotsWide - 1) / Double(s.values.count - 1)).rounded())
                let y = Int(((v - minY) / (maxY - minY) * Double(canvas.dotsHigh - 1)).rounded())
                return (x, canvas.dotsHigh - 1 - y)
            }
            for (a, b) in zip(points, points.dropFirst()) { canvas.line(from: a, to: b, series: k) }
            for p in points { canvas.plot(p.0, p.1, series: k) }
        }
        canvas.draw(at: plot.x, plot.y, on: surface) { theme[series[$0].role] }
    }

    private func drawXLabels(_ row: Rect, on surface: Surface) {
        guard !xLabels.isEmpty, !row.isEmpty else { return }
        let axis = theme[.chartAxis]
        if xLabels.count == 1 { surface.put(xLabels[0], in: row, alignment: .center, style: axis); return }
        // Place as many labels as fit, evenly picked, first left-aligned and last right-aligned.
        let widest = xLabels.map(\.displayWidth).max() ?? 1
        let fit = max(2, min(xLabels.count, (row.width + 2) / (widest + 2)))
        var lastEnd = row.x - 1
        for k in 0..<fit {
            let i = Int((Double(k) * Double(xLabels.count - 1) / Double(fit - 1)).rounded())
            let label = xLabels[i].truncated(toWidth: row.width / fit, ellipsis: surface.glyphs.ellipsis)
            let center = row.x + Int((Double(i) / Double(xLabels.count - 1) * Double(row.width - 1)).rounded())
            let x = min(max(row.x, center - label.displayWidth / 2), row.maxX - label.displayWidth)
            guard x > lastEnd else { continue }
            lastEnd = x + surface.put(label, x: x, y: row.y, style: axis, maxX: row.maxX)
        }
    }
}

extension Rect {
    func offsetBy(dx: Int = 0, dy: Int = 0) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }
}
