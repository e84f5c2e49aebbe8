import Foundation

/// A theme ready to use and what went wrong getting it (empty when nothing did).
public struct ThemeLoadResult: Sendable {
    public let theme: Theme
    public let warnings: [String]
    public init(theme: Theme, warnings: [String]) { self.theme = theme; self.warnings = warnings }
}

/// Finds and reads theme files. Never fails: a missing or broken theme gives the built-in
/// default theme and a warning that says what is wrong and where.
public enum ThemeLoader {
    /// Themes that exist without any file.
    public static let builtIn: [String: Theme] = ["default": .defaultDark, "monochrome": .monochrome]

    /// Loads the theme called `name` (`nil` or empty: "default") from the first search path that
    /// has `<name>.toml`. A name containing `/` or ending in `.toml` is read as a file path.
    /// An unknown name or a broken file gives the default theme plus a warning.
    public static func load(named name: String?, searchPaths: [String]) -> ThemeLoadResult {
        let requested = (name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let path: String?
        if requested.contains("/") || requested.hasSuffix(".toml") {
            path = FileManager.default.fileExists(atPath: requested) ? requested : nil
        } else {
            path = searchPaths.lazy.map { ($0 as NSString).appendingPathComponent(requested + ".toml") }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
        guard let path else {
            if let theme = builtIn[requested] { return ThemeLoadResult(theme: theme, warnings: []) }
            let available = availableThemes(searchPaths: searchPaths).joined(separator: ", ")
            var message = "theme \"\(requested)\" not found"
            if !searchPaths.isEmpty { message += " in \(searchPaths.joined(separator: ", "))" }
            message += "; available themes: \(available); using the default theme"
            return ThemeLoadResult(theme: .defaultDark, warnings: [message])
        }
        do {
            return try loadReportingWarnings(file: path)
        } catch {
            return ThemeLoadResult(theme: .defaultDark, warnings: [String(describing: error)])
        }
    }

    /// Reads one theme file. Throws `ThemeFileError` (unreadable file, TOML syntax error, unknown
    /// colour or attribute); unknown roles are skipped.
    public static func load(file path: String) throws -> Theme {
        try loadReportingWarnings(file: path).theme
    }

    /// Reads one theme file and also returns the warnings about parts that were skipped.
    public static func loadReportingWarnings(file path: String) throws -> ThemeLoadResult {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "does not exist"
            throw ThemeFileError(path: path, line: nil, message: reason)
        }
        var parser = ThemeFileParser(path: path, text: text)
        let theme = try parser.parse()
        return ThemeLoadResult(theme: theme, warnings: parser.warnings)
    }

    /// Names of every theme found in the search paths plus the built-in ones, sorted.
    public static func availableThemes(searchPaths: [String]) -> [String] {
        var names = Set(builtIn.keys)
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Where themes are looked for, first match wins: `$CCW_THEMES_DIR`, `$XDG_CONFIG_HOME/ccw/themes`
    /// (or `~/.config/ccw/themes`), the nearest `Themes` folder above the executable (so a
    /// development build in `.build/debug` finds the repository's), then `/usr/share/ccw/themes`.
    public static func defaultSearchPaths(executablePath: String) -> [String] {
        defaultSearchPaths(executablePath: executablePath, environment: ProcessInfo.processInfo.environment)
    }

    public static func defaultSearchPaths(executablePath: String, environment: [String: String]) -> [String] {
        var paths: [String] = []
        if let dir = environment["CCW_THEMES_DIR"], !dir.isEmpty { paths.append(dir) }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            paths.append(config + "/ccw/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(home + "/.config/ccw/themes")
        }
        if let dir = themesFolder(above: executablePath) { paths.append(dir) }
        paths.append("/usr/share/ccw/themes")
        return paths
    }

    /// The first `Themes` directory in the executable's folder or any folder above it.
    static func themesFolder(above executablePath: String) -> String? {
        guard !executablePath.isEmpty else { return nil }
        var dir = URL(fileURLWithPath: executablePath).standardizedFileURL.resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent("Themes").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { return nil }
            dir = parent
        }
    }
}
