/// Sort order of a grid column.
public enum SortDirection: Hashable, Sendable {
    case ascending, descending
    public var reversed: SortDirection { self == .ascending ? .descending : .ascending }
}

/// The column a grid is sorted by, shown as a marker in its header.
public struct GridSort: Hashable, Sendable {
    public var column: Int
    public var direction: SortDirection
    public init(column: Int, direction: SortDirection = .ascending) { self.column = column; self.direction = direction }
}

/// Rows marked for a bulk action. "Mark all" is stored as an inverted set, so marking a million
/// rows costs nothing; only the exceptions are kept.
public struct RowMarks: Hashable, Sendable {
    private var inverted = false
    private var exceptions: Set<Int> = []

    public init() {}

    public func contains(_ row: Int) -> Bool { inverted != exceptions.contains(row) }
    public mutating func toggle(_ row: Int) {
        if exceptions.contains(row) { exceptions.remove(row) } else { exceptions.insert(row) }
    }
    public mutating func set(_ row: Int, marked: Bool) { if contains(row) != marked { toggle(row) } }
    /// Marks every row (Space/`*` "select all in the filter").
    public mutating func markAll() { inverted = true; exceptions = [] }
    public mutating func clear() { inverted = false; exceptions = [] }
    /// Number of marked rows among `rowCount`.
    public func count(of rowCount: Int) -> Int {
        let inside = exceptions.filter { $0 >= 0 && $0 < rowCount }.count
        return inverted ? rowCount - inside : inside
    }
    /// The marked rows among `rowCount` (for small counts; with "mark all" this is O(rowCount)).
    public func indices(of rowCount: Int) -> [Int] {
        inverted ? (0..<rowCount).filter { !exceptions.contains($0) } : exceptions.filter { $0 < rowCount }.sorted()
    }
    public var isEmpty: Bool { !inverted && exceptions.isEmpty }
}

/// Everything about a `DataGrid` that changes between frames: selection and scroll (rows and
/// columns), sort, marks and focus. The owner keeps it; navigation methods keep it consistent.
public struct DataGridState: Hashable, Sendable {
    private var rows: ListSelection
    /// First column drawn (horizontal scroll); the grid adjusts it to keep `focusedColumn` visible.
    public var firstColumn: Int = 0
    /// Column that `s` sorts by and that horizontal moves act on.
    public private(set) var focusedColumn: Int = 0
    /// Number of columns, set by the owner or by rendering.
    public private(set) var columnCount: Int
    public var sort: GridSort?
    public var marks = RowMarks()
    /// A focused grid highlights its selection with `.selected`, an unfocused one with `.selectedUnfocused`.
    public var focused: Bool

    public init(rowCount: Int = 0, columnCount: Int = 0, focused: Bool = true) {
        rows = ListSelection(count: rowCount)
        self.columnCount = max(0, columnCount)
        self.focused = focused
    }

    public var rowCount: Int { rows.count }
    /// Selected row index (0 when empty).
    public var selected: Int { rows.selected }
    /// First visible row.
    public var offset: Int { rows.offset }
    /// Rows on screen at the last render.
    public var visibleRows: Range<Int> { rows.visibleRange }
    /// Body rows that fit, as last rendered.
    public var pageSize: Int { rows.viewport }

    /// Updates the row count (after a reload or filter); the selection stays in range.
    public mutating func setRowCount(_ n: Int) { rows.setCount(n) }
    public mutating func setColumnCount(_ n: Int) {
        columnCount = max(0, n)
        focusedColumn = min(focusedColumn, max(0, columnCount - 1))
        firstColumn = min(firstColumn, focusedColumn)
    }
    mutating func setViewport(_ n: Int) { rows.setViewport(n) }

    // MARK: Row navigation

    public mutating func select(_ row: Int) { rows.select(row) }
    public mutating func moveDown(by n: Int = 1) { rows.moveDown(by: n) }
    public mutating func moveUp(by n: Int = 1) { rows.moveUp(by: n) }
    public mutating func pageDown(pageSize: Int) { rows.pageDown(pageSize: pageSize) }
    public mutating func pageUp(pageSize: Int) { rows.pageUp(pageSize: pageSize) }
    /// Half a page down / up (Ctrl-D / Ctrl-U).
    public mutating func halfPageDown() { rows.pageDown(pageSize: max(1, pageSize / 2)) }
    public mutating func halfPageUp() { rows.pageUp(pageSize: max(1, pageSize / 2)) }
    public mutating func home() { rows.home() }
    public mutating func end() { rows.end() }

    // MARK: Columns

    public mutating func focusColumn(_ c: Int) { focusedColumn = min(max(0, c), max(0, columnCount - 1)) }
    public mutating func moveColumnRight() { focusColumn(focusedColumn + 1) }
    public mutating func moveColumnLeft() { focusColumn(focusedColumn - 1) }

    // MARK: Sort

    /// Sorts by `column`: ascending the first time, reversed when it is already the sort column.
    public mutating func toggleSort(column: Int) {
        if let s = sort, s.column == column { sort = GridSort(column: column, direction: s.direction.reversed) }
        else { sort = GridSort(column: column, direction: .ascending) }
    }
    /// `s`: sort by the focused column (toggling), `S`: reverse.
    public mutating func sortByFocusedColumn(reverse: Bool = false) {
        if reverse { sort = GridSort(column: focusedColumn, direction: sort?.column == focusedColumn ? (sort?.direction.reversed ?? .descending) : .descending) }
        else { toggleSort(column: focusedColumn) }
    }

    // MARK: Marks

    /// Marks or unmarks the selected row (Space).
    public mutating func toggleMark() { if rowCount > 0 { marks.toggle(selected) } }
    /// Marks every row, or clears all marks when every row is already marked (`*`).
    public mutating func toggleMarkAll() {
        if rowCount > 0, marks.count(of: rowCount) == rowCount { marks.clear() } else { marks.markAll() }
    }
    public var markedCount: Int { markedTotal ?? marks.count(of: rowCount) }
    /// Set when the owner keeps marks by record (and tells the grid only the rows in view):
    /// the number of marked rows in the whole list, for the footer.
    public var markedTotal: Int?

    /// "row 120 of 1,000,000" (or "no rows"), with "· 3 marked" when rows are marked.
    /// When true the row count is only a lower bound (counting stopped early) and shows as "1,000+".
    public var rowCountIsLowerBound = false

    public func positionText(dot: String = "·") -> String {
        guard rowCount > 0 else { return "no rows" }
        var t = "row \(NumberText.grouped(selected + 1)) of \(NumberText.grouped(rowCount))\(rowCountIsLowerBound ? "+" : "")"
        let m = markedCount
        if m > 0 { t += " \(dot) \(NumberText.grouped(m)) marked" }
        return t
    }
}
