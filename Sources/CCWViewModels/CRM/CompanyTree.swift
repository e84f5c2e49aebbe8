import CCWCore
import CCWDomain

/// The visible lines of the company tree: which companies show given the collapsed ones and
/// the filter, and for each line what the tree guides must draw (no glyphs here; the screen
/// picks Unicode or ASCII).
///
/// A filter shows the companies whose name contains the text (case and accents ignored) and
/// every ancestor of them, expanded, so a match is always seen in its place in the hierarchy.
public struct CompanyTree: Sendable {
    /// One line of the tree.
    public struct Line: Sendable, Hashable {
        public var companyID: CompanyID
        public var name: String
        public var depth: Int
        public var hasChildren: Bool
        public var isExpanded: Bool
        /// Whether this is the last visible child of its parent (└ rather than ├).
        public var isLastSibling: Bool
        /// For each ancestor level 1..<depth: whether a vertical guide continues past this line.
        public var guides: [Bool]
        /// The name contains the filter text (false for ancestors shown only for context).
        public var isMatch: Bool
    }

    /// Every company in tree order (from `Companies.tree`).
    public private(set) var rows: [CompanyHierarchy.Row]
    private var parents: [CompanyID: CompanyID] = [:]

    public init(rows: [CompanyHierarchy.Row] = []) {
        self.rows = rows
        var stack: [CompanyID] = []
        for row in rows {
            stack.removeLast(max(0, stack.count - row.depth))
            if let parent = stack.last { parents[row.companyID] = parent }
            stack.append(row.companyID)
        }
    }

    public var count: Int { rows.count }

    public func parent(of id: CompanyID) -> CompanyID? { parents[id] }

    /// The visible lines: collapsed companies hide their subsidiaries; a filter (non-empty)
    /// shows matches and their ancestors.
    public func lines(collapsed: Set<CompanyID>, filter: String?) -> [Line] {
        var visible: [(row: CompanyHierarchy.Row, expanded: Bool, match: Bool)] = []
        if let filter = filter.map(TextMatching.fold), !filter.isEmpty {
            var keep = Set<CompanyID>()
            var matches = Set<CompanyID>()
            for row in rows where TextMatching.fold(row.name).contains(filter) {
                matches.insert(row.companyID)
                var id: CompanyID? = row.companyID
                while let current = id, keep.insert(current).inserted { id = parents[current] }
            }
            let shownParents = Set(keep.compactMap { parents[$0] })
            for row in rows where keep.contains(row.companyID) {
                visible.append((row, shownParents.contains(row.companyID), matches.contains(row.companyID)))
            }
        } else {
            var hiddenBelow: Int?
            for row in rows {
                if let depth = hiddenBelow {
                    if row.depth > depth { continue }
                    hiddenBelow = nil
                }
                let expanded = row.hasChildren && !collapsed.contains(row.companyID)
                visible.append((row, expanded, true))
                if row.hasChildren && !expanded { hiddenBelow = row.depth }
            }
        }
        // Last-sibling flags, scanning backwards: a sibling follows while no shallower line intervenes.
        var last = Array(repeating: true, count: visible.count)
        var siblingFollows: [Bool] = []
        for i in visible.indices.reversed() {
            let d = visible[i].row.depth
            if siblingFollows.count <= d { siblingFollows += Array(repeating: false, count: d + 1 - siblingFollows.count) }
            last[i] = !siblingFollows[d]
            siblingFollows[d] = true
            for deeper in (d + 1)..<max(d + 1, siblingFollows.count) { siblingFollows[deeper] = false }
        }
        var continuing: [Bool] = []
        return visible.indices.map { i in
            let v = visible[i]
            let d = v.row.depth
            continuing = Array(continuing.prefix(d))
            let guides = d > 1 ? Array(continuing[1..<d]) : []
            if continuing.count == d { continuing.append(!last[i]) }
            return Line(companyID: v.row.companyID, name: v.row.name, depth: d, hasChildren: v.row.hasChildren,
                        isExpanded: v.expanded, isLastSibling: last[i], guides: guides, isMatch: v.match)
        }
    }
}
