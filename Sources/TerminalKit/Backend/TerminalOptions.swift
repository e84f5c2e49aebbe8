#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `Terminal.start` sets the terminal up.
public struct TerminalOptions: Sendable {
    /// Report mouse clicks and the wheel (off by default: it takes over the terminal's own selection).
    public var mouse: Bool
    /// The colour mode to use; nil detects it from the terminal and the environment.
    public var colorMode: ColorMode?
    /// Draw borders and charts with ASCII even in a UTF-8 locale.
    public var forceASCII: Bool

    public init(mouse: Bool = false, colorMode: ColorMode? = nil, forceASCII: Bool = false) {
        self.mouse = mouse; self.colorMode = colorMode; self.forceASCII = forceASCII
    }
}

/// How many colours the backend uses.
public enum ColorMode: String, Sendable, CaseIterable {
    /// The 256 xterm colours; RGB colours shown as the nearest of them.
    case color256 = "256"
    /// The 16 ANSI colours (8 plus bold on terminals that have only 8).
    case ansi16 = "16"
    /// No colour at all: attributes only (the app picks the monochrome theme).
    case monochrome = "none"

    /// The mode for a terminal with `colors` colours (curses `COLORS`; 0 when it has none) and this
    /// environment. Order: `CCW_COLORS=256|16|none` when valid, else `NO_COLOR` with any non-empty
    /// value (no-color.org) means monochrome, else what the terminal has. A request for more colours
    /// than the terminal has is lowered to what it has.
    public static func detect(colors: Int, environment: [String: String]) -> ColorMode {
        let available: ColorMode = colors >= 256 ? .color256 : colors >= 8 ? .ansi16 : .monochrome
        if let requested = environment["CCW_COLORS"].flatMap({ ColorMode(rawValue: $0.lowercased()) }) {
            return requested.limited(to: available)
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return available
    }

    /// This mode, or `available` when this one needs more colours than that.
    public func limited(to available: ColorMode) -> ColorMode {
        rank <= available.rank ? self : available
    }

    private var rank: Int {
        switch self {
        case .monochrome: return 0
        case .ansi16: return 1
        case .color256: return 2
        }
    }
}

/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// Standard input or output is not a terminal (piped, redirected, or run without a tty).
    case notATerminal
    /// curses could not set up the terminal named by `TERM`.
    case cannotInitialize(term: String?)
    /// Another `Terminal` is already running in this process.
    case alreadyStarted
    /// A system call failed.
    case systemCall(String, Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (run ccw in a terminal or over ssh -t, not through a pipe)"
        case .cannotInitialize(let term?):
            return "cannot start the terminal of type TERM=\"\(term)\" (is it installed in terminfo? try TERM=xterm-256color)"
        case .cannotInitialize(nil):
            return "cannot start the terminal: TERM is not set (try TERM=xterm-256color)"
        case .alreadyStarted:
            return "the terminal is already started in this process"
        case .systemCall(let name, let code):
            return "\(name) failed: \(String(cString: strerror(code)))"
        }
    }
}
