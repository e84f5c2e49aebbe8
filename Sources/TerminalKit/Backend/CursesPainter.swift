import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes frames to curses: only the cells that changed since the last frame, each with its
/// attributes and a cached colour pair, then the cursor, then a single refresh.
final class CursesPainter {
    let mode: ColorMode
    private let colorCount: Int
    private let defaultColorsWork: Bool
    private let utf8: Bool
    private var pairs: ColorPairCache
    private var lastFrame: [Cell]?
    private var clearFirst = false
    private var cursorShown: Bool?

    init(mode: ColorMode, colorCount: Int, pairCapacity: Int, defaultColorsWork: Bool, utf8: Bool) {
        self.mode = mode
        self.colorCount = colorCount
        self.defaultColorsWork = defaultColorsWork
        self.utf8 = utf8
        self.pairs = ColorPairCache(capacity: mode == .monochrome ? 0 : pairCapacity)
    }

    /// The next frame clears the screen and writes every cell (Ctrl-L, resize).
    func invalidate() {
        lastFrame = nil
        clearFirst = true
    }

    func present(_ frame: Surface) {
        let window = ccw_stdscr()
        if clearFirst { clearok(window, true) }
        for write in FrameDiff.writes(from: lastFrame, to: frame) { put(write) }
        placeCursor(frame.cursor, in: frame.size)
        wrefresh(window)
        clearFirst = false
        let size = frame.size
        var cells: [Cell] = []
        cells.reserveCapacity(size.width * size.height)
        for y in 0..<size.height { for x in 0..<size.width { cells.append(frame.cell(at: x, y)) } }
        lastFrame = cells
    }

    private func put(_ write: CellWrite) {
        let colors = ColorDegrader.resolve(write.style, mode: mode, colorCount: colorCount)
        let attrs = Self.cursesAttributes(write.style.attrs.union(colors.extraAttributes))
        let pair = pairNumber(fg: colors.fg, bg: colors.bg)
        if let text = showable(write.text) {
            var chars = text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
            chars.append(0)
            _ = ccw_put_cell(Int32(write.y), Int32(write.x), chars, attrs, pair)
        } else {
            // The locale cannot show this character: a '?' in each cell it would have used.
            let question: [wchar_t] = [wchar_t(63), 0]
            for dx in 0..<max(1, DisplayWidth.of(write.text)) {
                _ = ccw_put_cell(Int32(write.y), Int32(write.x + dx), question, attrs, pair)
            }
        }
    }

    /// The text itself when the locale can show it, else nil. UTF-8 locales show everything.
    private func showable(_ text: String) -> String? {
        if utf8 || text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if ccw_wcwidth(wchar_t(bitPattern: scalar.value)) < 0 { return nil }
        }
        return text
    }

    private func placeCursor(_ cursor: Point?, in size: Size) {
        let window = ccw_stdscr()
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if cursorShown != true { curs_set(1); cursorShown = true }
        } else if cursorShown != false {
            curs_set(0)
            cursorShown = false
        }
    }

    private func pairNumber(fg: Int16, bg: Int16) -> Int16 {
        guard mode != .monochrome else { return 0 }
        let assignment = pairs.pair(for: ColorPairCache.Colors(fg: fg, bg: bg))
        if assignment.isNew {
            // Without default-colour support (-1), curses pair 0 is white on black: use those.
            let f = fg < 0 && !defaultColorsWork ? 7 : fg
            let b = bg < 0 && !defaultColorsWork ? 0 : bg
            if init_pair(assignment.pair, f, b) == ccw_err() { return 0 }
        }
        return assignment.pair
    }

    static func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var result = ccw_a_normal()
        if attributes.contains(.bold) { result |= ccw_a_bold() }
        if attributes.contains(.underline) { result |= ccw_a_underline() }
        if attributes.contains(.reverse) { result |= ccw_a_reverse() }
        if attributes.contains(.dim) { result |= ccw_a_dim() }
        if attributes.contains(.italic) { result |= ccw_a_italic() }
        return result
    }
}
