import CCWDomain
import CCWViewModels
import Foundation
import TerminalKit

/// The application frame: top bar with module tabs, the active module screen, the key-hint bar,
/// toasts and overlays (help, palette, dialogs). Routes every key through the command registry.
final class ShellScreen {
    let environment: AppEnvironment
    private(set) var model: ShellModel
    private(set) var theme: Theme
    let context: ScreenContext
    private var screens: [Module: ModuleScreen] = [:]
    private var keymap = Keymap()
    /// Keys typed so far of a multi-key sequence, for the hint bar.
    var pendingKeys: [KeyEvent] { keymap.pending }
    var overlay: Overlay?
    private var keyOverrides: [String: [String]]
    private var commandCache: [CommandSpec] = []
    private var setMouse: (Bool) -> Void = { _ in }
    private var redraw: () -> Void = {}
    private var mouseOn: Bool
    private var themes: [Theme]
    /// The minimum usable terminal size.
    static let minimumSize = Size(width: 80, height: 24)

    init(environment: AppEnvironment, options: AppOptions) {
        self.environment = environment
        self.model = ShellModel(role: environment.session.scope.role, now: environment.clock.now())
        self.theme = options.theme
        self.themes = options.themes
        self.context = ScreenContext(theme: options.theme)
        self.keyOverrides = options.keyOverrides
        self.mouseOn = options.mouse
        context.toast = { [weak self] text, severity in self?.model.send(.notify(text, severity)) }
        context.present = { [weak self] request in self?.overlay = .dialog(DialogOverlay(request)) }
        if !options.warnings.isEmpty {
            overlay = .dialog(DialogOverlay(.message(
                title: "Problems with your settings (defaults used)",
                lines: options.warnings.flatMap { [$0, ""] }.dropLast() + ["", "CCW started anyway; fix the file and restart to use it."])))
        }
        for module in Module.allCases { screens[module] = environment.makeScreen(module, context) }
    }

    /// Connects the shell to the terminal's services (clipboard, bell, mouse) and to the inbox.
    func attach(copy: @escaping (String) -> Void, bell: @escaping () -> Void, setMouse: @escaping (Bool) -> Void,
                redraw: @escaping () -> Void, post: @escaping @Sendable (AppMessage) -> Void, monochrome: Bool) {
        context.copy = { [weak self] text in copy(text); self?.model.send(.notify("copied \(text.truncated(toWidth: 30))", .info)) }
        context.bell = bell
        self.setMouse = setMouse
        self.redraw = redraw
        environment.post = post
        if monochrome, theme.name != "monochrome" { theme = .monochrome; context.theme = .monochrome }
    }

    /// Starts background work (jobs, notification polling) and shows the first screen.
    func start() {
        environment.startBackgroundWork()
        activeScreen?.activate()
    }

    func stopBackgroundWork() { environment.stopBackgroundWork() }

    var wantsToQuit: Bool { model.quit == .quitting }
    var activeScreen: ModuleScreen? { screens[model.active] }

    /// Messages from other threads.
    func receive(_ message: AppMessage) {
        switch message {
        case .notice(let text, let severity): model.send(.notify(text, severity))
        case .badges(let b): model.send(.setBadges(b))
        }
    }

    /// Expires toasts; returns whether anything visible changed.
    func tick(now: Int64) -> Bool {
        let before = model.notices.count
        model.send(.tick(now: now))
        return model.notices.count != before
    }

    // MARK: commands

    /// The commands available now: the active screen's first, then the global ones, remapped by the config.
    var availableCommands: [CommandSpec] {
        let all = (activeScreen?.commands ?? []) + GlobalCommands.all
        return KeyRemapping.apply(keyOverrides, to: all).0
    }

    /// Commands that can't run now, with the reason: the read-only role, and whatever the screen says.
    var disabledCommands: [String: String] {
        var d = activeScreen?.disabledCommands ?? [:]
        let role = environment.session.scope.role
        if role == .readOnly {
            for c in availableCommands where c.changesData { d[c.id] = "read-only: your role may look but not change data" }
        }
        for m in Module.allCases where !model.mayView(m) { d["go.\(m.rawValue)"] = "\(m.title) is not available to the \(role.title.lowercased()) role" }
        for place in GlobalCommands.destinations where !model.mayView(place.module) {
            d[place.spec.id] = "\(place.module.title) is not available to the \(role.title.lowercased()) role"
        }
        return d
    }

    // MARK: input

    func handle(_ event: InputEvent) {
        switch event {
        case .resize:
            return
        case .mouse(let m):
            handleMouse(m)
        case .key(let key):
            if overlay != nil { handleOverlayKey(key); return }
            if let screen = activeScreen, screen.hasTextFocus, keymap.pending.isEmpty, screen.handleText(key) { return }
            switch keymap.resolve(key, commands: availableCommands, disabled: disabledCommands) {
            case .command(let id): run(id)
            case .disabled(_, let reason): model.send(.notify(reason, .warning))
            case .pending, .unbound: break
            }
        }
    }

    /// Runs a command by id: the screen first, then the shell's own.
    func run(_ id: String) {
        if let reason = disabledCommands[id] { model.send(.notify(reason, .warning)); return }
        if let screen = activeScreen, screen.perform(id) { return }
        switch id {
        case GlobalCommands.help.id: overlay = .help(HelpOverlayModel(commands: availableCommands, disabled: disabledCommands, title: activeScreen?.breadcrumb ?? "CCW"))
        case GlobalCommands.palette.id: overlay = .palette(PaletteOverlay(commands: availableCommands, disabled: disabledCommands))
        case GlobalCommands.quit.id: requestQuit()
        case GlobalCommands.back.id: break  // Esc at the top level goes nowhere; it never quits
        case GlobalCommands.redraw.id: redraw()
        case GlobalCommands.refresh.id: activeScreen?.activate()
        case GlobalCommands.mouse.id:
            mouseOn.toggle(); setMouse(mouseOn)
            model.send(.notify(mouseOn ? "mouse on: click selects, wheel scrolls" : "mouse off", .info))
        case GlobalCommands.nextTheme.id: cycleTheme()
        default:
            if let place = GlobalCommands.destinations.first(where: { $0.spec.id == id }) {
                goTo(place.module)
                if model.active == place.module { _ = activeScreen?.perform(place.command) }
            } else if id.hasPrefix("go."), let m = Module(rawValue: String(id.dropFirst(3))) {
                goTo(m)
            }
        }
    }

    func goTo(_ module: Module) {
        let before = model.active
        model.send(.goTo(module))
        if model.active != before { activeScreen?.activate() }
    }

    private func requestQuit() {
        let unsaved = screens.values.contains { $0.hasUnsavedChanges }
        model.send(.requestQuit(unsaved: unsaved))
        if model.quit == .confirming {
            overlay = .dialog(DialogOverlay(.confirm(
                title: "Quit CCW?", message: ["You have unsaved changes. Quit and lose them?"], destructive: true,
                onYes: { [weak self] in self?.model.send(.confirmQuit) })))
            // "No" leaves the quit state to be reset when the dialog closes.
        }
    }

    private func cycleTheme() {
        guard !themes.isEmpty else { return }
        let i = themes.firstIndex { $0.name == theme.name } ?? -1
        theme = themes[(i + 1) % themes.count]
        context.theme = theme
        model.send(.notify("theme: \(theme.name)", .info))
    }

    private func handleOverlayKey(_ key: KeyEvent) {
        guard var o = overlay else { return }
        let result = o.handle(key)
        overlay = o
        switch result {
        case .keepOpen: break
        case .close:
            overlay = nil
            if model.quit == .confirming { model.send(.cancelQuit) }
        case .run(let id):
            overlay = nil
            run(id)
        case .closeThen(let action):
            overlay = nil
            action()
            if model.quit == .confirming { model.send(.cancelQuit) }
        }
    }

    private func handleMouse(_ m: MouseEvent) {
        switch m.kind {
        case .wheelUp: for _ in 0..<3 { _ = activeScreen?.perform(ListCommands.up.id) }
        case .wheelDown: for _ in 0..<3 { _ = activeScreen?.perform(ListCommands.down.id) }
        case .press:
            if m.position.y == 0, let module = tabHit(x: m.position.x) { goTo(module) }
        case .release: break
        }
    }
}
