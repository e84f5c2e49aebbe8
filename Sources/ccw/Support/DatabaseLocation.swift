import Foundation

enum DatabaseLocation {
    /// --db, else $CCW_DB, else $XDG_DATA_HOME/ccw/ccw.sqlite (~/.local/share/ccw/ccw.sqlite).
    static func resolve(explicit: String?, fileName: String = "ccw.sqlite") -> String {
        if let explicit, !explicit.isEmpty { return expand(explicit) }
        let env = ProcessInfo.processInfo.environment
        if let p = env["CCW_DB"], !p.isEmpty { return expand(p) }
        return dataDirectory() + "/" + fileName
    }

    static func dataDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home() + "/.local/share")
        return base + "/ccw"
    }

    static func configDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home() + "/.config")
        return base + "/ccw"
    }

    static func home() -> String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

    static func expand(_ path: String) -> String {
        if path.hasPrefix("~/") { return home() + path.dropFirst(1) }
        return path
    }

    /// The name of the OS user running this process.
    static func osUser() -> String {
        let env = ProcessInfo.processInfo.environment
        if let u = env["USER"], !u.isEmpty { return u }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}
