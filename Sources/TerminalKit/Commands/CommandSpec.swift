/// One action of the application, registered once: its stable id, default keys, help text and
/// flags. Key handling, the hint bar, the `?` help, the `:` palette, read-only mode and user key
/// remapping all read this one description, so none of them can drift from the others.
public struct CommandSpec: Hashable, Sendable, Identifiable {
    /// Stable id such as `crm.deal.move-right`; used in config files and end-to-end tests.
    public var id: String
    /// Short label for the hint bar and palette ("new", "Move deal right").
    public var title: String
    /// Help section ("Navigation", "Deals", "Global").
    public var group: String
    /// One line for the `?` help.
    public var help: String
    /// Default keys; the config file may replace them per id.
    public var keys: [KeySequence]
    /// Shown in the bottom hint bar when the command is available.
    public var showInHints: Bool
    /// Changes data: unavailable to read-only users.
    public var changesData: Bool
    /// Asks before running (destructive).
    public var needsConfirmation: Bool
    /// Listed in the command palette.
    public var inPalette: Bool

    public init(_ id: String, _ title: String, group: String, help: String? = nil, keys: [String] = [],
                showInHints: Bool = false, changesData: Bool = false, needsConfirmation: Bool = false,
                inPalette: Bool = true) {
        self.id = id
        self.title = title
        self.group = group
        self.help = help ?? title
        self.keys = keys.compactMap { KeySequence(parsing: $0) }
        precondition(self.keys.count == keys.count, "invalid key notation in command \(id): \(keys)")
        self.showInHints = showInHints
        self.changesData = changesData
        self.needsConfirmation = needsConfirmation
        self.inPalette = inPalette
    }

    /// The keys as shown to the user: `g h`, `F1`.
    public var keyLabel: String { keys.map(\.description).joined(separator: ", ") }
    /// The first key, for the hint bar.
    public var primaryKeyLabel: String { keys.first?.description ?? "" }
}
