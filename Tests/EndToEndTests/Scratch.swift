import Foundation

/// A private home for one test: data and config directories of its own, so no test reads the
/// developer's real config or database, and tests can run in parallel.
struct Scratch {
    let dir: String
    init() throws { dir = try Build.scratchDirectory() }

    var db: String { dir + "/ccw.sqlite" }
    var environment: [String: String] {
        ["XDG_DATA_HOME": dir + "/data", "XDG_CONFIG_HOME": dir + "/config", "HOME": dir, "CCW_DB": db,
         "CCW_DEMO_DB": dir + "/demo.sqlite", "NO_COLOR": "", "CCW_THEME": ""]
    }

    /// `ccw …` with this scratch environment.
    @discardableResult
    func ccw(_ args: String...) throws -> (status: Int32, out: String, err: String) {
        let (s, o, e) = try Build.run(args, environment: environment)
        return (s, o, e)
    }

    /// The shell command that starts `ccw` with this environment inside tmux.
    func command(_ args: String) throws -> String {
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        return "env \(exports) \(try Build.ccw()) \(args)"
    }

    /// Runs one query with the sqlite3 shell on this test's database (or `file`); rows as
    /// lines, fields separated by `|`. A failing query fails the test.
    func query(on file: String? = nil, _ sql: String) throws -> [String] {
        let r = try Spawn.run(["/usr/bin/sqlite3", file ?? db, sql])
        guard r.status == 0 else { throw TmuxSession.Failure(description: "sqlite3: \(r.err)") }
        return r.out.split(separator: "\n").map(String.init)
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
