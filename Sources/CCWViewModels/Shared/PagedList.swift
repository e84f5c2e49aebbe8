/// A list screen's rows and selection over a keyset window. Movement intents load what the next
/// frame will show (one indexed query per page), so drawing never touches the database.
public struct PagedList<Row: Sendable> {
    public private(set) var window: KeysetWindow<Row>
    public private(set) var selected: Int = 0
    /// Rows a frame shows; the screen tells the model after each layout change.
    public var pageSize: Int = 20
    /// The last load error, shown by the screen instead of rows.
    public private(set) var error: String?

    public init(source: KeysetSource<Row>, pageSize: Int = 100) {
        window = KeysetWindow(source: source, pageSize: pageSize)
    }

    public var count: Int { window.totalCount }
    /// False while `count` is a lower bound ("1,000+").
    public var countIsExact: Bool { window.countIsExact }
    public var selectedRow: Row? { window.row(at: selected) }
    public func row(at index: Int) -> Row? { window.row(at: index) }

    public mutating func reload() {
        do {
            try window.reload()
            error = nil
        } catch {
            self.error = "could not read the list: \(error)"
        }
        selected = min(selected, max(0, count - 1))
        load(around: selected)
    }

    public mutating func moveDown(by n: Int = 1) { moveTo(selected + n) }
    public mutating func moveUp(by n: Int = 1) { moveTo(selected - n) }
    public mutating func pageDown() { moveTo(selected + max(1, pageSize)) }
    public mutating func pageUp() { moveTo(selected - max(1, pageSize)) }
    public mutating func first() { moveTo(0) }
    public mutating func last() { moveTo(count - 1) }

    public mutating func moveTo(_ index: Int) {
        guard count > 0 else { selected = 0; return }
        if !countIsExact, index >= count - 1 { load(around: index) }  // rows past a lower-bound count
        selected = min(max(0, index), count - 1)
        load(around: selected)
    }

    /// Loads the rows a frame around `index` could show (a page above and below).
    public mutating func load(around index: Int) {
        guard count > 0 else { return }
        let lo = max(0, index - pageSize), hi = countIsExact ? min(count, index + pageSize + 1) : index + pageSize + 1
        do { try window.ensure(lo..<hi) } catch { self.error = "could not read the list: \(error)" }
    }
}
