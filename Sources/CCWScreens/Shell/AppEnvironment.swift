import CCWDomain
import CCWViewModels
import TerminalKit

/// How the application looks and which keys it uses: chosen by the command line and config file.
public struct AppOptions {
    public var theme: Theme
    /// Every theme that can be switched to from the palette.
    public var themes: [Theme]
    /// Problems found in the config or theme files, shown as toasts at start.
    public var warnings: [String]
    public var mouse: Bool
    public var colorMode: ColorMode?
    public var forceASCII: Bool
    /// Key remapping by command id, from the config file.
    public var keyOverrides: [String: [String]]

    public init(theme: Theme = .defaultDark, themes: [Theme] = [], warnings: [String] = [], mouse: Bool = false,
                colorMode: ColorMode? = nil, forceASCII: Bool = false, keyOverrides: [String: [String]] = [:]) {
        self.theme = theme; self.themes = themes; self.warnings = warnings; self.mouse = mouse
        self.colorMode = colorMode; self.forceASCII = forceASCII; self.keyOverrides = keyOverrides
    }
}

/// The session and the services the screens use, built once per run.
public final class AppEnvironment {
    public let session: AppSession
    public let background: BackgroundWork?
    /// Set by the running app: sends a message to the UI thread from anywhere.
    var post: (@Sendable (AppMessage) -> Void)?

    /// `background` is nil in tests and benchmarks (no jobs, no polling).
    public init(session: AppSession, background: BackgroundWork?) {
        self.session = session
        self.background = background
    }

    var clock: any Clock { session.clock }

    /// The screen for each module tab.
    func makeScreen(_ module: Module, _ context: ScreenContext) -> ModuleScreen {
        switch module {
        case .home: HomeScreen(session: session, context: context)
        case .admin: AdminScreen(session: session, context: context)
        case .crm: CRMScreen(session: session, context: context)
        case .inventory: InventoryScreen(session: session, context: context)
        case .billing, .workflows, .reports: ModuleIntroScreen(module: module, session: session, context: context)
        }
    }

    func startBackgroundWork() {
        guard let background, let post else { return }
        background.start(
            notice: { text, level in post(.notice(text, level)) },
            unread: { n in post(.badges([.home: n])) })
    }

    func stopBackgroundWork() { background?.stop() }
}
