import CNcursesw
import Foundation

/// The ncurses backend. The application draws a whole frame into `surface` (a back buffer in
/// memory), then `present()` writes only the cells that changed. Input arrives through
/// `nextEvent(timeout:)`, which also returns early when another thread calls `waker.wake()`.
///
/// Curses is not thread-safe: use a `Terminal` from one thread only (the UI thread). Only
/// `waker` may be used from other threads.
public final class Terminal {
    /// Wakes `nextEvent` from any thread (background results are ready).
    public let waker: Waker
    /// The colour mode in use after detection and overrides.
    public let colorMode: ColorMode
    /// Unicode borders and charts in a UTF-8 locale, ASCII otherwise (or when forced).
    public let glyphs: Glyphs

    let backBuffer: MemorySurface
    let painter: CursesPainter
    var decoder: KeyDecoder
    var pendingEvents: [InputEvent] = []
    private var stopped = false
    var isStopped: Bool { stopped }

    /// The back buffer the application draws each frame into.
    public var surface: Surface { backBuffer }

    private init(waker: Waker, colorMode: ColorMode, glyphs: Glyphs, backBuffer: MemorySurface, painter: CursesPainter) {
        self.waker = waker
        self.colorMode = colorMode
        self.glyphs = glyphs
        self.backBuffer = backBuffer
        self.painter = painter
        self.decoder = KeyDecoder(keyName: Terminal.cursesKeyName)
    }

    deinit { stop() }

    /// Takes over the terminal: the locale from the environment, raw input without echo, keypad
    /// keys decoded, a 25 ms escape delay, hidden cursor, and colours when the terminal has them.
    /// Throws when standard input or output is not a terminal or curses cannot set it up.
    public static func start(_ options: TerminalOptions = TerminalOptions()) throws -> Terminal {
        guard !TerminalRestore.isActive else { throw TerminalError.alreadyStarted }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        let waker = try Waker()
        guard ccw_newterm_stdio() != nil else {
            throw TerminalError.cannotInitialize(term: ProcessInfo.processInfo.environment["TERM"])
        }
        TerminalRestore.activate()
        let window = ccw_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        _ = ccw_set_escdelay(25)
        curs_set(0)

        var colors = 0
        var defaultColorsWork = false
        if has_colors() {
            start_color()
            defaultColorsWork = use_default_colors() != ccw_err()
            colors = Int(ccw_colors())
        }
        let available = ColorMode.detect(colors: colors, environment: [:])
        let mode = options.colorMode?.limited(to: available)
            ?? ColorMode.detect(colors: colors, environment: ProcessInfo.processInfo.environment)

        let utf8 = ccw_is_utf8_locale() != 0
        let glyphs: Glyphs = utf8 && !options.forceASCII ? .unicode : .ascii
        let buffer = MemorySurface(width: Int(ccw_cols()), height: Int(ccw_lines()), glyphs: glyphs)
        let painter = CursesPainter(mode: mode, colorCount: colors, pairCapacity: Int(ccw_color_pairs()) - 1,
                                    defaultColorsWork: defaultColorsWork, utf8: utf8)
        let terminal = Terminal(waker: waker, colorMode: mode, glyphs: glyphs, backBuffer: buffer, painter: painter)
        terminal.setMouse(options.mouse)
        return terminal
    }

    /// Writes what changed in the back buffer since the last frame, places or hides the cursor,
    /// and refreshes the terminal once.
    public func present() {
        guard !stopped else { return }
        painter.present(backBuffer)
    }

    /// Clears the terminal and repaints every cell on the next `present()` (Ctrl-L).
    public func forceRedraw() {
        painter.invalidate()
    }

    /// Turns mouse reporting on or off (clicks and the wheel; no motion reports).
    public func setMouse(_ on: Bool) {
        guard !stopped else { return }
        _ = mousemask(on ? ccw_click_mouse_events() : 0, nil)
        if on { _ = mouseinterval(0) }
    }

    /// Puts `text` on the clipboard of the user's terminal with OSC 52 (works over SSH where the
    /// terminal allows it). Text too long for a terminal to accept is not sent.
    public func copyToClipboard(_ text: String) {
        guard !stopped, let sequence = OSC52.sequence(for: text) else { return }
        var bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }

    /// Rings the bell, or flashes the screen where the terminal has no bell.
    public func bell() {
        guard !stopped else { return }
        if beep() == ccw_err() { _ = flash() }
    }

    /// Gives the terminal back (endwin). Safe to call more than once; also done automatically at
    /// exit and on SIGTERM/SIGHUP.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = mousemask(0, nil)
        TerminalRestore.restore()
    }

    /// `keyname()` for the extended key codes that ncurses numbers at run time.
    static func cursesKeyName(_ code: Int32) -> String? {
        guard let name = keyname(code) else { return nil }
        return String(cString: name)
    }
}
