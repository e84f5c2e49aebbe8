/// The characters used for borders, markers and charts. Unicode in UTF-8 locales, ASCII otherwise.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String, vertical: String
    public var topLeft: String, topRight: String, bottomLeft: String, bottomRight: String
    public var teeDown: String, teeUp: String, teeRight: String, teeLeft: String, cross: String
    public var ellipsis: String
    public var sortAscending: String, sortDescending: String
    public var selectedMark: String, unselectedMark: String
    public var pointer: String
    public var scrollTrack: String, scrollThumb: String
    /// Whether braille (U+2800) and block characters may be used for charts.
    public var braille: Bool
    /// Eight levels for sparklines and bar ends, lowest first (ASCII: " .:-=+*#").
    public var levels: [String]

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼", ellipsis: "…",
        sortAscending: "▲", sortDescending: "▼", selectedMark: "●", unselectedMark: "○", pointer: "›",
        scrollTrack: "│", scrollThumb: "█", braille: true,
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])

    /// Heavier border used for the focused pane in UTF-8 locales.
    public static let unicodeFocused: Glyphs = {
        var g = Glyphs.unicode
        g.horizontal = "━"; g.vertical = "┃"; g.topLeft = "┏"; g.topRight = "┓"
        g.bottomLeft = "┗"; g.bottomRight = "┛"
        return g
    }()

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+", ellipsis: "~",
        sortAscending: "^", sortDescending: "v", selectedMark: "*", unselectedMark: "o", pointer: ">",
        scrollTrack: "|", scrollThumb: "#", braille: false,
        levels: [" ", ".", ":", "-", "=", "+", "*", "#"])

    /// ASCII focused border: '=' and '#' so focus is visible without colour.
    public static let asciiFocused: Glyphs = {
        var g = Glyphs.ascii
        g.horizontal = "="; g.vertical = "#"; g.topLeft = "#"; g.topRight = "#"; g.bottomLeft = "#"; g.bottomRight = "#"
        return g
    }()

    public var isUnicode: Bool { horizontal == "─" || horizontal == "━" }
    /// The focused-border variant of this glyph set.
    public var focused: Glyphs { isUnicode ? .unicodeFocused : .asciiFocused }
}
