import CCWViewModels
import TerminalKit

/// What an overlay wants after a key.
enum OverlayResult {
    case keepOpen
    case close
    /// Close and run a command (the palette's choice).
    case run(String)
    /// Close, then do something (a dialog's answer).
    case closeThen(() -> Void)
}

/// A layer drawn over the whole screen that takes every key while open.
enum Overlay {
    case help(HelpOverlayModel)
    case palette(PaletteOverlay)
    case dialog(DialogOverlay)

    mutating func handle(_ key: KeyEvent) -> OverlayResult {
        switch self {
        case .help(var m): let r = m.handle(key); self = .help(m); return r
        case .palette(var m): let r = m.handle(key); self = .palette(m); return r
        case .dialog(var m): let r = m.handle(key); self = .dialog(m); return r
        }
    }

    func draw(_ area: Rect, on surface: Surface, theme: Theme) {
        switch self {
        case .help(let m): m.draw(area, on: surface, theme: theme)
        case .palette(let m): m.draw(area, on: surface, theme: theme)
        case .dialog(let m): m.draw(area, on: surface, theme: theme)
        }
    }
}

/// `?`: every key of the current screen, grouped, searchable. Read from the command registry,
/// so it can never disagree with what the keys do.
struct HelpOverlayModel {
    var sections: [HelpSection]
    var state = HelpOverlayState()
    var title: String

    init(commands: [CommandSpec], disabled: [String: String], title: String) {
        var order: [String] = []
        var groups: [String: [HelpEntry]] = [:]
        var seen = Set<String>()
        for c in commands where !c.keys.isEmpty && seen.insert(c.id).inserted {
            if groups[c.group] == nil { order.append(c.group) }
            let why = disabled[c.id].map { "  (unavailable: \($0))" } ?? ""
            groups[c.group, default: []].append(HelpEntry(key: c.keyLabel, description: c.help + why))
        }
        sections = order.map { HelpSection($0, entries: groups[$0] ?? []) }
        self.title = "Keys: \(title)"
    }

    mutating func handle(_ key: KeyEvent) -> OverlayResult {
        if state.handle(key) { return .keepOpen }
        switch key.key {
        case .escape, .char("?"), .char("q"): return .close
        default: return .keepOpen
        }
    }

    func draw(_ area: Rect, on surface: Surface, theme: Theme) {
        var s = state
        HelpOverlay(title: title, sections: sections, theme: theme).render(area, on: surface, state: &s)
    }
}

/// `:` or Ctrl-P: fuzzy search over the commands available here (go-to targets included).
struct PaletteOverlay {
    var state: CommandPaletteState

    init(commands: [CommandSpec], disabled: [String: String]) {
        var seen = Set<String>()
        let entries = commands
            .filter { $0.inPalette && disabled[$0.id] == nil && seen.insert($0.id).inserted }
            .map { PaletteEntry(id: $0.id, title: Self.title(of: $0),
                                category: $0.group, keyHint: $0.keys.isEmpty ? nil : $0.primaryKeyLabel) }
        state = CommandPaletteState(entries: entries)
    }

    /// Hint-bar titles are terse ("quit"); the palette shows the help line's first clause instead.
    static func title(of c: CommandSpec) -> String {
        if c.title.count > 12 || c.title.first?.isUppercase == true { return c.title }
        let clause = c.help.split(whereSeparator: { $0 == ";" || $0 == "(" }).first.map(String.init) ?? c.help
        return clause.trimmingCharacters(in: .whitespaces)
    }

    mutating func handle(_ key: KeyEvent) -> OverlayResult {
        switch key.key {
        case .escape: return .close
        case .enter: return state.selectedEntry.map { .run($0.id) } ?? .keepOpen
        default: _ = state.handle(key); return .keepOpen
        }
    }

    func draw(_ area: Rect, on surface: Surface, theme: Theme) {
        var s = state
        CommandPalette(theme: theme).render(area, on: surface, state: &s)
    }
}

/// A confirm, prompt, pick or conflict dialog asked for by a screen.
struct DialogOverlay {
    let request: DialogRequest
    var choice: ConfirmChoice
    var input: TextInputState
    var error: String?
    var list: FilteredList

    init(_ request: DialogRequest) {
        self.request = request
        switch request {
        case .confirm(_, _, let destructive, _): choice = .initial(destructive: destructive)
        default: choice = .yes
        }
        if case .prompt(_, _, let initial, _, _) = request { input = TextInputState(initial) } else { input = TextInputState() }
        if case .pick(_, let options, let selected, _) = request {
            list = FilteredList(options)
            for _ in 0..<max(0, selected) { list.moveDown() }
        } else {
            list = FilteredList([])
        }
    }

    mutating func handle(_ key: KeyEvent) -> OverlayResult {
        switch request {
        case .confirm(_, _, _, let onYes):
            switch key.key {
            case .char("y"), .char("Y"): return .closeThen(onYes)
            case .char("n"), .char("N"), .escape: return .close
            case .left, .right, .tab, .char("h"), .char("l"): choice = choice.toggled; return .keepOpen
            case .enter: return choice == .yes ? .closeThen(onYes) : .close
            default: return .keepOpen
            }
        case .conflict(_, let onReload, let onKeepMine):
            switch key.key {
            case .char("r"), .char("R"): return .closeThen(onReload)
            case .char("k"), .char("K"): return .closeThen(onKeepMine)
            case .escape, .char("c"), .char("C"): return .close
            case .left, .right, .tab: choice = choice.toggled; return .keepOpen
            case .enter: return .closeThen(choice == .yes ? onReload : onKeepMine)
            default: return .keepOpen
            }
        case .prompt(_, _, _, let validate, let onSubmit):
            switch key.key {
            case .escape: return .close
            case .enter:
                let value = input.value
                if let problem = validate(value) { error = problem; return .keepOpen }
                return .closeThen { onSubmit(value) }
            default:
                if input.handle(key) { error = nil }
                return .keepOpen
            }
        case .message:
            switch key.key {
            case .escape, .enter, .char("q"), .char(" "): return .close
            default: return .keepOpen
            }
        case .pick(_, _, _, let onPick):
            switch key.key {
            case .escape: return .close
            case .enter:
                guard let i = list.selectedIndex else { return .keepOpen }
                return .closeThen { onPick(i) }
            default: _ = list.handle(key); return .keepOpen
            }
        }
    }

    func draw(_ area: Rect, on surface: Surface, theme: Theme) {
        switch request {
        case .confirm(let title, let message, let destructive, _):
            ConfirmDialog(title: title, message: message, destructive: destructive, choice: choice, theme: theme)
                .render(area, on: surface)
        case .conflict(let message, _, _):
            ConfirmDialog(title: "Changed by someone else", message: [message, "", "r reload theirs   k keep mine (save over it)   Esc cancel"],
                          yesLabel: "Reload", noLabel: "Keep mine", choice: choice, theme: theme)
                .render(area, on: surface)
        case .prompt(let title, let label, _, _, _):
            var s = input
            PromptDialog(title: title, label: label, error: error, theme: theme).render(area, on: surface, state: &s)
        case .message(let title, let lines):
            let width = min(max(40, lines.map(\.displayWidth).max() ?? 0), max(20, area.width - 8))
            let wrapped = lines.map { [TextSpan($0)] }
            let paragraph = Paragraph(wrapped, theme: theme, baseRole: .dialog)
            let height = min(paragraph.lineCount(width: width), max(1, area.height - 6))
            let inner = DialogFrame.draw(title: title, contentWidth: width, contentHeight: height, footer: "Enter close",
                                         in: area, theme: theme, on: surface)
            paragraph.render(inner, on: surface)
        case .pick(let title, _, _, _):
            var s = list
            PickListDialog(title: title, theme: theme).render(area, on: surface, state: &s)
        }
    }
}
