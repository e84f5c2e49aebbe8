import Foundation

/// Drives the real `ccw` binary inside a private tmux server (one socket per session, so tests
/// can run in parallel), the way a user at a terminal would: send keys, read the screen.
final class TmuxSession {
    let socket: String
    let name = "ccw"
    private(set) var width: Int
    private(set) var height: Int

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command` in a detached session of the given size with a UTF-8 locale.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        self.socket = "ccw-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.width = width
        self.height = height
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in environment { env[k] = v }
        let exports = env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value));" }.joined(separator: " ")
        // The server forked by new-session must not inherit our pipes, or reading them never ends.
        // `timeout`: a test process that dies without its deinit (killed, crashed) leaves no
        // application running for longer than a test could.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "bash --norc --noprofile -c \(Self.quote(exports + " timeout --foreground 900 " + command + "; echo '[exited '$?']'; sleep 30"))"],
                 capture: false)
        try tmux(["set-option", "-t", name, "status", "off"])
        try? tmux(["set-option", "-g", "escape-time", "0"])
    }

    deinit { try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let r = try Spawn.run(["tmux", "-L", socket] + args, captureOutput: capture)
        if r.status != 0 {
            throw Failure(description: "tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.err)")
        }
        return r.out
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-p`, `S-Left`, `F2`) or plain characters, one per argument.
    func press(_ keys: String...) throws {
        for k in keys { try tmux(["send-keys", "-t", name, k]) }
    }

    /// Waits longer than the escape delay, so a key sent after Esc is not read as Alt+key
    /// (a person never types that fast; tmux does).
    func pause() throws { Thread.sleep(forTimeInterval: 0.1) }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// The visible screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func resize(width: Int, height: Int) throws {
        self.width = width; self.height = height
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text` (polling, no fixed sleeps) and returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("screen to show \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the first frame of the home screen. `ccw demo` builds its whole demo database
    /// first (a few seconds; longer on a loaded CI machine), hence the long limit.
    @discardableResult
    func waitForStart(_ text: String = "At a glance") throws -> String { try waitFor(text, timeout: 120) }

    /// Waits until the screen no longer contains `text`.
    @discardableResult
    func waitForAbsence(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\" to disappear", timeout: timeout) { !$0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out after \(timeout)s waiting for \(what). Screen was:\n\(last)")
    }
}

/// Paths of the built binaries and a scratch directory per test.
enum Build {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The `ccw` binary built by `swift build` (debug), or the one named by CCW_BIN.
    static func ccw() throws -> String {
        if let p = ProcessInfo.processInfo.environment["CCW_BIN"], !p.isEmpty { return p }
        for config in ["debug", "release"] {
            let p = root.appendingPathComponent(".build/\(config)/ccw").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        throw TmuxSession.Failure(description: "no ccw binary under .build/: run `swift build` before `swift test`")
    }

    static func scratchDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `ccw` with arguments and returns (status, stdout, stderr).
    @discardableResult
    static func run(_ args: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let r = try Spawn.run([try ccw()] + args, environment: env)
        return (r.status, r.out, r.err)
    }
}
