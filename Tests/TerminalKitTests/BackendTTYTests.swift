import Foundation
import Testing
@testable import TerminalKit

/// A check of the real ncurses backend, run by hand in a terminal (tmux works): it draws
/// accents, CJK and borders, then logs every event to the file named by `CCW_TTY_CHECK` until
/// `q` is pressed (or 60 seconds pass). Skipped unless that variable is set and stdin is a tty,
/// so ordinary test runs never take over the terminal.
///
///     CCW_TTY_CHECK=/tmp/keys.log swift test --filter BackendTTYTests
@Suite("Backend on a real terminal")
struct BackendTTYTests {
    static let logPath = ProcessInfo.processInfo.environment["CCW_TTY_CHECK"]

    @Test(.enabled(if: logPath != nil && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1))
    func drawAndLogKeys() throws {
        let log = try #require(Self.logPath)
        var lines: [String] = []
        func record(_ line: String) {
            lines.append(line)
            try? (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        }
        let terminal = try Terminal.start(TerminalOptions(mouse: true))
        defer { terminal.stop() }
        record("start size=\(terminal.surface.size) mode=\(terminal.colorMode.rawValue) unicode=\(terminal.glyphs.isUnicode)")

        let theme = ThemeLoader.load(named: "default", searchPaths: [repositoryThemes]).theme
        var last = "(press keys; q quits)"
        func draw() {
            let s = terminal.surface
            s.fill(s.bounds, style: theme[.base])
            s.put(" CCW backend check ", x: 0, y: 0, style: theme[.topBar])
            s.box(Rect(x: 0, y: 1, width: min(60, s.size.width), height: 8), title: "Unicode", style: theme[.border],
                  titleStyle: theme[.title], focused: true)
            s.put("accents: café naïve Zürich ñ Å e\u{301}", x: 2, y: 2, style: theme[.base])
            s.put("CJK: 中文字 日本語 한국어|", x: 2, y: 3, style: theme[.accent])
            s.put("width check: ab中cd|", x: 2, y: 4, style: theme[.base])
            s.put(" selected row ", x: 2, y: 5, style: theme[.selected])
            s.put("-1,234.50 EUR", x: 2, y: 6, style: theme[.moneyNegative])
            s.put("levels: " + s.glyphs.levels.joined(), x: 30, y: 6, style: theme[.chart])
            s.put("last: " + last, x: 0, y: 10, style: theme[.statusBar], maxX: s.size.width)
            s.cursor = Point(x: 6 + last.displayWidth, y: 10)
            terminal.present()
        }
        draw()

        let waker = terminal.waker
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { waker.wake() }
        let started = Date()
        let first = terminal.nextEvent(timeout: 5000)
        record("first wait: \(first.map { "\($0)" } ?? "nil") after \(Int(Date().timeIntervalSince(started) * 1000)) ms (wake sent at 1000 ms)")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard let event = terminal.nextEvent(timeout: 500) else { continue }
            switch event {
            case .key(let key):
                last = key.description
                record("key \(key.description)")
                if key == .char("q") { return }
                if key == .ctrl("l") { terminal.forceRedraw() }
                if key == .char("y") { terminal.copyToClipboard("copied from ccw: café 中文") }
                if key == .char("b") { terminal.bell() }
            case .resize(let size):
                last = "resize \(size)"
                record("resize \(size)")
            case .mouse(let mouse):
                last = "mouse \(mouse.kind) at \(mouse.position.x),\(mouse.position.y)"
                record(last)
            }
            draw()
        }
    }
}
