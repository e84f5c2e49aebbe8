/// A candidate that passed the filter: its index among the candidates and the matched positions.
public struct FilteredItem: Hashable, Sendable {
    public var index: Int
    public var positions: [Int]
}

/// A list of strings filtered by a fuzzy query as the user types, with a selection over the
/// matches: the state behind the command palette and the pick list dialog.
public struct FilteredList: Hashable, Sendable {
    public private(set) var candidates: [String]
    /// The filter text being typed.
    public private(set) var query: TextInputState
    /// Matching candidates, best first (all candidates in order when the query is empty).
    public private(set) var matches: [FilteredItem] = []
    public private(set) var selection: ListSelection

    public init(_ candidates: [String], query: String = "") {
        self.candidates = candidates
        self.query = TextInputState(query)
        self.selection = ListSelection(count: 0)
        refilter()
    }

    /// Index (into `candidates`) of the selected match, nil when nothing matches.
    public var selectedIndex: Int? {
        matches.indices.contains(selection.selected) ? matches[selection.selected].index : nil
    }

    public mutating func setCandidates(_ items: [String]) { candidates = items; refilter() }
    public mutating func setQuery(_ text: String) { query.value = text; refilter() }

    /// Recomputes the matches and puts the selection on the best one.
    public mutating func refilter() {
        if query.value.allSatisfy(\.isWhitespace) {
            matches = candidates.indices.map { FilteredItem(index: $0, positions: []) }
        } else {
            matches = FuzzyMatcher.rank(query.value, candidates).map { FilteredItem(index: $0.index, positions: $0.match.positions) }
        }
        selection.setCount(matches.count)
        selection.home()
    }

    public mutating func moveDown() { selection.moveDown() }
    public mutating func moveUp() { selection.moveUp() }
    mutating func setViewport(_ rows: Int) { selection.setViewport(rows) }

    /// Up/Down (and Ctrl-P/Ctrl-N), PgUp/PgDn move the selection; editing keys change the query.
    /// Enter and Esc are left to the owner. Returns whether the key was used.
    public mutating func handle(_ key: KeyEvent) -> Bool {
        let ctrl = key.modifiers.contains(.ctrl)
        switch key.key {
        case .up: selection.moveUp(); return true
        case .down: selection.moveDown(); return true
        case .pageUp: selection.pageUp(pageSize: selection.viewport); return true
        case .pageDown: selection.pageDown(pageSize: selection.viewport); return true
        case .char("p") where ctrl: selection.moveUp(); return true
        case .char("n") where ctrl: selection.moveDown(); return true
        default: break
        }
        let before = query.value
        guard query.handle(key) else { return false }
        if query.value != before { refilter() }
        return true
    }

    /// The text as spans with the matched characters in the `.match` role.
    public static func highlighted(_ text: String, positions: [Int], role: ThemeRole? = nil) -> [TextSpan] {
        guard !positions.isEmpty else { return [TextSpan(text, role: role)] }
        let marked = Set(positions)
        var spans: [TextSpan] = []
        var run = "", runMatched = false
        for (i, ch) in text.enumerated() {
            let m = marked.contains(i)
            if m != runMatched, !run.isEmpty {
                spans.append(TextSpan(run, role: runMatched ? .match : role)); run = ""
            }
            runMatched = m; run.append(ch)
        }
        if !run.isEmpty { spans.append(TextSpan(run, role: runMatched ? .match : role)) }
        return spans
    }
}
