/// One cell the backend must write to the terminal.
public struct CellWrite: Hashable, Sendable {
    public var x: Int, y: Int
    /// What to draw: one grapheme, never empty, never a control character.
    public var text: String
    public var style: Style
    public init(x: Int, y: Int, text: String, style: Style) {
        self.x = x; self.y = y; self.text = text; self.style = style
    }
}

/// Compares a new frame with the one last written and lists only the cells that changed.
/// Wide characters are written whole from their first cell: a change in either half rewrites
/// the character, and a half without its partner (a torn wide character) is drawn as a space.
public enum FrameDiff {
    /// `previous` holds the last frame row by row (`width * height` cells) or is nil to write everything.
    public static func writes(from previous: [Cell]?, to frame: Surface) -> [CellWrite] {
        let width = frame.size.width, height = frame.size.height
        let previous = previous?.count == width * height ? previous : nil
        var out: [CellWrite] = []
        for y in 0..<max(0, height) {
            let row = (0..<width).map { frame.cell(at: $0, y) }
            func changed(_ x: Int) -> Bool {
                guard let previous else { return true }
                return previous[y * width + x] != row[x]
            }
            func isWideLead(_ x: Int) -> Bool {
                x >= 0 && x + 1 < width && !row[x].isContinuation && row[x + 1].isContinuation
                    && DisplayWidth.of(row[x].text) == 2
            }
            var x = 0
            while x < width {
                let cell = row[x]
                if cell.isContinuation {
                    // Reached only when the cell before it is not a whole wide character.
                    if changed(x) || (x > 0 && changed(x - 1)) {
                        out.append(CellWrite(x: x, y: y, text: " ", style: cell.style))
                    }
                    x += 1
                    continue
                }
                if isWideLead(x) {
                    if changed(x) || changed(x + 1) {
                        out.append(CellWrite(x: x, y: y, text: drawable(cell.text), style: cell.style))
                    }
                    x += 2
                    continue
                }
                if changed(x) || (x + 1 < width && changed(x + 1)) && DisplayWidth.of(cell.text) == 2 {
                    let text = DisplayWidth.of(cell.text) == 2 ? " " : drawable(cell.text)
                    out.append(CellWrite(x: x, y: y, text: text, style: cell.style))
                }
                x += 1
            }
        }
        return out
    }

    /// The cell's text made safe to hand to curses: empty and control text become a space, and a
    /// lone combining mark gets a space to sit on.
    public static func drawable(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return " " }
        if first.value < 0x20 || first.value == 0x7F || (first.value >= 0x80 && first.value < 0xA0) { return " " }
        if DisplayWidth.of(first) == 0 { return " " + text }
        return text
    }
}
