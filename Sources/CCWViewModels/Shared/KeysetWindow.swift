/// How many rows a list has: exact, or at least `value` when counting was stopped early
/// (a common search word), shown as "1,000+".
public struct ListCount: Sendable, Hashable {
    public var value: Int
    public var isExact: Bool
    public init(_ value: Int, isExact: Bool = true) { self.value = value; self.isExact = isExact }
}

/// Fetches pages of a keyset-ordered list. `after` continues below a row, `before` continues
/// above one (results returned in display order), `last` reads the final rows of the list.
public struct KeysetSource<Row: Sendable>: Sendable {
    public var count: @Sendable () throws -> ListCount
    public var first: @Sendable (_ limit: Int) throws -> [Row]
    public var after: @Sendable (_ row: Row, _ limit: Int) throws -> [Row]
    public var before: @Sendable (_ row: Row, _ limit: Int) throws -> [Row]
    public var last: @Sendable (_ limit: Int) throws -> [Row]

    public init(count: @escaping @Sendable () throws -> ListCount,
                first: @escaping @Sendable (Int) throws -> [Row],
                after: @escaping @Sendable (Row, Int) throws -> [Row],
                before: @escaping @Sendable (Row, Int) throws -> [Row],
                last: @escaping @Sendable (Int) throws -> [Row]) {
        self.count = count; self.first = first; self.after = after; self.before = before; self.last = last
    }
}

/// The rows of a large list that a grid may show: a contiguous slice around the visible page,
/// loaded by keyset (never OFFSET), so moving a page costs one indexed query whatever the size.
/// Memory stays bounded: rows far from the visible page are dropped.
public struct KeysetWindow<Row: Sendable> {
    public private(set) var totalCount: Int = 0
    /// False while `totalCount` is only a lower bound; it becomes exact when paging reaches the end.
    public private(set) var countIsExact = true
    /// Absolute index of `rows[0]`.
    public private(set) var start: Int = 0
    public private(set) var rows: [Row] = []
    public let pageSize: Int
    public let maxRows: Int
    private let source: KeysetSource<Row>

    public init(source: KeysetSource<Row>, pageSize: Int = 100, maxRows: Int = 600) {
        self.source = source
        self.pageSize = pageSize
        self.maxRows = max(maxRows, pageSize * 3)
    }

    /// Re-reads the count and the first page (after a filter change or a refresh).
    public mutating func reload() throws {
        let counted = try source.count()
        totalCount = counted.value
        countIsExact = counted.isExact
        rows = try source.first(pageSize)
        start = 0
        if rows.count < pageSize { totalCount = rows.count; countIsExact = true }
    }

    /// The row at an absolute index, if loaded.
    public func row(at index: Int) -> Row? {
        let i = index - start
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    public var loadedRange: Range<Int> { start..<(start + rows.count) }

    /// Makes sure rows `range` are loaded. Home and End jump straight to the first or last
    /// page; everything else pages by key from the nearest loaded edge.
    public mutating func ensure(_ range: Range<Int>) throws {
        // With a lower-bound count the rows past it may exist: let paging find out.
        let wanted = countIsExact ? range.clamped(to: 0..<max(totalCount, 0)) : range.clamped(to: 0..<max(range.upperBound, 0))
        guard !wanted.isEmpty else { return }
        if rows.isEmpty { try reload(); if rows.isEmpty { return } }
        let nearEnd = countIsExact && wanted.lowerBound >= totalCount - maxRows
        if nearEnd && wanted.lowerBound > loadedRange.upperBound + pageSize {
            let tail = try source.last(min(maxRows, max(pageSize, totalCount - wanted.lowerBound + pageSize)))
            rows = tail
            start = max(0, totalCount - tail.count)
        } else if wanted.upperBound <= maxRows && wanted.upperBound + pageSize < start {
            rows = try source.first(max(pageSize, wanted.upperBound + pageSize))
            start = 0
        }
        while wanted.upperBound > loadedRange.upperBound, let last = rows.last {
            let more = try source.after(last, pageSize)
            if more.isEmpty { totalCount = loadedRange.upperBound; countIsExact = true; break }
            rows.append(contentsOf: more)
            if !countIsExact {
                if more.count < pageSize { totalCount = loadedRange.upperBound; countIsExact = true }
                else { totalCount = max(totalCount, loadedRange.upperBound) }
            }
            trim(keepingNear: wanted, fromFront: true)
        }
        while wanted.lowerBound < start, let first = rows.first {
            let more = try source.before(first, pageSize)
            if more.isEmpty { start = 0; break }
            rows.insert(contentsOf: more, at: 0)
            start -= more.count
            trim(keepingNear: wanted, fromFront: false)
        }
        if start < 0 { start = 0 }
    }

    private mutating func trim(keepingNear wanted: Range<Int>, fromFront: Bool) {
        guard rows.count > maxRows else { return }
        let excess = rows.count - maxRows
        if fromFront {
            let removable = min(excess, max(0, wanted.lowerBound - start))
            rows.removeFirst(removable); start += removable
        } else {
            let removable = min(excess, max(0, loadedRange.upperBound - wanted.upperBound))
            rows.removeLast(removable)
        }
    }
}
