import CCWDomain
import CCWViewModels
import Foundation
import TerminalKit

/// Something that happened away from the UI thread and must reach the screen.
enum AppMessage: Sendable {
    /// A background job or another user's action produced a notice.
    case notice(String, Notice.Level)
    /// The unread-notification count changed.
    case badges([Module: Int])
}

/// The terminal application: owns the terminal and runs the single UI loop
/// (key or message → update → draw into the back buffer → flush the difference).
public final class App {
    private let shell: ShellScreen
    private let options: AppOptions

    public init(environment: AppEnvironment, options: AppOptions) {
        self.shell = ShellScreen(environment: environment, options: options)
        self.options = options
    }

    /// Runs until the user quits. Restores the terminal on every way out.
    public func run() throws {
        let terminal = try Terminal.start(TerminalOptions(mouse: options.mouse, colorMode: options.colorMode, forceASCII: options.forceASCII))
        defer { terminal.stop() }
        let waker = terminal.waker
        let inbox = Inbox<AppMessage>(wake: { waker.wake() })
        shell.attach(
            copy: { terminal.copyToClipboard($0) },
            bell: { terminal.bell() },
            setMouse: { terminal.setMouse($0) },
            redraw: { terminal.forceRedraw() },
            post: { inbox.post($0) },
            monochrome: terminal.colorMode == .monochrome)
        shell.start()
        defer { shell.stopBackgroundWork() }
        var dirty = true
        while !shell.wantsToQuit {
            for message in inbox.drain() { shell.receive(message); dirty = true }
            if shell.tick(now: shell.environment.clock.now()) { dirty = true }
            if dirty {
                let surface = terminal.surface
                shell.draw(on: surface)
                terminal.present()
                dirty = false
            }
            if let event = terminal.nextEvent(timeout: 250) {
                shell.handle(event)
                dirty = true
            }
        }
    }
}
