/// A named role that a theme gives a style to. Screens and widgets ask for roles, never colours.
public struct ThemeRole: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }

    public static let base: ThemeRole = "base"
    public static let muted: ThemeRole = "muted"
    public static let accent: ThemeRole = "accent"
    public static let selected: ThemeRole = "selected"
    public static let selectedUnfocused: ThemeRole = "selected.unfocused"
    public static let marked: ThemeRole = "marked"
    public static let error: ThemeRole = "error"
    public static let warning: ThemeRole = "warning"
    public static let success: ThemeRole = "success"
    public static let info: ThemeRole = "info"
    public static let border: ThemeRole = "border"
    public static let borderFocused: ThemeRole = "border.focused"
    public static let title: ThemeRole = "title"
    public static let header: ThemeRole = "header"
    public static let topBar: ThemeRole = "topbar"
    public static let tabActive: ThemeRole = "tab.active"
    public static let tabInactive: ThemeRole = "tab.inactive"
    public static let badge: ThemeRole = "badge"
    public static let statusBar: ThemeRole = "statusbar"
    public static let hintKey: ThemeRole = "hint.key"
    public static let hintText: ThemeRole = "hint.text"
    public static let input: ThemeRole = "input"
    public static let inputFocused: ThemeRole = "input.focused"
    public static let dialog: ThemeRole = "dialog"
    public static let toast: ThemeRole = "toast"
    public static let match: ThemeRole = "match"
    public static let moneyNegative: ThemeRole = "money.negative"
    public static let chart: ThemeRole = "chart"
    public static let chartAxis: ThemeRole = "chart.axis"

    /// Every role a theme file may name. An unknown key in a theme file is reported.
    public static let all: [ThemeRole] = [
        .base, .muted, .accent, .selected, .selectedUnfocused, .marked, .error, .warning, .success, .info,
        .border, .borderFocused, .title, .header, .topBar, .tabActive, .tabInactive, .badge, .statusBar,
        .hintKey, .hintText, .input, .inputFocused, .dialog, .toast, .match, .moneyNegative, .chart, .chartAxis,
    ]
}

/// A set of styles by role. Missing roles fall back to `base`.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) { self.name = name; self.styles = styles }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? styles[.base] ?? .plain }

    /// The built-in dark theme; also what the app falls back to when a theme file is broken.
    public static let defaultDark = Theme(name: "default", styles: [
        .base: Style(),
        .muted: Style(fg: .indexed(244)),
        .accent: Style(fg: .indexed(39), attrs: .bold),
        .selected: Style(fg: .indexed(231), bg: .indexed(25), attrs: .bold),
        .selectedUnfocused: Style(bg: .indexed(238)),
        .marked: Style(fg: .indexed(214), attrs: .bold),
        .error: Style(fg: .indexed(203), attrs: .bold),
        .warning: Style(fg: .indexed(214)),
        .success: Style(fg: .indexed(78)),
        .info: Style(fg: .indexed(75)),
        .border: Style(fg: .indexed(240)),
        .borderFocused: Style(fg: .indexed(39), attrs: .bold),
        .title: Style(fg: .indexed(252), attrs: .bold),
        .header: Style(fg: .indexed(250), bg: .indexed(236), attrs: .bold),
        .topBar: Style(fg: .indexed(252), bg: .indexed(235)),
        .tabActive: Style(fg: .indexed(231), bg: .indexed(25), attrs: .bold),
        .tabInactive: Style(fg: .indexed(248), bg: .indexed(235)),
        .badge: Style(fg: .indexed(16), bg: .indexed(214), attrs: .bold),
        .statusBar: Style(fg: .indexed(250), bg: .indexed(235)),
        .hintKey: Style(fg: .indexed(39), bg: .indexed(235), attrs: .bold),
        .hintText: Style(fg: .indexed(248), bg: .indexed(235)),
        .input: Style(fg: .indexed(252), bg: .indexed(237)),
        .inputFocused: Style(fg: .indexed(231), bg: .indexed(24), attrs: .underline),
        .dialog: Style(fg: .indexed(252), bg: .indexed(236)),
        .toast: Style(fg: .indexed(16), bg: .indexed(78)),
        .match: Style(fg: .indexed(214), attrs: [.bold, .underline]),
        .moneyNegative: Style(fg: .indexed(203)),
        .chart: Style(fg: .indexed(75)),
        .chartAxis: Style(fg: .indexed(244)),
    ])

    /// The built-in monochrome theme: attributes only, for NO_COLOR and colourless terminals.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .base: Style(), .muted: Style(attrs: .dim), .accent: Style(attrs: .bold),
        .selected: Style(attrs: .reverse), .selectedUnfocused: Style(attrs: .underline),
        .marked: Style(attrs: .bold), .error: Style(attrs: [.bold, .underline]), .warning: Style(attrs: .bold),
        .success: Style(), .info: Style(), .border: Style(), .borderFocused: Style(attrs: .bold),
        .title: Style(attrs: .bold), .header: Style(attrs: [.bold, .underline]), .topBar: Style(attrs: .reverse),
        .tabActive: Style(attrs: .bold), .tabInactive: Style(attrs: .reverse), .badge: Style(attrs: .bold),
        .statusBar: Style(attrs: .reverse), .hintKey: Style(attrs: [.reverse, .bold]), .hintText: Style(attrs: .reverse),
        .input: Style(attrs: .underline), .inputFocused: Style(attrs: [.reverse]), .dialog: Style(),
        .toast: Style(attrs: .reverse), .match: Style(attrs: [.bold, .underline]), .moneyNegative: Style(attrs: .bold),
        .chart: Style(), .chartAxis: Style(attrs: .dim),
    ])
}
