/// Extra symbols that widgets need beyond the shared `Glyphs` set, derived from it so that an
/// ASCII terminal always gets ASCII.
extension Glyphs {
    /// Marks more content to the left ("‹ 2 more").
    public var moreLeft: String { isUnicode ? "‹" : "<" }
    /// Marks more content to the right ("3 more ›").
    public var moreRight: String { isUnicode ? "›" : ">" }
    /// Marks more content above.
    public var moreAbove: String { isUnicode ? "↑" : "^" }
    /// Marks more content below.
    public var moreBelow: String { isUnicode ? "↓" : "v" }
    /// Separates parts of a header line ("12 deals · 84,200.00 EUR").
    public var dot: String { isUnicode ? "·" : "-" }
    /// Replaces each character of a masked (password) input.
    public var mask: String { isUnicode ? "•" : "*" }
    /// Collapsed and expanded tree nodes.
    public var treeCollapsed: String { isUnicode ? "▸" : "+" }
    public var treeExpanded: String { isUnicode ? "▾" : "-" }
    /// The accent bar on the left of a kanban card.
    public var cardBar: String { isUnicode ? "▌" : "|" }
    /// Choice fields show these around the value when they can be cycled.
    public var choiceLeft: String { isUnicode ? "‹" : "<" }
    public var choiceRight: String { isUnicode ? "›" : ">" }

    /// A badge count: circled digits ①-⑳ in Unicode, "(21)" beyond or in ASCII.
    public func badge(_ count: Int) -> String {
        if isUnicode, (1...20).contains(count), let s = Unicode.Scalar(0x2460 + UInt32(count - 1)) {
            return String(Character(s))
        }
        return "(\(count))"
    }

    /// Horizontal bar pieces, eighths of a cell, thinnest first; ASCII has only whole cells.
    public var barEighths: [String] {
        isUnicode ? ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] : ["#", "#", "#", "#", "#", "#", "#", "#"]
    }
    /// A full bar cell.
    public var barFull: String { isUnicode ? "█" : "#" }
}

/// How serious a message is. Every severity has a symbol as well as a colour, so a monochrome
/// terminal loses nothing.
public enum Severity: Hashable, Sendable, CaseIterable {
    case info, success, warning, error

    /// The theme role that colours this severity.
    public var role: ThemeRole {
        switch self {
        case .info: return .info
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }

    /// The symbol drawn before a message of this severity.
    public func symbol(_ glyphs: Glyphs) -> String {
        switch self {
        case .info: return glyphs.isUnicode ? "•" : "i"
        case .success: return glyphs.isUnicode ? "✓" : "+"
        case .warning: return "!"
        case .error: return glyphs.isUnicode ? "✗" : "x"
        }
    }
}

/// Horizontal placement of text in a cell range.
public enum HorizontalAlignment: Hashable, Sendable {
    case left, right, center
}
