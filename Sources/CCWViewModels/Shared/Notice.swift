/// A short message for the user that fades after a while (a toast in the TUI).
public struct Notice: Sendable, Hashable, Identifiable {
    /// How serious the message is; screens map it to a theme role and a symbol.
    public enum Level: String, Sendable, Hashable, Codable {
        case info, success, warning, error
    }

    public var id: Int
    public var message: String
    public var level: Level
    /// Milliseconds since the epoch after which the notice is removed.
    public var expiresAt: Int64

    public init(id: Int, message: String, level: Level, expiresAt: Int64) {
        self.id = id; self.message = message; self.level = level; self.expiresAt = expiresAt
    }
}
