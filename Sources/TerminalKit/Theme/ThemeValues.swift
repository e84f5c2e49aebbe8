import Foundation

/// The words a theme file uses for colours and attributes, both ways.
public enum ThemeValues {
    /// The 16 ANSI colour names, in colour-number order.
    public static let colorNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Attribute names as written in `attrs = [...]`.
    public static let attributeNames: [(name: String, value: Attributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim), ("italic", .italic),
    ]

    /// Parses `default`, a colour name (`red`, `bright-red`; `_` or no separator also accepted,
    /// `grey`/`gray` for bright-black), a number `0`-`255`, or `#rrggbb`. Nil when it is none of those.
    public static func color(_ text: String) -> Color? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" { return .default }
        if t.hasPrefix("#") { return hexColor(t.dropFirst()) }
        if let n = Int(t) { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        var name = t.replacingOccurrences(of: "_", with: "-")
        if name.hasPrefix("bright"), !name.hasPrefix("bright-") { name = "bright-" + name.dropFirst("bright".count) }
        if name == "grey" || name == "gray" { name = "bright-black" }
        if let i = colorNames.firstIndex(of: name) { return .ansi(UInt8(i)) }
        return nil
    }

    /// The theme-file spelling of a colour.
    public static func name(of color: Color) -> String {
        switch color {
        case .default: return "default"
        case .ansi(let n): return colorNames[Int(n & 0x0F)]
        case .indexed(let n): return String(n)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }

    /// Parses one attribute name.
    public static func attribute(_ text: String) -> Attributes? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return attributeNames.first { $0.name == t }?.value
    }

    private static func hexColor(_ hex: Substring) -> Color? {
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
