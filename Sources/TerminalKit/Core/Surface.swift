/// What widgets draw on: a grid of cells. One implementation keeps cells in memory (tests,
/// benchmarks); the ncurses one keeps a back buffer and flushes only what changed to the terminal.
public protocol Surface: AnyObject {
    var size: Size { get }
    /// Border and chart characters suitable for this terminal (Unicode or ASCII).
    var glyphs: Glyphs { get }
    /// Reads a cell; out of range returns a blank cell.
    func cell(at x: Int, _ y: Int) -> Cell
    /// Writes a cell; out of range is ignored. Callers use `put`, which keeps wide characters whole.
    func setCell(_ cell: Cell, at x: Int, _ y: Int)
    /// Where the terminal cursor should be shown after the frame (nil hides it).
    var cursor: Point? { get set }
}

extension Surface {
    public var bounds: Rect { Rect(size: size) }

    /// Draws `text` starting at (x, y), never past `maxX` (exclusive; defaults to the surface edge).
    /// Wide characters that do not fit whole are replaced by a space. Returns the cells used.
    @discardableResult
    public func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? size.width, size.width)
        guard y >= 0, y < size.height else { return 0 }
        var cx = x
        for ch in text {
            if cx >= limit { break }
            var w = DisplayWidth.of(ch)
            if w == 0 {
                // Combining mark or control: attach a combining mark to the previous cell, drop controls.
                if cx > x, cx - 1 >= 0, !(ch.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) {
                    var prev = cell(at: cx - 1, y)
                    if prev.isContinuation, cx - 2 >= 0 { prev = cell(at: cx - 2, y); prev.text.append(ch); setCell(prev, at: cx - 2, y) }
                    else { prev.text.append(ch); setCell(prev, at: cx - 1, y) }
                }
                continue
            }
            if cx < 0 { cx += w; continue }
            if w == 2 && cx + 1 >= limit {
                setCell(Cell(" ", style: style), at: cx, y); cx += 1; break
            }
            clearWideNeighbours(at: cx, y)
            setCell(Cell(String(ch), style: style), at: cx, y)
            if w == 2 {
                clearWideNeighbours(at: cx + 1, y)
                setCell(Cell("", style: style, isContinuation: true), at: cx + 1, y)
            }
            if w > 2 { w = 2 }
            cx += w
        }
        return cx - x
    }

    /// When overwriting half of a wide character, blank its other half so no torn glyph remains.
    private func clearWideNeighbours(at x: Int, _ y: Int) {
        let here = cell(at: x, y)
        if here.isContinuation, x > 0 {
            var left = cell(at: x - 1, y); left.text = " "; setCell(left, at: x - 1, y)
        } else if DisplayWidth.of(here.text) == 2, x + 1 < size.width {
            var right = cell(at: x + 1, y); right.text = " "; right.isContinuation = false; setCell(right, at: x + 1, y)
        }
    }

    /// Draws `text` in `rect`'s first row, truncated with an ellipsis and padded to the width.
    public func put(_ text: String, in rect: Rect, style: Style = .plain, alignRight: Bool = false) {
        guard !rect.isEmpty else { return }
        put(text.padded(toWidth: rect.width, alignRight: alignRight, ellipsis: glyphs.ellipsis),
            x: rect.x, y: rect.y, style: style, maxX: rect.maxX)
    }

    /// Fills `rect` with a character (a space by default) in `style`.
    public func fill(_ rect: Rect, _ text: String = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { setCell(Cell(text, style: style), at: x, y) } }
    }

    /// Lays a style over every cell of `rect`, keeping the text (used for selection highlights).
    public func restyle(_ rect: Rect, with overlay: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                var c = cell(at: x, y); c.style = c.style.patched(with: overlay); setCell(c, at: x, y)
            }
        }
    }

    /// Draws a border around `rect` with an optional title on the top edge.
    public func box(_ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil, focused: Bool = false) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = focused ? glyphs.focused : glyphs
        let hline = String(repeating: g.horizontal, count: rect.width - 2)
        put(g.topLeft + hline + g.topRight, x: rect.x, y: rect.y, style: style)
        put(g.bottomLeft + hline + g.bottomRight, x: rect.x, y: rect.maxY - 1, style: style)
        if rect.height > 2 {
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                put(g.vertical, x: rect.x, y: y, style: style)
                put(g.vertical, x: rect.maxX - 1, y: y, style: style)
            }
        }
        if let title, !title.isEmpty, rect.width > 4 {
            let t = " " + title.truncated(toWidth: rect.width - 4, ellipsis: glyphs.ellipsis) + " "
            put(t, x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxX: rect.maxX - 1)
        }
    }

    /// The whole surface as plain text lines (continuation cells omitted), for tests and snapshots.
    public func textLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { let c = cell(at: x, y); if !c.isContinuation { line += c.text } }
            return line
        }
    }
}

/// An in-memory grid of cells: the test backend and the ncurses back buffer.
public final class MemorySurface: Surface {
    public private(set) var size: Size
    public var glyphs: Glyphs
    public var cursor: Point?
    private var cells: [Cell]

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.size = Size(width: width, height: height)
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank, count: max(0, width * height))
    }

    public func cell(at x: Int, _ y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    public func setCell(_ cell: Cell, at x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        cells[y * size.width + x] = cell
    }

    /// Resizes (clearing the content).
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        cells = Array(repeating: .blank, count: max(0, width * height))
    }

    public func clear() {
        for i in cells.indices { cells[i] = .blank }
        cursor = nil
    }

    /// The screen as text with trailing spaces removed, one line per row: the snapshot format.
    public func snapshot() -> String {
        textLines().map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }.joined(separator: "\n") + "\n"
    }
}
