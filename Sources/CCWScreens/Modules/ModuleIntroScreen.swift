import CCWDomain
import CCWViewModels
import TerminalKit

/// The tab of a module whose screens are not part of this build yet. It says so plainly, lists
/// what the module will hold and which `ccw` commands exist today, and offers nothing that
/// pretends to work.
final class ModuleIntroScreen: ModuleScreen {
    let module: Module
    let session: AppSession
    let context: ScreenContext

    init(module: Module, session: AppSession, context: ScreenContext) {
        self.module = module
        self.session = session
        self.context = context
    }

    var breadcrumb: String { module.title }
    var commands: [CommandSpec] { [] }
    var disabledCommands: [String: String] { [:] }
    var hasTextFocus: Bool { false }
    var hasUnsavedChanges: Bool { false }
    func handleText(_ key: KeyEvent) -> Bool { false }
    func perform(_ commandID: String) -> Bool { false }
    func activate() {}

    /// What each module will hold (from the specification), shown so users know what is coming.
    var scope: [String] {
        switch module {
        case .crm: ["Contacts, companies and their hierarchy", "Deal pipeline kanban with stage history",
                    "Interactions, tasks and reminders", "Lead scoring, email templates, CSV import/export"]
        case .inventory: ["Catalog with variants, barcodes and price tiers", "Warehouses, bins, batches and serials",
                          "Stock ledger: receive, issue, transfer, count", "FIFO / LIFO / average valuation, reorder alerts"]
        case .billing: ["Quotes, invoices and credit notes", "Payments and reminders", "Taxes and recurring invoices"]
        case .workflows: ["Approval workflows with SLAs and escalation", "Notifications by email and webhook"]
        case .reports: ["Dashboards and KPIs", "Report builder with CSV/XLSX/PDF export"]
        case .home, .admin: []
        }
    }

    func draw(_ area: Rect, on surface: Surface) {
        let theme = context.theme
        let block = Block(title: module.title, theme: theme)
        block.render(area, on: surface)
        let inner = block.inner(area).inset(left: 1, right: 1)
        var y = inner.y
        func line(_ text: String, _ role: ThemeRole = .base) {
            guard y < inner.maxY else { return }
            surface.put(text, in: inner.row(y - inner.y), style: theme[.base].patched(with: theme[role]))
            y += 1
        }
        line("\(module.title) is not available in this build yet.", .warning)
        line("")
        line("This module will hold:", .title)
        for item in scope { line("  \(surface.glyphs.pointer) \(item)") }
        line("")
        line("Available today: Home (g h), CRM contacts (g c), and Admin (g a) for admins and managers;", .muted)
        line("from the shell: ccw org, ccw user, ccw doctor, ccw worker.", .muted)
    }
}
