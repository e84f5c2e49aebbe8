/// Focus and scroll of a kanban board: the focused column, the focused card in each column
/// (remembered when moving away and back), each column's first visible card and the first
/// visible column. Navigation clamps against the card counts last set or rendered.
public struct KanbanState: Hashable, Sendable {
    public private(set) var focusedColumn: Int = 0
    /// Focused card per column.
    public private(set) var focusedCards: [Int]
    /// First visible card per column; `KanbanBoard` keeps the focused card in view.
    public var cardOffsets: [Int]
    /// First visible column; `KanbanBoard` keeps the focused column in view.
    public var firstColumn: Int = 0
    public private(set) var cardCounts: [Int]
    /// Whether the board has keyboard focus (selection in `.selected` rather than `.selectedUnfocused`).
    public var focused: Bool

    public init(cardCounts: [Int] = [], focused: Bool = true) {
        self.cardCounts = cardCounts.map { max(0, $0) }
        self.focusedCards = Array(repeating: 0, count: cardCounts.count)
        self.cardOffsets = Array(repeating: 0, count: cardCounts.count)
        self.focused = focused
    }

    /// The focused card's column and index, or nil when the focused column is empty.
    public var focusedCard: (column: Int, card: Int)? {
        guard cardCounts.indices.contains(focusedColumn), cardCounts[focusedColumn] > 0 else { return nil }
        return (focusedColumn, focusedCards[focusedColumn])
    }

    /// The focused card index in `column`.
    public func focusedCard(in column: Int) -> Int { focusedCards.indices.contains(column) ? focusedCards[column] : 0 }

    /// Updates the card counts (after a reload or a card moved), keeping focus in range.
    public mutating func setCardCounts(_ counts: [Int]) {
        cardCounts = counts.map { max(0, $0) }
        let n = counts.count
        focusedCards = (0..<n).map { i in min(i < focusedCards.count ? focusedCards[i] : 0, max(0, cardCounts[i] - 1)) }
        cardOffsets = (0..<n).map { i in min(i < cardOffsets.count ? cardOffsets[i] : 0, max(0, cardCounts[i] - 1)) }
        focusedColumn = min(focusedColumn, max(0, n - 1))
        firstColumn = min(firstColumn, focusedColumn)
    }

    public mutating func focusColumn(_ c: Int) { focusedColumn = min(max(0, c), max(0, cardCounts.count - 1)) }
    public mutating func moveLeft() { focusColumn(focusedColumn - 1) }
    public mutating func moveRight() { focusColumn(focusedColumn + 1) }

    public mutating func focusCard(_ index: Int) {
        guard cardCounts.indices.contains(focusedColumn) else { return }
        focusedCards[focusedColumn] = min(max(0, index), max(0, cardCounts[focusedColumn] - 1))
    }
    public mutating func moveUp() { focusCard(focusedCard(in: focusedColumn) - 1) }
    public mutating func moveDown() { focusCard(focusedCard(in: focusedColumn) + 1) }
    /// First / last card of the focused column.
    public mutating func home() { focusCard(0) }
    public mutating func end() { focusCard(Int.max / 2) }
    public mutating func pageDown(pageSize: Int) { focusCard(focusedCard(in: focusedColumn) + max(1, pageSize)) }
    public mutating func pageUp(pageSize: Int) { focusCard(focusedCard(in: focusedColumn) - max(1, pageSize)) }
}
