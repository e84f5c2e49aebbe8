import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of the Admin module (users, roles, audit log, settings).
protocol AdminSection: ScreenPart {
    var title: String { get }
}

/// Admin: users and roles, the permission matrix, the audit log viewer and the organization
/// settings, as sections switched with 1-4 or [ and ].
final class AdminScreen: ModuleScreen {
    let session: AppSession
    let context: ScreenContext
    private let sections: [AdminSection]
    private(set) var current = 0

    static let sectionCommands: [CommandSpec] = [
        CommandSpec("admin.users", "Users", group: "Admin", help: "Show users and roles", keys: ["1"]),
        CommandSpec("admin.roles", "Roles", group: "Admin", help: "Show the permission matrix", keys: ["2"]),
        CommandSpec("admin.audit", "Audit log", group: "Admin", help: "Show the audit log", keys: ["3"]),
        CommandSpec("admin.settings", "Settings", group: "Admin", help: "Show organization settings", keys: ["4"]),
        CommandSpec("admin.next-section", "Next section", group: "Admin", keys: ["]"], inPalette: false),
        CommandSpec("admin.previous-section", "Previous section", group: "Admin", keys: ["["], inPalette: false),
    ]

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        self.context = context
        sections = [
            UsersSection(session: session, context: context),
            RolesSection(context: context),
            AuditLogSection(session: session, context: context),
            SettingsSection(session: session, context: context),
        ]
    }

    var module: Module { .admin }
    var section: AdminSection { sections[current] }
    var breadcrumb: String { "Admin › \(section.title)" }
    var commands: [CommandSpec] { section.commands + Self.sectionCommands }
    var disabledCommands: [String: String] { section.disabledCommands }
    var hasTextFocus: Bool { section.hasTextFocus }
    var hasUnsavedChanges: Bool { sections.contains { $0.hasUnsavedChanges } }
    func handleText(_ key: KeyEvent) -> Bool { section.handleText(key) }
    func activate() { section.activate() }

    func perform(_ commandID: String) -> Bool {
        if section.perform(commandID) { return true }
        switch commandID {
        case "admin.users": show(0)
        case "admin.roles": show(1)
        case "admin.audit": show(2)
        case "admin.settings": show(3)
        case "admin.next-section": show((current + 1) % sections.count)
        case "admin.previous-section": show((current + sections.count - 1) % sections.count)
        default: return false
        }
        return true
    }

    /// Opens a section by index (also used by tests and the palette).
    func show(_ index: Int) {
        guard index != current, sections.indices.contains(index) else { return }
        current = index
        section.activate()
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let (bar, body) = area.splitTop(1)
        let items = sections.enumerated().map { TabItem("\($0.offset + 1) \($0.element.title)") }
        Tabs(items, activeIndex: current, theme: theme).render(bar, on: surface)
        section.draw(body, on: surface)
    }
}
