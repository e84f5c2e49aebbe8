/// Wrapped text: lines of styled spans, wrapped at word boundaries by display width (a word longer
/// than the width is broken by character, never inside a wide character). Each line of `lines`
/// starts a new paragraph line; `scroll` skips wrapped lines from the top.
public struct Paragraph: Widget {
    public var lines: [[TextSpan]]
    public var theme: Theme
    public var baseRole: ThemeRole
    public var scroll: Int

    public init(_ lines: [[TextSpan]], theme: Theme, baseRole: ThemeRole = .base, scroll: Int = 0) {
        self.lines = lines; self.theme = theme; self.baseRole = baseRole; self.scroll = scroll
    }

    /// Plain text, one paragraph line per "\n".
    public init(text: String, theme: Theme, role: ThemeRole = .base) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map { [TextSpan(String($0))] }, theme: theme, baseRole: role)
    }


    /// The wrapped lines for `width`: each a list of (character, span index, span).
    func wrapped(width: Int) -> [[(Character, Int, TextSpan)]] {
        guard width > 0 else { return [] }
        var out: [[(Character, Int, TextSpan)]] = []
        for spans in lines {
            let chars = spans.enumerated().flatMap { k, s in s.text.map { ($0, k, s) } }
            if chars.isEmpty { out.append([]); continue }
            var line: [(Character, Int, TextSpan)] = [], lineWidth = 0
            var i = 0
            while i < chars.count {
                // Take the next word (with the spaces before it).
                var j = i
                while j < chars.count, chars[j].0 == " " { j += 1 }
                while j < chars.count, chars[j].0 != " " { j += 1 }
                let word = Array(chars[i..<j])
                let w = word.reduce(0) { $0 + DisplayWidth.of($1.0) }
                if lineWidth + w <= width {
                    line += word; lineWidth += w
                } else {
                    let trimmed = Array(word.drop { $0.0 == " " })
                    let tw = trimmed.reduce(0) { $0 + DisplayWidth.of($1.0) }
                    if !line.isEmpty { out.append(line); line = []; lineWidth = 0 }
                    if tw <= width {
                        line = trimmed; lineWidth = tw
                    } else {
                        for g in trimmed {
                            let cw = DisplayWidth.of(g.0)
                            if lineWidth + cw > width { out.append(line); line = []; lineWidth = 0 }
                            line.append(g); lineWidth += cw
                        }
                    }
                }
                i = j
            }
            out.append(line)
        }
        return out
    }

    /// Number of lines the text takes at `width` (for scrolling).
    public func lineCount(width: Int) -> Int { wrapped(width: width).count }

    public func render(_ area: Rect, on surface: Surface) {
        let area = area.intersection(surface.bounds)
        guard !area.isEmpty else { return }
        let base = theme[baseRole]
        surface.fillKeepingWide(area, style: base)
        let all = wrapped(width: area.width)
        for row in 0..<area.height {
            let i = scroll + row
            guard i >= 0, i < all.count else { continue }
            var x = area.x
            for (ch, _, span) in all[i] {
                x += surface.put(String(ch), x: x, y: area.y + row, style: span.style(over: base, theme: theme), maxX: area.maxX)
            }
        }
    }
}
