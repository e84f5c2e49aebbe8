/// How wide a grid column is: a fixed number of cells, or a share of the space left over by
/// fixed columns (never less than `min`).
public enum ColumnWidth: Hashable, Sendable {
    case fixed(Int)
    case flex(min: Int, weight: Int)

    /// The width the column needs at least.
    public var minimum: Int {
        switch self {
        case .fixed(let n): return max(1, n)
        case .flex(let m, _): return max(1, m)
        }
    }
    var weight: Int {
        if case .flex(_, let w) = self { return max(1, w) }
        return 0
    }
}

/// A column of a `DataGrid`: header title, width rule and alignment (right for numbers and money).
public struct GridColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: HorizontalAlignment

    public init(_ title: String, width: ColumnWidth = .flex(min: 8, weight: 1), alignment: HorizontalAlignment = .left) {
        self.title = title; self.width = width; self.alignment = alignment
    }

    /// Columns whose widths fit the given rows' content (and the titles, with room for a sort
    /// marker), capped at `maxWidth`. Fixed columns become exactly that wide; flex columns keep
    /// their weight and take the content width as their minimum. Pass the visible rows only
    /// (`DataGrid.visibleRows`), so fitting stays cheap for large sources.
    public static func fitted(_ columns: [GridColumn], to rows: [GridRow], maxWidth: Int = 40) -> [GridColumn] {
        columns.enumerated().map { i, column in
            var need = column.title.displayWidth + 2
            for row in rows { need = max(need, row.text(i).displayWidth) }
            need = min(max(1, need), max(1, maxWidth))
            var c = column
            switch column.width {
            case .fixed: c.width = .fixed(need)
            case .flex(_, let w): c.width = .flex(min: need, weight: w)
            }
            return c
        }
    }
}

/// Where one visible column lands: its index, x position and width.
public struct GridColumnSlot: Hashable, Sendable {
    public var index: Int
    public var x: Int
    public var width: Int
}

/// Column layout of a grid: which columns are visible from `firstColumn` on, and how wide.
public enum GridLayout {
    /// Lays out columns from `firstColumn` in `width` cells with `gap` cells between them. Columns are
    /// added while their minimum widths fit; the leftover is shared among visible flex columns by
    /// weight. The first column is always shown (truncated if it alone is too wide).
    public static func slots(_ columns: [GridColumn], firstColumn: Int, x: Int, width: Int, gap: Int = 1) -> [GridColumnSlot] {
        guard width > 0, firstColumn >= 0, firstColumn < columns.count else { return [] }
        var picked: [Int] = []
        var used = 0
        for i in firstColumn..<columns.count {
            let need = columns[i].width.minimum + (picked.isEmpty ? 0 : gap)
            if !picked.isEmpty && used + need > width { break }
            picked.append(i); used += need
        }
        var widths = picked.map { min(columns[$0].width.minimum, width) }
        var spare = max(0, width - used)
        let weights = picked.map { columns[$0].width.weight }
        let totalWeight = weights.reduce(0, +)
        if spare > 0, totalWeight > 0 {
            var given = 0
            for (k, w) in weights.enumerated() where w > 0 {
                let share = spare * w / totalWeight
                widths[k] += share; given += share
            }
            spare -= given
            // Hand out the remainder one cell at a time, from the last flex column backwards.
            var k = weights.count - 1
            while spare > 0 {
                if weights[k] > 0 { widths[k] += 1; spare -= 1 }
                k = k == 0 ? weights.count - 1 : k - 1
            }
        }
        var slots: [GridColumnSlot] = []
        var cx = x
        for (k, i) in picked.enumerated() {
            let w = min(widths[k], x + width - cx)
            if w <= 0 { break }
            slots.append(GridColumnSlot(index: i, x: cx, width: w))
            cx += w + gap
        }
        return slots
    }
}
