import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of a module screen (CRM › Contacts, Inventory › Stock…).
protocol ModuleSection: ScreenPart {
    var title: String { get }
    /// Stable name for commands and go-to targets: `<module>.show.<name>` opens the section.
    var name: String { get }
}

/// A module made of sections, shown as tabs under the module bar and switched with the digit
/// keys or [ and ]. The section in front gets the keys first.
class SectionedScreen: ModuleScreen {
    let module: Module
    let context: ScreenContext
    let sections: [ModuleSection]
    private(set) var current = 0

    /// `first`: the section in front when the module opens (the one a role works in most).
    init(module: Module, context: ScreenContext, sections: [ModuleSection], first: Int = 0) {
        precondition(!sections.isEmpty, "a module screen needs at least one section")
        self.module = module
        self.context = context
        self.sections = sections
        current = min(max(0, first), sections.count - 1)
    }

    var prefix: String { module.rawValue }
    lazy var nextSection = CommandSpec("\(prefix).next-section", "Next section", group: module.title, keys: ["]"], inPalette: false)
    lazy var previousSection = CommandSpec("\(prefix).previous-section", "Previous section", group: module.title, keys: ["["], inPalette: false)

    /// `crm.show.contacts` … with the section's digit as key.
    var sectionCommands: [CommandSpec] {
        sections.enumerated().map { i, s in
            CommandSpec("\(prefix).show.\(s.name)", s.title, group: module.title, help: "Show \(s.title.lowercased())", keys: ["\(i + 1)"])
        } + [nextSection, previousSection]
    }

    var section: ModuleSection { sections[current] }
    var breadcrumb: String { "\(module.title) › \(section.title)" }
    var commands: [CommandSpec] { section.commands + (section.hasTextFocus ? [] : sectionCommands) }
    var disabledCommands: [String: String] { section.disabledCommands }
    var hasTextFocus: Bool { section.hasTextFocus }
    var hasUnsavedChanges: Bool { sections.contains { $0.hasUnsavedChanges } }
    func handleText(_ key: KeyEvent) -> Bool { section.handleText(key) }
    func activate() { section.activate() }

    func perform(_ commandID: String) -> Bool {
        if section.perform(commandID) { return true }
        switch commandID {
        case nextSection.id: show((current + 1) % sections.count)
        case previousSection.id: show((current + sections.count - 1) % sections.count)
        default:
            guard commandID.hasPrefix("\(prefix).show."),
                  let i = sections.firstIndex(where: { "\(prefix).show.\($0.name)" == commandID }) else { return false }
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
        let (bar, body) = area.splitTop(1)
        let items = sections.enumerated().map { TabItem("\($0.offset + 1) \($0.element.title)") }
        Tabs(items, activeIndex: current, theme: context.theme).render(bar, on: surface)
        section.draw(body, on: surface)
    }
}
