import Foundation
import TOMLKit

/// A theme file that cannot be used, with the place and the reason:
/// `theme file /path/x.toml, line 7: <what is wrong>`.
public struct ThemeFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let line: Int?
    public let message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "theme file \(path), line \(line): \(message)" }
        return "theme file \(path): \(message)"
    }
}

/// Reads the text of one theme file (format: see `Themes/default.toml`). Problems that make the
/// theme unusable throw a `ThemeFileError`; problems that only lose something (an unknown role or
/// key) become warnings in the same `theme file ..., line N:` form.
struct ThemeFileParser {
    let path: String
    let text: String
    private(set) var warnings: [String] = []
    private var styles: [ThemeRole: Style] = [:]
    private static let styleKeys: Set<String> = ["fg", "bg", "attrs"]
    private static let knownRoles = Set(ThemeRole.all.map(\.name))

    init(path: String, text: String) {
        self.path = path; self.text = text
    }

    mutating func parse() throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw ThemeFileError(path: path, line: begin.line, message: Self.syntaxMessage(error.description, column: begin.column))
        }
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        for (key, value) in table {
            switch key {
            case "name":
                guard let s = value.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw failure(at: lineOfKey(key), "name must be a non-empty text such as \"default\"")
                }
                name = s
            case "description":
                continue
            case "styles":
                guard let styleTable = value.table else {
                    throw failure(at: lineOfKey(key), "styles must be a table: [styles]")
                }
                try readRoles(Array(styleTable), prefix: "")
            default:
                warn(at: lineOfKey(key), "unknown key \"\(key)\" ignored (a theme file has name and [styles])")
            }
        }
        return Theme(name: name, styles: styles)
    }

    // MARK: Roles

    /// Walks `[styles]`: a table with fg/bg/attrs is a role; a table without them groups dotted
    /// roles (`money.negative = {...}` written without quotes nests as money → negative).
    private mutating func readRoles(_ entries: [(String, TOMLValueConvertible)], prefix: String) throws {
        for (key, value) in entries {
            let role = prefix + key
            if let string = value.string {
                // Shorthand: `muted = "244"` sets the foreground only.
                try define(role, Style(fg: try color(string, role: role)))
                continue
            }
            guard let table = value.table else {
                throw failure(at: lineOfKey(role), "style for role \"\(role)\" must be a table such as { fg = \"red\", bg = \"default\", attrs = [\"bold\"] }")
            }
            let entries = Array(table)
            let props = entries.filter { Self.styleKeys.contains($0.0) }
            let nested = entries.filter { !Self.styleKeys.contains($0.0) && $0.1.table != nil }
            let unknown = entries.filter { !Self.styleKeys.contains($0.0) && $0.1.table == nil }
            if !props.isEmpty || nested.isEmpty {
                try define(role, try style(from: props, role: role))
            }
            for (key, _) in unknown {
                warn(at: lineOfSetting(key, role: role),
                     "unknown setting \"\(key)\" for role \"\(role)\" ignored (use fg, bg, attrs)")
            }
            try readRoles(nested, prefix: role + ".")
        }
    }

    private mutating func define(_ role: String, _ style: Style) throws {
        guard Self.knownRoles.contains(role) else {
            var message = "unknown role \"\(role)\" ignored"
            if let guess = Self.closestRole(to: role) { message += " (did you mean \"\(guess)\"?)" }
            warn(at: lineOfKey(role), message)
            return
        }
        styles[ThemeRole(role)] = style
    }

    private func style(from props: [(String, TOMLValueConvertible)], role: String) throws -> Style {
        var style = Style()
        for (key, value) in props {
            switch key {
            case "fg": style.fg = try color(value, role: role)
            case "bg": style.bg = try color(value, role: role)
            default: style.attrs = try attributes(value, role: role)
            }
        }
        return style
    }

    private func color(_ value: TOMLValueConvertible, role: String) throws -> Color {
        if let s = value.string { return try color(s, role: role) }
        if let n = value.int {
            guard (0...255).contains(n) else { return try color(String(n), role: role) }
            return .indexed(UInt8(n))
        }
        throw failure(at: lineOfKey(role), "colour for role \"\(role)\" must be text such as \"red\", \"196\" or \"#ff0000\"")
    }

    private func color(_ text: String, role: String) throws -> Color {
        if let c = ThemeValues.color(text) { return c }
        throw failure(at: lineOfValue(text, role: role),
                      "unknown colour \"\(text)\" for role \"\(role)\" (use a name such as \"red\", a number 0-255 or \"#rrggbb\")")
    }

    private func attributes(_ value: TOMLValueConvertible, role: String) throws -> Attributes {
        let names: [TOMLValueConvertible]
        if value.string != nil { names = [value] } else if let array = value.array { names = Array(array) } else {
            throw failure(at: lineOfKey(role), "attrs for role \"\(role)\" must be a list such as [\"bold\", \"underline\"]")
        }
        var result: Attributes = []
        for item in names {
            let text = item.string ?? item.debugDescription
            guard let a = ThemeValues.attribute(text) else {
                let known = ThemeValues.attributeNames.map(\.name).joined(separator: ", ")
                throw failure(at: lineOfValue(text, role: role), "unknown attribute \"\(text)\" for role \"\(role)\" (use \(known))")
            }
            result.insert(a)
        }
        return result
    }

    // MARK: Messages

    private func failure(at line: Int?, _ message: String) -> ThemeFileError {
        ThemeFileError(path: path, line: line, message: message)
    }

    private mutating func warn(at line: Int?, _ message: String) {
        warnings.append(ThemeFileError(path: path, line: line, message: message).description)
    }

    static func closestRole(to name: String) -> String? {
        let scored = ThemeRole.all.map { ($0.name, editDistance($0.name, name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: Finding lines (TOMLKit reports positions only for syntax errors)

    private var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The first line (1-based) at or after `after` where `key` is defined: `key =`, `"key" =`,
    /// a dotted key starting with it, or a table header ending in it. Dotted roles are also
    /// looked for by their last part, for files that nest them in sub-tables.
    func lineOfKey(_ key: String, after start: Int? = nil) -> Int? {
        let lines = self.lines
        let first = max(0, (start ?? 1) - 1)
        guard first < lines.count else { return nil }
        let forms = [key, "\"\(key)\"", "'\(key)'"]
        for i in first..<lines.count {
            let t = lines[i].trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") {
                let header = t.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                if forms.contains(where: { header == "styles." + $0 || header.hasSuffix("." + $0) }) { return i + 1 }
                continue
            }
            for form in forms where t.hasPrefix(form) {
                let rest = t.dropFirst(form.count).drop(while: { $0 == " " || $0 == "\t" })
                if rest.hasPrefix("=") || rest.hasPrefix(".") { return i + 1 }
            }
        }
        if let dot = key.lastIndex(of: "."), start == nil {
            return lineOfKey(String(key[key.index(after: dot)...]))
        }
        return nil
    }

    /// The line where `key = ...` is set inside `role`'s table, inline or not; else the role's line.
    func lineOfSetting(_ key: String, role: String) -> Int? {
        let roleLine = lineOfKey(role)
        let lines = self.lines
        for i in max(0, (roleLine ?? 1) - 1)..<lines.count {
            var rest = lines[i][...]
            while let r = rest.range(of: key) {
                let after = rest[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
                let before = rest[..<r.lowerBound].last
                if after.hasPrefix("="), before == nil || before == " " || before == "{" || before == "," { return i + 1 }
                rest = rest[r.upperBound...]
            }
        }
        return roleLine
    }

    /// toml++ says "Error while parsing inline table: expected ..."; this keeps the useful part.
    static func syntaxMessage(_ description: String, column: Int) -> String {
        var text = description
        if text.hasPrefix("Error while parsing ") { text = "syntax error in " + text.dropFirst("Error while parsing ".count) }
        return "\(text) (column \(column))"
    }

    /// The line that holds the quoted `value` for `role`: searched from the role's line on.
    func lineOfValue(_ value: String, role: String) -> Int? {
        let roleLine = lineOfKey(role)
        let lines = self.lines
        let start = max(0, (roleLine ?? 1) - 1)
        let quoted = ["\"\(value)\"", "'\(value)'"]
        for i in start..<lines.count where quoted.contains(where: { lines[i].contains($0) }) { return i + 1 }
        return roleLine ?? lines.firstIndex(where: { $0.contains(value) }).map { $0 + 1 }
    }
}
