/// A card on a kanban board: a title and up to three detail lines, with an optional role that
/// colours its accent bar (won, lost, overdue). Put the meaning in words too ("overdue 3d").
public struct KanbanCard: Hashable, Sendable {
    public var title: String
    public var details: [String]
    public var role: ThemeRole?

    public init(_ title: String, details: [String] = [], role: ThemeRole? = nil) {
        self.title = title; self.details = Array(details.prefix(3)); self.role = role
    }

    /// Lines the card takes on screen (title plus details).
    public var lineCount: Int { 1 + details.count }
}

/// A column of a kanban board: its title, summary header lines
/// ("12 deals · 84,200.00 EUR · weighted 40,100.00") and its cards.
public struct KanbanColumn: Hashable, Sendable {
    public var title: String
    public var headerLines: [String]
    public var cards: [KanbanCard]

    public init(_ title: String, headerLines: [String] = [], cards: [KanbanCard] = []) {
        self.title = title; self.headerLines = headerLines; self.cards = cards
    }
}
