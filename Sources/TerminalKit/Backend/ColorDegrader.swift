import Foundation

/// Colours as the terminal can show them: `Color` values turned into curses colour numbers for a
/// colour mode. Pure functions, so the mapping is tested without a terminal.
public enum ColorDegrader {
    /// The six intensity steps of the xterm 6x6x6 colour cube (indices 16-231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's default RGB for the 16 ANSI colours. Terminals differ here; xterm's are the reference.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value of an xterm-256 colour index.
    public static func rgb(ofIndex index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = Int(index)
        if i < 16 {
            let c = ansiRGB[i]
            return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        }
        if i >= 232 {
            let v = UInt8(8 + 10 * (i - 232))
            return (v, v, v)
        }
        let n = i - 16
        return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
    }

    /// The nearest xterm-256 index to an RGB colour, chosen from the colour cube and the grey ramp
    /// (not from 0-15, whose actual look varies between terminals).
    public static func nearest256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        func nearestLevel(_ v: UInt8) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (ri, gi, bi) = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
        let cube = UInt8(16 + 36 * ri + 6 * gi + bi)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = UInt8(232 + greyStep)
        let target = (Int(r), Int(g), Int(b))
        return distance(rgb(ofIndex: grey), target) < distance(rgb(ofIndex: cube), target) ? grey : cube
    }

    /// The nearest of the 16 ANSI colours to an xterm-256 index (0-15 map to themselves).
    public static func nearest16(index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let c = rgb(ofIndex: index)
        return nearestANSI(Int(c.r), Int(c.g), Int(c.b), count: 16)
    }

    /// The nearest of the 16 ANSI colours to an RGB colour.
    public static func nearest16(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        nearestANSI(Int(r), Int(g), Int(b), count: 16)
    }

    /// A colour as an xterm-256 index, or nil for the terminal default.
    public static func index256(of color: Color) -> UInt8? {
        switch color {
        case .default: return nil
        case .ansi(let n): return n & 0x0F
        case .indexed(let n): return n
        case .rgb(let r, let g, let b): return nearest256(r: r, g: g, b: b)
        }
    }

    /// A colour as one of the 16 ANSI colours, or nil for the terminal default.
    public static func index16(of color: Color) -> UInt8? {
        switch color {
        case .default: return nil
        case .ansi(let n): return n & 0x0F
        case .indexed(let n): return nearest16(index: n)
        case .rgb(let r, let g, let b): return nearest16(r: r, g: g, b: b)
        }
    }

    /// Curses colour numbers (-1 = default) for a style's colours, plus attributes the degradation
    /// adds: on 8-colour terminals a bright foreground becomes its normal colour in bold. When both
    /// colours degrade to the same one the text would vanish, so the foreground turns black or white.
    public static func resolve(_ style: Style, mode: ColorMode, colorCount: Int) -> ResolvedColors {
        switch mode {
        case .monochrome:
            return ResolvedColors(fg: -1, bg: -1, extraAttributes: [])
        case .color256 where colorCount >= 256:
            let fg = index256(of: style.fg).map(Int16.init) ?? -1
            let bg = index256(of: style.bg).map(Int16.init) ?? -1
            return ResolvedColors(fg: fg, bg: bg, extraAttributes: [])
        case .color256, .ansi16:
            var fg = index16(of: style.fg).map { Int($0) } ?? -1
            var bg = index16(of: style.bg).map { Int($0) } ?? -1
            var extra: Attributes = []
            if colorCount < 16 {
                if fg >= 8 { fg -= 8; extra.insert(.bold) }
                if bg >= 8 { bg -= 8 }
            }
            if fg == bg, fg >= 0, style.fg != style.bg {
                let c = ansiRGB[bg]
                let dark = luminance(c.0, c.1, c.2) < 0.3
                fg = dark ? (colorCount < 16 ? 7 : 15) : 0
            }
            return ResolvedColors(fg: Int16(fg), bg: Int16(bg), extraAttributes: extra)
        }
    }

    /// Relative luminance (WCAG) of an RGB colour, 0 (black) to 1 (white).
    public static func luminance(_ r: Int, _ g: Int, _ b: Int) -> Double {
        func channel(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG contrast ratio between two RGB colours (1 to 21).
    public static func contrast(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (r: UInt8, g: UInt8, b: UInt8)) -> Double {
        let la = luminance(Int(a.r), Int(a.g), Int(a.b)), lb = luminance(Int(b.r), Int(b.g), Int(b.b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    private static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int) -> UInt8 {
        var best = 0, bestDistance = Int.max
        for i in 0..<count {
            let d = distance(ansiRGB[i], (r, g, b))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (Int, Int, Int)) -> Int {
        distance((Int(a.0), Int(a.1), Int(a.2)), b)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }
}

/// Curses colour numbers for one cell (-1 is the terminal's default colour).
public struct ResolvedColors: Hashable, Sendable {
    public var fg: Int16
    public var bg: Int16
    public var extraAttributes: Attributes
    public init(fg: Int16, bg: Int16, extraAttributes: Attributes = []) {
        self.fg = fg; self.bg = bg; self.extraAttributes = extraAttributes
    }
}
