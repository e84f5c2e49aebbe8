/// Selection and scroll position over a list of `count` rows, of which `viewport` are visible.
/// The navigation core shared by the grid, list view, pick list, palette and help overlay.
///
/// All methods keep the invariants: `selected` is in `0..<count` (0 when empty), and `offset`
/// (the first visible row) is such that the selected row is visible.
public struct ListSelection: Hashable, Sendable {
    /// Number of rows in the list.
    public private(set) var count: Int
    /// Index of the selected row (0 when the list is empty).
    public private(set) var selected: Int
    /// Index of the first visible row.
    public private(set) var offset: Int
    /// Rows visible at once, as last rendered (or set by the owner); at least 1.
    public private(set) var viewport: Int

    public init(count: Int = 0, selected: Int = 0, viewport: Int = 10) {
        self.count = max(0, count)
        self.selected = 0
        self.offset = 0
        self.viewport = max(1, viewport)
        select(selected)
    }

    /// The last valid index, or nil for an empty list.
    public var lastIndex: Int? { count > 0 ? count - 1 : nil }
    /// The rows currently on screen.
    public var visibleRange: Range<Int> { offset..<min(count, offset + viewport) }
    public var isEmpty: Bool { count == 0 }

    /// Changes the row count (after a filter or reload), keeping the selection in range.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selected)
    }

    /// Changes how many rows fit on screen and scrolls so the selection stays visible.
    public mutating func setViewport(_ rows: Int) {
        viewport = max(1, rows)
        keepSelectionVisible()
    }

    /// Selects a row (clamped into range) and scrolls it into view.
    public mutating func select(_ index: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
        keepSelectionVisible()
    }

    public mutating func moveDown(by n: Int = 1) { select(selected + n) }
    public mutating func moveUp(by n: Int = 1) { select(selected - n) }
    public mutating func home() { select(0) }
    public mutating func end() { select(count - 1) }

    /// Moves one page down: the selection and the view both move by `pageSize` rows.
    public mutating func pageDown(pageSize: Int) {
        let p = max(1, pageSize)
        offset = min(offset + p, max(0, count - min(viewport, p)))
        select(selected + p)
    }

    /// Moves one page up: the selection and the view both move by `pageSize` rows.
    public mutating func pageUp(pageSize: Int) {
        let p = max(1, pageSize)
        offset = max(0, offset - p)
        select(selected - p)
    }

    /// Scrolls the view without moving the selection further than needed to stay visible.
    public mutating func scroll(by n: Int) {
        offset = min(max(0, offset + n), max(0, count - viewport))
        if selected < offset { selected = offset }
        if selected >= offset + viewport { selected = max(offset, min(count - 1, offset + viewport - 1)) }
        if count == 0 { selected = 0 }
    }

    private mutating func keepSelectionVisible() {
        if count == 0 { offset = 0; return }
        if selected < offset { offset = selected }
        if selected >= offset + viewport { offset = selected - viewport + 1 }
        offset = min(max(0, offset), max(0, count - 1))
        // Do not leave empty rows at the bottom when the list could fill the view.
        if offset + viewport > count { offset = max(0, min(offset, count - viewport)) }
    }
}
