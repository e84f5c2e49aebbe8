/// One row of a grid: the text of each cell, an optional role per cell (e.g. `.error` for an
/// overdue date, `.moneyNegative` for a negative total) and an optional role for the whole row.
/// Colours carry meaning only together with text: put a word or symbol in the cell too ("overdue").
public struct GridRow: Hashable, Sendable {
    public var cells: [String]
    public var cellRoles: [ThemeRole?]
    public var role: ThemeRole?

    public init(_ cells: [String], cellRoles: [ThemeRole?] = [], role: ThemeRole? = nil) {
        self.cells = cells; self.cellRoles = cellRoles; self.role = role
    }

    /// The text of column `i`, or "" when the row has fewer cells.
    public func text(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
    /// The role of column `i`, if any.
    public func cellRole(_ i: Int) -> ThemeRole? { i < cellRoles.count ? cellRoles[i] : nil }
}

/// Where a grid gets its rows. The grid asks only for the rows it shows, so a source can page
/// from a database and hold a window of rows, never the whole table.
public protocol GridDataSource {
    var rowCount: Int { get }
    func row(at index: Int) -> GridRow
}

/// A source over rows already in memory (small lists, tests).
public struct ArrayGridSource: GridDataSource {
    public var rows: [GridRow]
    public init(_ rows: [GridRow]) { self.rows = rows }
    public var rowCount: Int { rows.count }
    public func row(at index: Int) -> GridRow { rows[index] }
}

/// A source made of a count and a closure that builds a row on demand.
public struct ClosureGridSource: GridDataSource {
    public let rowCount: Int
    private let make: (Int) -> GridRow
    public init(rowCount: Int, row: @escaping (Int) -> GridRow) { self.rowCount = rowCount; self.make = row }
    public func row(at index: Int) -> GridRow { make(index) }
}
