import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back to normal when the process ends while curses is active: at `exit` and
/// on SIGTERM and SIGHUP (the SSH connection dropping). Without this the user's shell would be
/// left in raw mode with no echo.
enum TerminalRestore {
    // Written only on the UI thread; read by the exit and signal handlers, which run at the end.
    nonisolated(unsafe) private static var active = false
    nonisolated(unsafe) private static var installed = false

    static var isActive: Bool { active }

    /// Marks curses as running and installs the handlers (once per process).
    static func activate() {
        active = true
        guard !installed else { return }
        installed = true
        atexit { TerminalRestore.restore() }
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { received in
                TerminalRestore.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Ends curses if it is running. Safe to call more than once.
    static func restore() {
        guard active else { return }
        active = false
        endwin()
    }
}
