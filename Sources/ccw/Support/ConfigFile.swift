import Foundation
import TOMLKit

/// The user's settings from `$XDG_CONFIG_HOME/ccw/config.toml`:
///
/// ```toml
/// theme = "light"          # a file name in a themes folder, without .toml
/// mouse = false            # click selects, wheel scrolls (off keeps the terminal's own selection)
/// ascii = false            # force ASCII borders even in a UTF-8 locale
/// [keys]                   # remap any command by its id (see `?` in the app, or README)
/// "app.palette" = ["ctrl+k", ":"]
/// ```
///
/// A broken file never stops the app: each problem becomes a warning naming file and line,
/// and the defaults are used for what could not be read.
struct ConfigFile {
    var theme: String?
    var mouse = false
    var ascii = false
    var keys: [String: [String]] = [:]
    var warnings: [String] = []

    static func defaultPath() -> String { DatabaseLocation.configDirectory() + "/config.toml" }

    static func load(path: String = defaultPath()) -> ConfigFile {
        var config = ConfigFile()
        guard FileManager.default.fileExists(atPath: path) else { return config }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            config.warnings.append("config file \(path): cannot be read (check its permissions); defaults used")
            return config
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            config.warnings.append("config file \(path), line \(error.source.begin.line): \(error.description); defaults used")
            return config
        } catch {
            config.warnings.append("config file \(path): \(error); defaults used")
            return config
        }
        func line(of key: String) -> String {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if let i = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) || $0.contains("\"\(key)\"") }) {
                return ", line \(i + 1)"
            }
            return ""
        }
        for (key, value) in table {
            switch key {
            case "theme":
                if let s = value.string { config.theme = s } else {
                    config.warnings.append("config file \(path)\(line(of: key)): theme must be a text such as \"light\"")
                }
            case "mouse", "ascii":
                guard let b = value.bool else {
                    config.warnings.append("config file \(path)\(line(of: key)): \(key) must be true or false")
                    continue
                }
                if key == "mouse" { config.mouse = b } else { config.ascii = b }
            case "keys":
                guard let t = value.table else {
                    config.warnings.append("config file \(path)\(line(of: key)): keys must be a table: [keys]")
                    continue
                }
                for (id, v) in t {
                    if let s = v.string { config.keys[id] = [s] } else if let a = v.array {
                        let texts = a.compactMap { $0.string }
                        if texts.count == a.count { config.keys[id] = texts; continue }
                        config.warnings.append("config file \(path)\(line(of: id)): keys for \(id) must be texts such as [\"ctrl+k\"]")
                    } else {
                        config.warnings.append("config file \(path)\(line(of: id)): keys for \(id) must be a text or a list of texts")
                    }
                }
            default:
                config.warnings.append("config file \(path)\(line(of: key)): unknown setting \"\(key)\" ignored (known: theme, mouse, ascii, [keys])")
            }
        }
        return config
    }
}
