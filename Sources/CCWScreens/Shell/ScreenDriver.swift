import CCWDomain
import CCWViewModels
import TerminalKit

/// The whole application without a terminal: keys in, frames out on an in-memory surface. Used by
/// screen snapshot tests and by the benchmark program; the real terminal loop (`App`) does the
/// same thing with ncurses.
public final class ScreenDriver {
    private let shell: ShellScreen
    public let surface: MemorySurface

    public init(environment: AppEnvironment, options: AppOptions = AppOptions(), width: Int = 120, height: Int = 40,
                glyphs: Glyphs = .unicode) {
        shell = ShellScreen(environment: environment, options: options)
        surface = MemorySurface(width: width, height: height, glyphs: glyphs)
        shell.start()
    }

    /// Sends keys written in the registry's notation, e.g. `press("g", "a")`, `press("ctrl+p")`.
    public func press(_ keys: String...) {
        for k in keys {
            guard let event = KeyEvent(parsing: k) else { preconditionFailure("not a key: \(k)") }
            shell.handle(.key(event))
        }
    }

    /// Types text into whatever has focus, one character at a time.
    public func type(_ text: String) {
        for ch in text { shell.handle(.key(KeyEvent(.char(ch)))) }
    }

    /// Runs a command by its registry id, as the palette would.
    public func run(_ commandID: String) { shell.run(commandID) }

    public func resize(width: Int, height: Int) {
        surface.resize(width: width, height: height)
        shell.handle(.resize(Size(width: width, height: height)))
    }

    /// Draws a frame and returns the surface.
    @discardableResult
    public func render() -> MemorySurface {
        surface.clear()
        shell.draw(on: surface)
        return surface
    }

    /// The current frame as text (the snapshot format).
    public func snapshot() -> String { render().snapshot() }

    public var activeModule: Module { shell.model.active }
    public var wantsToQuit: Bool { shell.wantsToQuit }
    public var notices: [String] { shell.model.notices.map(\.message) }
    public var hasOverlay: Bool { shell.overlay != nil }
}
