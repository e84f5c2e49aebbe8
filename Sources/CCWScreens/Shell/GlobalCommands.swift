import CCWDomain
import TerminalKit

/// Commands available on every screen. Screen-specific commands come first when keys are resolved,
/// so a screen may take over a key (a text field takes letters), never the other way round.
enum GlobalCommands {
    static let help = CommandSpec("app.help", "help", group: "Global", help: "Show every key of this screen", keys: ["?"], showInHints: true)
    static let palette = CommandSpec("app.palette", "commands", group: "Global", help: "Command palette: search commands and go-to targets", keys: [":", "ctrl+p"], showInHints: true)
    static let quit = CommandSpec("app.quit", "quit", group: "Global", help: "Close the current view; quit at the top level (asks if anything is unsaved)", keys: ["q"], showInHints: true)
    static let back = CommandSpec("app.back", "back", group: "Global", help: "Go back one level (never quits)", keys: ["esc"], inPalette: false)
    static let redraw = CommandSpec("app.redraw", "Redraw screen", group: "Global", help: "Redraw the whole screen", keys: ["ctrl+l"])
    static let refresh = CommandSpec("app.refresh", "Refresh", group: "Global", help: "Reload the data on this screen", keys: ["r", "ctrl+r"])
    static let nextPane = CommandSpec("app.next-pane", "Next pane", group: "Global", help: "Move focus to the next pane", keys: ["tab"], inPalette: false)
    static let previousPane = CommandSpec("app.previous-pane", "Previous pane", group: "Global", help: "Move focus to the previous pane", keys: ["shift+tab"], inPalette: false)
    static let mouse = CommandSpec("app.toggle-mouse", "Toggle mouse", group: "Global", help: "Turn mouse support on or off (off keeps the terminal's own text selection)")
    static let nextTheme = CommandSpec("app.next-theme", "Switch theme", group: "Global", help: "Cycle through the installed themes")

    /// `g h` … `g a` and F1 … F7: one per module, in tab order.
    static func goTo(_ module: Module) -> CommandSpec {
        let letter: String = switch module {
        case .home: "h"
        case .crm: "c"
        case .inventory: "i"
        case .billing: "b"
        case .workflows: "w"
        case .reports: "r"
        case .admin: "a"
        }
        let f = (Module.allCases.firstIndex(of: module) ?? 0) + 1
        return CommandSpec("go.\(module.rawValue)", "Go to \(module.title)", group: "Go to",
                           help: "Open the \(module.title) module", keys: ["g \(letter)", "F\(f)"])
    }

    /// Places inside a module the palette can go to from anywhere: the module, then a command
    /// of its screen that opens the place (`go.admin.audit` → Admin, then `admin.audit`).
    static let destinations: [(spec: CommandSpec, module: Module, command: String)] = [
        (CommandSpec("go.crm.contacts", "Go to CRM › Contacts", group: "Go to", help: "People, searchable"), .crm, "crm.show.contacts"),
        (CommandSpec("go.crm.companies", "Go to CRM › Companies", group: "Go to", help: "Companies and their subsidiaries"), .crm, "crm.show.companies"),
        (CommandSpec("go.crm.tasks", "Go to CRM › Tasks", group: "Go to", help: "My tasks: overdue, today, upcoming"), .crm, "crm.show.tasks"),
        (CommandSpec("go.crm.deals", "Go to CRM › Deals", group: "Go to", help: "The deal kanban of a pipeline"), .crm, "crm.show.deals"),
        (CommandSpec("go.crm.analysis", "Go to CRM › Win/loss", group: "Go to", help: "Win/loss analysis and forecast"), .crm, "crm.show.analysis"),
        (CommandSpec("go.crm.rules", "Go to CRM › Segments & scoring", group: "Go to", help: "Saved contact filters and lead-scoring rules"), .crm, "crm.show.rules"),
        (CommandSpec("go.crm.import", "Go to CRM › Import", group: "Go to", help: "Import contacts from a CSV file"), .crm, "crm.show.import"),
        (CommandSpec("go.inventory.orders", "Go to Inventory › Purchase orders", group: "Go to", help: "Reorder low stock, send and receive orders"), .inventory, "inventory.show.orders"),
        (CommandSpec("go.admin.users", "Go to Admin › Users", group: "Go to", help: "Users and their roles"), .admin, "admin.show.users"),
        (CommandSpec("go.admin.roles", "Go to Admin › Roles", group: "Go to", help: "The permission matrix"), .admin, "admin.show.roles"),
        (CommandSpec("go.admin.audit", "Go to Admin › Audit log", group: "Go to", help: "Every change, searchable"), .admin, "admin.show.audit"),
        (CommandSpec("go.admin.settings", "Go to Admin › Settings", group: "Go to", help: "Organization name, currency, time zone"), .admin, "admin.show.settings"),
        (CommandSpec("go.inventory.products", "Go to Inventory › Products", group: "Go to", help: "The catalogue, variants folded under their parent"), .inventory, "inventory.show.products"),
        (CommandSpec("go.inventory.stock", "Go to Inventory › Stock", group: "Go to", help: "The stock matrix: products by warehouses"), .inventory, "inventory.show.stock"),
        (CommandSpec("go.inventory.alerts", "Go to Inventory › Alerts", group: "Go to", help: "Open low-stock alerts"), .inventory, "inventory.show.alerts"),
        (CommandSpec("go.inventory.value", "Go to Inventory › Value", group: "Go to", help: "Inventory value as of a date"), .inventory, "inventory.show.value"),
        (CommandSpec("go.inventory.orders", "Go to Inventory › Purchase orders", group: "Go to", help: "Reorder low stock, send and receive orders"), .inventory, "inventory.show.orders"),
        (CommandSpec("go.inventory.entry", "Go to Inventory › Receive · Issue · Count", group: "Go to", help: "Scanner entry: receive, issue, transfer, count"), .inventory, "inventory.show.entry"),
        (CommandSpec("go.admin.users", "Go to Admin › Users", group: "Go to", help: "Users and their roles"), .admin, "admin.users"),
        (CommandSpec("go.admin.roles", "Go to Admin › Roles", group: "Go to", help: "The permission matrix"), .admin, "admin.roles"),
        (CommandSpec("go.admin.audit", "Go to Admin › Audit log", group: "Go to", help: "Every change, searchable"), .admin, "admin.audit"),
        (CommandSpec("go.admin.settings", "Go to Admin › Settings", group: "Go to", help: "Organization name, currency, time zone"), .admin, "admin.settings"),
    ]

    static var all: [CommandSpec] {
        [help, palette, quit, back, redraw, refresh, nextPane, previousPane, mouse, nextTheme] + Module.allCases.map(goTo)
            + destinations.map(\.spec)
    }
}

/// Movement and selection keys shared by every list and grid screen.
enum ListCommands {
    static let up = CommandSpec("list.up", "Up", group: "Navigation", keys: ["up", "k"], inPalette: false)
    static let down = CommandSpec("list.down", "Down", group: "Navigation", keys: ["down", "j"], inPalette: false)
    static let left = CommandSpec("list.left", "Scroll left", group: "Navigation", keys: ["left", "h"], inPalette: false)
    static let right = CommandSpec("list.right", "Scroll right", group: "Navigation", keys: ["right", "l"], inPalette: false)
    static let pageUp = CommandSpec("list.page-up", "Page up", group: "Navigation", keys: ["pgup", "ctrl+u"], inPalette: false)
    static let pageDown = CommandSpec("list.page-down", "Page down", group: "Navigation", keys: ["pgdn", "ctrl+d"], inPalette: false)
    static let first = CommandSpec("list.first", "First row", group: "Navigation", keys: ["home", "g g"], inPalette: false)
    static let last = CommandSpec("list.last", "Last row", group: "Navigation", keys: ["end", "G"], inPalette: false)
    static let filter = CommandSpec("list.filter", "filter", group: "Navigation", help: "Filter this list as you type; Enter keeps, Esc clears", keys: ["/"], showInHints: true)
    static let open = CommandSpec("list.open", "open", group: "Navigation", help: "Open the selected row", keys: ["enter"], showInHints: true, inPalette: false)
    static let sort = CommandSpec("list.sort", "Sort by column", group: "Navigation", help: "Sort by the focused column; again to reverse", keys: ["s"])
    static let sortReverse = CommandSpec("list.sort-reverse", "Reverse sort", group: "Navigation", keys: ["S"])
    static let copy = CommandSpec("list.copy", "Copy value", group: "Navigation", help: "Copy the focused value to the clipboard (OSC 52, works over SSH)", keys: ["y"])

    static let movement = [up, down, left, right, pageUp, pageDown, first, last]
}
