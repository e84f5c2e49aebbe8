import Foundation
import Testing
@testable import TerminalKit

/// The repository's `Themes` folder, found from this file's location.
let repositoryThemes: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes").path

/// A fresh temporary folder with the given files in it.
func themeFolder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccw-theme-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return dir.path
}

@Suite("Theme loader")
struct ThemeLoaderTests {
    static let shipped = ["default", "light", "high-contrast", "monochrome"]

    @Test(arguments: shipped)
    func shippedThemeLoadsCleanlyAndDefinesEveryRole(name: String) throws {
        let result = ThemeLoader.load(named: name, searchPaths: [repositoryThemes])
        #expect(result.warnings == [])
        #expect(result.theme.name == name)
        for role in ThemeRole.all { #expect(result.theme.styles[role] != nil, "\(name) lacks \(role)") }
        #expect(result.theme.styles.count == ThemeRole.all.count)
    }

    @Test func shippedDefaultAndMonochromeMatchTheBuiltInOnes() throws {
        #expect(try ThemeLoader.load(file: repositoryThemes + "/default.toml") == Theme.defaultDark)
        #expect(try ThemeLoader.load(file: repositoryThemes + "/monochrome.toml") == Theme.monochrome)
    }

    @Test func highContrastUsesOnlyTheSixteenColoursWithBoldAndReverse() throws {
        let theme = try ThemeLoader.load(file: repositoryThemes + "/high-contrast.toml")
        for (role, style) in theme.styles {
            for color in [style.fg, style.bg] {
                switch color {
                case .ansi, .default: break
                default: Issue.record("high-contrast \(role) uses \(color)")
                }
            }
            #expect(style.attrs.isSubset(of: [.bold, .reverse]), "high-contrast \(role) uses other attributes")
        }
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let theme = try ThemeLoader.load(file: repositoryThemes + "/monochrome.toml")
        for (role, style) in theme.styles {
            #expect(style.fg == .default && style.bg == .default, "monochrome \(role) has a colour")
        }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let text = """
        name = "broken"
        [styles]
        base = { fg = "default" }
        muted = { fg = "244"
        accent = { fg = "39" }
        """
        let dir = try themeFolder(["broken.toml": text])
        let path = dir + "/broken.toml"
        #expect {
            try ThemeLoader.load(file: path)
        } throws: { error in
            let e = error as? ThemeFileError
            return e?.line == 4 && e?.path == path
        }
        let result = ThemeLoader.load(named: "broken", searchPaths: [dir])
        #expect(result.theme == Theme.defaultDark)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].hasPrefix("theme file \(path), line 4: "))
    }

    @Test func unknownColourNamesFileLineColourAndRole() throws {
        let text = """
        # a comment
        name = "purple"

        [styles]
        base = { fg = "default", bg = "default" }
        muted = { fg = "244" }
        accent = { fg = "39", attrs = ["bold"] }
        warning = { fg = "214" }
        info = { fg = "75" }
        border = { fg = "240" }
        title = { fg = "252" }
        selected = { fg = "purpleish", bg = "25" }
        """
        let dir = try themeFolder(["purple.toml": text])
        let path = dir + "/purple.toml"
        let result = ThemeLoader.load(named: "purple", searchPaths: [dir])
        #expect(result.theme == Theme.defaultDark)
        #expect(result.warnings == [
            "theme file \(path), line 12: unknown colour \"purpleish\" for role \"selected\" (use a name such as \"red\", a number 0-255 or \"#rrggbb\")",
        ])
    }

    @Test func unknownColourInASubTableIsFoundToo() throws {
        let text = """
        [styles]
        base = {}

        [styles."border.focused"]
        attrs = ["bold"]
        fg = "blurple"
        """
        let dir = try themeFolder(["t.toml": text])
        #expect {
            try ThemeLoader.load(file: dir + "/t.toml")
        } throws: { error in
            (error as? ThemeFileError)?.line == 6
        }
    }

    @Test func unknownAttributeIsAnError() throws {
        let dir = try themeFolder(["t.toml": "[styles]\nbase = {}\nerror = { attrs = [\"blink\"] }\n"])
        let result = ThemeLoader.load(named: "t", searchPaths: [dir])
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("line 3: unknown attribute \"blink\" for role \"error\""))
    }

    @Test func unknownRoleIsAWarningAndTheRestLoads() throws {
        let text = """
        name = "custom"
        [styles]
        base = { fg = "252" }
        selcted = { fg = "red" }
        error = { fg = "#ff0000", attrs = ["bold"] }
        """
        let dir = try themeFolder(["custom.toml": text])
        let result = ThemeLoader.load(named: "custom", searchPaths: [dir])
        #expect(result.theme.name == "custom")
        #expect(result.theme[.error] == Style(fg: .rgb(255, 0, 0), attrs: .bold))
        #expect(result.theme[.muted] == Style(fg: .indexed(252)))  // missing roles fall back to base
        #expect(result.warnings.count == 1)
        let warning = result.warnings.first ?? ""
        #expect(warning.contains(dir + "/custom.toml"))
        #expect(warning.contains("line 4"))
        #expect(warning.contains("unknown role \"selcted\""))
        #expect(warning.contains("did you mean \"selected\""))
    }

    @Test func missingThemeNameGivesDefaultAndListsThemes() throws {
        let dir = try themeFolder(["ocean.toml": "[styles]\nbase = {}\n"])
        let result = ThemeLoader.load(named: "solarized", searchPaths: [dir])
        #expect(result.theme == Theme.defaultDark)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("theme \"solarized\" not found"))
        #expect(result.warnings[0].contains("available themes: default, monochrome, ocean"))
    }

    @Test func builtInThemesWorkWithoutFiles() {
        #expect(ThemeLoader.load(named: nil, searchPaths: []).theme == Theme.defaultDark)
        #expect(ThemeLoader.load(named: nil, searchPaths: []).warnings.isEmpty)
        #expect(ThemeLoader.load(named: "monochrome", searchPaths: ["/nonexistent"]).theme == Theme.monochrome)
    }

    @Test func firstSearchPathWins() throws {
        let first = try themeFolder(["x.toml": "name = \"first\"\n[styles]\nbase = {}\n"])
        let second = try themeFolder(["x.toml": "name = \"second\"\n[styles]\nbase = {}\n"])
        #expect(ThemeLoader.load(named: "x", searchPaths: [first, second]).theme.name == "first")
    }

    @Test func formsOfRolesAndColours() throws {
        let text = """
        [styles]
        base = "bright-white"
        money.negative = { fg = "bright_red" }
        [styles.selected]
        fg = 231
        bg = "#005FAF"
        attrs = "reverse"
        [styles.selected.unfocused]
        bg = "grey"
        """
        let dir = try themeFolder(["forms.toml": text])
        let result = try ThemeLoader.loadReportingWarnings(file: dir + "/forms.toml")
        #expect(result.warnings == [])
        #expect(result.theme.name == "forms")
        #expect(result.theme[.base] == Style(fg: .brightWhite))
        #expect(result.theme[.moneyNegative] == Style(fg: .brightRed))
        #expect(result.theme[.selected] == Style(fg: .indexed(231), bg: .rgb(0, 0x5f, 0xaf), attrs: .reverse))
        #expect(result.theme[.selectedUnfocused] == Style(bg: .brightBlack))
    }

    @Test func unreadableFile() {
        #expect(throws: ThemeFileError(path: "/nonexistent/x.toml", line: nil, message: "does not exist")) {
            try ThemeLoader.load(file: "/nonexistent/x.toml")
        }
    }

    @Test func colourWords() {
        #expect(ThemeValues.color("default") == .default)
        #expect(ThemeValues.color("Red") == .red)
        #expect(ThemeValues.color("bright-white") == .brightWhite)
        #expect(ThemeValues.color("0") == .indexed(0))
        #expect(ThemeValues.color("255") == .indexed(255))
        #expect(ThemeValues.color("256") == nil)
        #expect(ThemeValues.color("#ff8000") == .rgb(255, 128, 0))
        #expect(ThemeValues.color("#ff80") == nil)
        #expect(ThemeValues.color("purpleish") == nil)
        #expect(ThemeValues.name(of: .rgb(255, 8, 0)) == "#ff0800")
        #expect(ThemeValues.name(of: .brightCyan) == "bright-cyan")
    }

    @Test func searchPathsInOrder() throws {
        let root = try themeFolder([:])
        let bin = root + "/.build/x86_64-unknown-linux-gnu/debug"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Themes", withIntermediateDirectories: true)
        let env = ["CCW_THEMES_DIR": "/custom", "HOME": "/home/u"]
        #expect(ThemeLoader.defaultSearchPaths(executablePath: bin + "/ccw", environment: env) == [
            "/custom", "/home/u/.config/ccw/themes", URL(fileURLWithPath: root + "/Themes").resolvingSymlinksInPath().path,
            "/usr/share/ccw/themes",
        ])
        let xdg = ThemeLoader.defaultSearchPaths(executablePath: "/nowhere/ccw", environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        #expect(xdg == ["/x/ccw/themes", "/usr/share/ccw/themes"])
    }
}
