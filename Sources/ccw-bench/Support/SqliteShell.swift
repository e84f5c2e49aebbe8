import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The baseline: the same work done by the `sqlite3` command-line shell, in the same run, on the
/// same database file. Query times come from the shell's own `.timer` output.
///
/// The shell is started with `posix_spawn` and awaited with `waitpid`: Foundation's `Process`
/// on Linux notices the end of a child only at its next 50 ms poll, which would swamp the
/// wall time of a process that runs for a few milliseconds.
struct SqliteShell {
    let databasePath: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs a script through `sqlite3` and returns stdout; throws with stderr on failure.
    @discardableResult
    func run(_ script: String) throws -> String {
        try execute(script).output
    }

    /// Runs each statement with `.timer on` and returns the shell's "real" time of each, in ms.
    /// `preamble` (dot-commands such as `.parameter set`) runs first, untimed.
    func timed(_ statements: [String], preamble: String = "") throws -> [Double] {
        let script = preamble + ".timer on\n.output /dev/null\n" + statements.map { $0.hasSuffix(";") ? $0 : $0 + ";" }.joined(separator: "\n") + "\n"
        let text = try run(script)
        var times: [Double] = []
        for line in text.split(separator: "\n") where line.hasPrefix("Run Time:") {
            // "Run Time: real 0.001 user 0.000000 sys 0.000000"
            let parts = line.split(separator: " ")
            if let i = parts.firstIndex(of: "real"), i + 1 < parts.count, let v = Double(parts[i + 1]) {
                times.append(v * 1000)
            }
        }
        if times.count != statements.count {
            throw Failure(description: "sqlite3 printed \(times.count) timings for \(statements.count) statements")
        }
        return times
    }

    /// Wall time of a whole `sqlite3` process that opens the database and runs `script`.
    func wallTime(_ script: String) throws -> Double {
        try execute(script).milliseconds
    }

    /// Starts `sqlite3 -batch <database>` with `script` on stdin; returns stdout and the time
    /// from spawning the process to its exit.
    private func execute(_ script: String) throws -> (output: String, milliseconds: Double) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-bench-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.sql").path
        let output = folder.appendingPathComponent("out.txt").path
        let errors = folder.appendingPathComponent("err.txt").path
        try Data(script.utf8).write(to: URL(fileURLWithPath: input))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let executable = try Self.executable()
        let arguments = [executable, "-batch", databasePath]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }

        var pid: pid_t = 0
        let t0 = Stopwatch.nowNanos()
        let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let milliseconds = Double(Stopwatch.nowNanos() - t0) / 1_000_000

        let out = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exitedCleanly = (status & 0x7F) == 0 && ((status >> 8) & 0xFF) == 0
        guard exitedCleanly else {
            let err = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "sqlite3 failed: \(err)")
        }
        return (out, milliseconds)
    }

    /// `sqlite3` found on PATH.
    private static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "sqlite3 is not on PATH (install the sqlite3 package for the baselines)")
    }
}
