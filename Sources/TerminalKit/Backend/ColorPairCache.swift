/// Hands out curses colour pairs: a pair number per foreground/background combination, allocated on
/// first use and remembered. Pair 0 is the terminal's default colours and is never allocated.
/// When the terminal has no pairs left, a combination gets the closest pair already made (by
/// colour distance), so the screen stays readable instead of failing.
public struct ColorPairCache {
    public struct Colors: Hashable, Sendable {
        public var fg: Int16, bg: Int16
        public init(fg: Int16, bg: Int16) { self.fg = fg; self.bg = bg }
    }

    /// What `pair(for:)` decided.
    public struct Assignment: Hashable, Sendable {
        public var pair: Int16
        /// True when the caller must now define this pair (`init_pair`).
        public var isNew: Bool
    }

    /// How many pairs besides pair 0 may be allocated.
    public let capacity: Int
    private var pairs: [Colors: Int16] = [:]
    private var substitutes: [Colors: Int16] = [:]

    public init(capacity: Int) {
        self.capacity = max(0, min(capacity, Int(Int16.max)))
    }

    public var allocatedCount: Int { pairs.count }

    public mutating func pair(for colors: Colors) -> Assignment {
        if colors.fg < 0 && colors.bg < 0 { return Assignment(pair: 0, isNew: false) }
        if let existing = pairs[colors] ?? substitutes[colors] { return Assignment(pair: existing, isNew: false) }
        if pairs.count < capacity {
            let number = Int16(pairs.count + 1)
            pairs[colors] = number
            return Assignment(pair: number, isNew: true)
        }
        let substitute = nearestExisting(to: colors)
        substitutes[colors] = substitute
        return Assignment(pair: substitute, isNew: false)
    }

    /// Forgets every pair (after the terminal's pairs were reset).
    public mutating func reset() {
        pairs.removeAll()
        substitutes.removeAll()
    }

    private func nearestExisting(to colors: Colors) -> Int16 {
        var best: Int16 = 0
        var bestCost = Self.cost(colors.fg, -1) + Self.cost(colors.bg, -1)
        for (candidate, number) in pairs {
            let cost = Self.cost(colors.fg, candidate.fg) + Self.cost(colors.bg, candidate.bg)
            if cost < bestCost || (cost == bestCost && number < best) { best = number; bestCost = cost }
        }
        return best
    }

    /// Squared RGB distance between two curses colour numbers; the default colour (-1) is only
    /// close to itself.
    private static func cost(_ a: Int16, _ b: Int16) -> Int {
        if a == b { return 0 }
        if a < 0 || b < 0 { return 3 * 255 * 255 }
        let x = ColorDegrader.rgb(ofIndex: UInt8(clamping: a)), y = ColorDegrader.rgb(ofIndex: UInt8(clamping: b))
        let dr = Int(x.r) - Int(y.r), dg = Int(x.g) - Int(y.g), db = Int(x.b) - Int(y.b)
        return dr * dr + dg * dg + db * db
    }
}
