import Testing
@testable import TerminalKit

/// Every role must be readable: its text against its background, after it is laid over `base`
/// (the way widgets combine styles), with the terminal's own colours standing in for "default".
@Suite("Theme contrast")
struct ThemeContrastTests {
    typealias RGB = (r: UInt8, g: UInt8, b: UInt8)

    /// Roles that are lines and marks rather than text to read get the WCAG non-text minimum.
    static let decorative: Set<ThemeRole> = [.border, .chartAxis]

    static func rgb(_ color: Color, default fallback: RGB) -> RGB {
        switch color {
        case .default: return fallback
        case .ansi(let n), .indexed(let n): return ColorDegrader.rgb(ofIndex: n)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    static func worstRoles(_ theme: Theme, terminalFg: RGB, terminalBg: RGB) -> [String] {
        var failures: [String] = []
        for role in ThemeRole.all {
            let style = role == .base ? theme[.base] : theme[.base].patched(with: theme[role])
            var fg = rgb(style.fg, default: terminalFg), bg = rgb(style.bg, default: terminalBg)
            if style.attrs.contains(.reverse) { swap(&fg, &bg) }
            let ratio = ColorDegrader.contrast(fg, bg)
            let minimum = decorative.contains(role) ? 2.5 : 4.5
            if ratio < minimum { failures.append("\(role): \(ratio)") }
        }
        return failures
    }

    static let black: RGB = (0, 0, 0), white: RGB = (255, 255, 255), lightGrey: RGB = (229, 229, 229)

    @Test func defaultThemeIsReadableOnADarkTerminal() throws {
        let theme = try ThemeLoader.load(file: repositoryThemes + "/default.toml")
        #expect(Self.worstRoles(theme, terminalFg: Self.lightGrey, terminalBg: Self.black) == [])
    }

    @Test func lightThemeIsReadableWhateverTheTerminalBackground() throws {
        let theme = try ThemeLoader.load(file: repositoryThemes + "/light.toml")
        #expect(Self.worstRoles(theme, terminalFg: Self.black, terminalBg: Self.white) == [])
        #expect(Self.worstRoles(theme, terminalFg: Self.lightGrey, terminalBg: Self.black) == [])
        let bg = Self.rgb(theme[.base].bg, default: Self.black)
        #expect(ColorDegrader.luminance(Int(bg.r), Int(bg.g), Int(bg.b)) > 0.8, "the light theme paints its own light background")
    }

    @Test func highContrastThemeIsVeryReadable() throws {
        let theme = try ThemeLoader.load(file: repositoryThemes + "/high-contrast.toml")
        #expect(Self.worstRoles(theme, terminalFg: Self.lightGrey, terminalBg: Self.white) == [])
        #expect(Self.worstRoles(theme, terminalFg: Self.white, terminalBg: Self.black) == [])
    }
}
