/// Resolves key presses to commands for the commands available right now. Holds the pending
/// prefix of a multi-key sequence (`g` waiting for `h`).
public struct Keymap: Sendable {
    /// Why a command can't run now (read-only role, nothing selected…), keyed by id.
    public typealias DisabledReason = String

    public enum Resolution: Equatable, Sendable {
        /// A complete sequence: run this command.
        case command(String)
        /// The command matched but is disabled; the text says why.
        case disabled(String, reason: String)
        /// The keys so far begin one or more sequences: wait for the next key.
        case pending([KeyEvent])
        /// No command uses this key (the caller may pass it on, e.g. to a text field).
        case unbound(KeyEvent)
    }

    public private(set) var pending: [KeyEvent] = []

    public init() {}

    /// Feeds one key. `commands` are the available commands in priority order (the focused
    /// screen's first, global ones last); `disabled` names those that may not run now.
    public mutating func resolve(_ key: KeyEvent, commands: [CommandSpec],
                                 disabled: [String: DisabledReason] = [:]) -> Resolution {
        let typed = pending + [key]
        if let hit = commands.first(where: { $0.keys.contains(where: { $0.keys == typed }) }) {
            pending = []
            if let why = disabled[hit.id] { return .disabled(hit.id, reason: why) }
            return .command(hit.id)
        }
        if commands.contains(where: { $0.keys.contains(where: { $0.hasPrefix(typed) }) }) {
            pending = typed
            return .pending(typed)
        }
        let hadPrefix = !pending.isEmpty
        pending = []
        // An unknown second key abandons the prefix; try the key again on its own.
        if hadPrefix { return resolve(key, commands: commands, disabled: disabled) }
        return .unbound(key)
    }

    public mutating func cancelPending() { pending = [] }
}

/// Replaces default keys with the user's choices from the config file (`[keys]` table:
/// `"crm.deal.move-right" = ["L", "shift+right"]`). Returns the remapped commands and one
/// message per problem (unknown id, unreadable key), naming it.
public enum KeyRemapping {
    public static func apply(_ overrides: [String: [String]], to commands: [CommandSpec]) -> ([CommandSpec], [String]) {
        var problems: [String] = []
        let known = Set(commands.map(\.id))
        for id in overrides.keys.sorted() where !known.contains(id) {
            problems.append("keys: unknown command id \"\(id)\"")
        }
        let remapped = commands.map { spec -> CommandSpec in
            guard let texts = overrides[spec.id] else { return spec }
            var s = spec
            var keys: [KeySequence] = []
            for t in texts {
                if let k = KeySequence(parsing: t) { keys.append(k) } else {
                    problems.append("keys: \"\(t)\" for \(spec.id) is not a key (examples: \"ctrl+p\", \"g h\", \"F2\")")
                }
            }
            if !keys.isEmpty { s.keys = keys }
            return s
        }
        return (remapped, problems)
    }
}
