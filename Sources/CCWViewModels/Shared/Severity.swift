/// How serious a message is; screens map it to a theme role and a symbol.
public enum Severity: String, Sendable, Hashable, Codable {
    case info, success, warning, error
}

/// A short message shown in the corner that fades after a while.
public struct Toast: Sendable, Hashable, Identifiable {
    public var id: Int
    public var message: String
    public var severity: Severity
    /// Milliseconds since the epoch after which the toast is removed.
    public var expiresAt: Int64

    public init(id: Int, message: String, severity: Severity, expiresAt: Int64) {
        self.id = id; self.message = message; self.severity = severity; self.expiresAt = expiresAt
    }
}
