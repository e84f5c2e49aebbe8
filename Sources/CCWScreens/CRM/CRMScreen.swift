import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of the CRM module (contacts, companies, deals, tasks, …).
protocol CRMSection: ScreenPart {
    var title: String { get }
    /// Stable name for commands and go-to targets: `crm.show.<name>` opens the section.
    var name: String { get }
}

/// CRM: contacts, companies, the deal kanban and tasks, as sections switched with the digit
/// keys or [ and ].
final class CRMScreen: ModuleScreen {
    let session: AppSession
    let context: ScreenContext
    private let sections: [CRMSection]
    private(set) var current = 0

    static let nextSection = CommandSpec("crm.next-section", "Next section", group: "CRM", keys: ["]"], inPalette: false)
    static let previousSection = CommandSpec("crm.previous-section", "Previous section", group: "CRM", keys: ["["], inPalette: false)

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        self.context = context
        sections = [
            ContactsSection(session: session, context: context),
            CompaniesSection(session: session, context: context),
            DealsSection(session: session, context: context),
            TasksSection(session: session, context: context),
            AnalysisSection(session: session, context: context),
            RulesSection(session: session, context: context),
            TemplatesSection(session: session, context: context),
            ImportSection(session: session, context: context),
        ]
    }

    /// `crm.show.contacts` … with the section's digit as key.
    var sectionCommands: [CommandSpec] {
        sections.enumerated().map { i, s in
            CommandSpec("crm.show.\(s.name)", s.title, group: "CRM", help: "Show \(s.title.lowercased())", keys: ["\(i + 1)"])
        } + [Self.nextSection, Self.previousSection]
    }

    var module: Module { .crm }
    var section: CRMSection { sections[current] }
    var breadcrumb: String { "CRM › \(section.title)" }
    var commands: [CommandSpec] { section.commands + (section.hasTextFocus ? [] : sectionCommands) }
    var disabledCommands: [String: String] { section.disabledCommands }
    var hasTextFocus: Bool { section.hasTextFocus }
    var hasUnsavedChanges: Bool { sections.contains { $0.hasUnsavedChanges } }
    func handleText(_ key: KeyEvent) -> Bool { section.handleText(key) }
    func activate() { section.activate() }

    func perform(_ commandID: String) -> Bool {
        if section.perform(commandID) { return true }
        switch commandID {
        case Self.nextSection.id: show((current + 1) % sections.count)
        case Self.previousSection.id: show((current + sections.count - 1) % sections.count)
        default:
            guard commandID.hasPrefix("crm.show."),
                  let i = sections.firstIndex(where: { "crm.show.\($0.name)" == commandID }) else { return false }
            show(i)
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
