import CCWDomain

/// What the application frame shows around the module screens: which module is active, which
/// modules this role may open, badges, notices, and whether quitting must ask first.
public struct ShellModel: Sendable {
    public enum Intent: Sendable {
        case goTo(Module)
        case notify(String, Notice.Level)
        case setBadge(Module, Int)
        case setBadges([Module: Int])
        /// Removes notices whose time is up; `now` in epoch milliseconds.
        case tick(now: Int64)
        /// The user asked to quit; `unsaved` says whether a screen holds unsaved edits.
        case requestQuit(unsaved: Bool)
        case confirmQuit
        case cancelQuit
    }

    public enum QuitState: Sendable, Equatable { case running, confirming, quitting }

    public let role: Role
    public let permissions: PermissionMatrix
    public private(set) var active: Module = .home
    public private(set) var notices: [Notice] = []
    public private(set) var badges: [Module: Int] = [:]
    public private(set) var quit: QuitState = .running
    /// The message shown when a go-to was refused (the role may not view that module).
    public private(set) var lastRefusal: String?
    private var nextNoticeID = 1
    private var now: Int64
    /// How long a toast stays, in milliseconds; errors stay longer.
    public var noticeDuration: Int64 = 4_000
    public static let maxNotices = 4

    public init(role: Role, permissions: PermissionMatrix = .standard, now: Int64) {
        self.role = role
        self.permissions = permissions
        self.now = now
    }

    /// The module tabs, in order. Modules the role may not view are left out.
    public var modules: [Module] { Module.allCases.filter { permissions.allows(role, .view, in: $0) } }

    public func mayView(_ module: Module) -> Bool { permissions.allows(role, .view, in: module) }

    public mutating func send(_ intent: Intent) {
        switch intent {
        case .goTo(let m):
            if mayView(m) { active = m; lastRefusal = nil } else {
                let msg = "\(m.title) is not available to the \(role.title.lowercased()) role"
                lastRefusal = msg
                addNotice(msg, .warning)
            }
        case .notify(let text, let severity):
            addNotice(text, severity)
        case .setBadge(let m, let n):
            badges[m] = n > 0 ? n : nil
        case .setBadges(let all):
            badges = all.filter { $0.value > 0 }
        case .tick(let t):
            now = t
            notices.removeAll { $0.expiresAt <= t }
        case .requestQuit(let unsaved):
            quit = unsaved ? .confirming : .quitting
        case .confirmQuit:
            quit = .quitting
        case .cancelQuit:
            quit = .running
        }
    }

    private mutating func addNotice(_ text: String, _ severity: Notice.Level) {
        let life = severity == .error ? noticeDuration * 2 : noticeDuration
        notices.append(Notice(id: nextNoticeID, message: text, level: severity, expiresAt: now + life))
        nextNoticeID += 1
        if notices.count > Self.maxNotices { notices.removeFirst(notices.count - Self.maxNotices) }
    }
}
