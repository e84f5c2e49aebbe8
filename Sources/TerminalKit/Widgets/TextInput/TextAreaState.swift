/// The text, cursor and vertical scroll of a multi-line text area (an email body, notes).
///
/// Lines are arrays of grapheme clusters (Swift `Character`s), so accents, combining marks,
/// CJK and emoji are edited whole; wrapping and vertical moves go by display width
/// (`TextAreaLayout`). `TextArea` calls `fit(width:height:)` when it draws, which keeps the
/// cursor visible and tells Up/Down and PgUp/PgDn how wide and tall the view is.
public struct TextAreaState: Hashable, Sendable {
    private var lines: [[Character]]
    public private(set) var cursor: TextPosition
    /// The first screen row shown.
    public private(set) var scroll = 0
    /// The size of the last drawing (0 before the first).
    public private(set) var viewWidth = 0
    public private(set) var viewHeight = 0
    /// The display column Up/Down aim for, kept across vertical moves.
    private var goalX: Int?

    public init(_ text: String = "") {
        lines = Self.split(text)
        cursor = TextPosition(line: 0, column: 0)
    }

    /// The text, lines joined with "\n". Setting it puts the cursor at the start.
    public var text: String {
        get { lines.map { String($0) }.joined(separator: "\n") }
        set { lines = Self.split(newValue); cursor = TextPosition(line: 0, column: 0); scroll = 0; goalX = nil }
    }

    public var lineCount: Int { lines.count }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    /// The characters of every line, for drawing.
    public var characters: [[Character]] { lines }

    // MARK: Editing

    /// Inserts text at the cursor; line breaks in it start new lines, other control characters are dropped.
    public mutating func insert(_ text: String) {
        let pieces = Self.split(text)
        let line = lines[cursor.line]
        let head = Array(line[..<cursor.column]), tail = Array(line[cursor.column...])
        if pieces.count == 1 {
            lines[cursor.line] = head + pieces[0] + tail
            cursor.column += pieces[0].count
        } else {
            var new = [head + pieces[0]] + pieces.dropFirst().dropLast()
            new.append(pieces.last! + tail)
            lines.replaceSubrange(cursor.line...cursor.line, with: new)
            cursor = TextPosition(line: cursor.line + pieces.count - 1, column: pieces.last!.count)
        }
        goalX = nil
    }

    /// Splits the line at the cursor (Enter).
    public mutating func newLine() { insert("\n") }

    /// Deletes the character before the cursor, or joins the line with the one above at its start.
    @discardableResult public mutating func backspace() -> Bool {
        goalX = nil
        if cursor.column > 0 {
            lines[cursor.line].remove(at: cursor.column - 1)
            cursor.column -= 1
            return true
        }
        guard cursor.line > 0 else { return false }
        let previous = lines[cursor.line - 1].count
        lines[cursor.line - 1] += lines.remove(at: cursor.line)
        cursor = TextPosition(line: cursor.line - 1, column: previous)
        return true
    }

    /// Deletes the character under the cursor, or joins the next line at the end of a line.
    @discardableResult public mutating func deleteForward() -> Bool {
        goalX = nil
        if cursor.column < lines[cursor.line].count {
            lines[cursor.line].remove(at: cursor.column)
            return true
        }
        guard cursor.line + 1 < lines.count else { return false }
        lines[cursor.line] += lines.remove(at: cursor.line + 1)
        return true
    }

    /// Deletes from the start of the previous word to the cursor (Ctrl-W); at a line's start, joins.
    public mutating func deleteWordBackward() {
        guard cursor.column > 0 else { backspace(); return }
        let line = lines[cursor.line]
        var i = cursor.column
        while i > 0, !line[i - 1].isWordCharacter { i -= 1 }
        while i > 0, line[i - 1].isWordCharacter { i -= 1 }
        lines[cursor.line].removeSubrange(i..<cursor.column)
        cursor.column = i
        goalX = nil
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K); at the end, joins the next line.
    public mutating func deleteToLineEnd() {
        if cursor.column == lines[cursor.line].count { deleteForward(); return }
        lines[cursor.line].removeSubrange(cursor.column...)
        goalX = nil
    }

    // MARK: Moving

    public mutating func moveLeft() {
        goalX = nil
        if cursor.column > 0 { cursor.column -= 1 } else if cursor.line > 0 {
            cursor = TextPosition(line: cursor.line - 1, column: lines[cursor.line - 1].count)
        }
    }

    public mutating func moveRight() {
        goalX = nil
        if cursor.column < lines[cursor.line].count { cursor.column += 1 } else if cursor.line + 1 < lines.count {
            cursor = TextPosition(line: cursor.line + 1, column: 0)
        }
    }

    public mutating func moveLineStart() { cursor.column = 0; goalX = nil }
    public mutating func moveLineEnd() { cursor.column = lines[cursor.line].count; goalX = nil }
    public mutating func moveTextStart() { cursor = TextPosition(line: 0, column: 0); goalX = nil }
    public mutating func moveTextEnd() { cursor = TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count); goalX = nil }

    /// Puts the cursor at a position (clamped to the text).
    public mutating func setCursor(_ position: TextPosition) {
        let line = min(max(0, position.line), lines.count - 1)
        cursor = TextPosition(line: line, column: min(max(0, position.column), lines[line].count))
        goalX = nil
    }

    /// Moves `rows` screen rows down (negative: up), keeping the display column; returns false
    /// when it could not move (first or last row).
    @discardableResult public mutating func moveRows(_ rows: Int) -> Bool {
        let layout = TextAreaLayout(lines: lines, width: viewWidth)
        let current = layout.row(of: cursor)
        let here = layout.rows[current]
        let x = goalX ?? TextAreaLayout.cells(lines[here.line], from: here.range.lowerBound, to: cursor.column)
        let target = min(max(0, current + rows), layout.rows.count - 1)
        guard target != current else { return false }
        let row = layout.rows[target]
        var column = TextAreaLayout.column(in: lines[row.line], row: row.range, x: x)
        // On a row that continues on the next, stop before the wrap point so the cursor stays on it.
        let continues = target + 1 < layout.rows.count && layout.rows[target + 1].line == row.line
        if continues && column == row.range.upperBound && column > row.range.lowerBound { column -= 1 }
        cursor = TextPosition(line: row.line, column: column)
        goalX = x
        return true
    }

    /// Applies an editing key: characters, Enter (new line), Backspace/Delete (joining lines),
    /// arrows, Home/End (line), Ctrl-Home/Ctrl-End (text), PgUp/PgDn, Ctrl-A/E/K/W/U-free
    /// shortcuts. Returns whether the key was used; Tab, Esc and Ctrl-S are left to the owner.
    public mutating func handle(_ key: KeyEvent) -> Bool {
        if let c = key.typedCharacter {
            guard !c.isControlCharacter else { return false }
            insert(String(c)); return true
        }
        let ctrl = key.modifiers.contains(.ctrl)
        let page = max(1, viewHeight - 1)
        switch key.key {
        case .enter: newLine()
        case .backspace: if ctrl || key.modifiers.contains(.alt) { deleteWordBackward() } else { backspace() }
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .up: if !moveRows(-1) { moveLineStart() }
        case .down: if !moveRows(1) { moveLineEnd() }
        case .pageUp: if !moveRows(-page) { moveTextStart() }
        case .pageDown: if !moveRows(page) { moveTextEnd() }
        case .home: if ctrl { moveTextStart() } else { moveLineStart() }
        case .end: if ctrl { moveTextEnd() } else { moveLineEnd() }
        case .char(let c) where ctrl:
            switch c {
            case "a": moveLineStart()
            case "e": moveLineEnd()
            case "k": deleteToLineEnd()
            case "w": deleteWordBackward()
            case "h": backspace()
            case "d": deleteForward()
            default: return false
            }
        default: return false
        }
        return true
    }

    /// Remembers the view's size and scrolls so the cursor's row is visible. Returns the layout
    /// to draw (rows `scroll ..< scroll + height`).
    public mutating func fit(width: Int, height: Int) -> TextAreaLayout {
        viewWidth = max(0, width)
        viewHeight = max(0, height)
        let layout = TextAreaLayout(lines: lines, width: viewWidth)
        let row = layout.row(of: cursor)
        if row < scroll { scroll = row }
        if height > 0, row >= scroll + height { scroll = row - height + 1 }
        scroll = max(0, min(scroll, max(0, layout.rows.count - max(1, height))))
        return layout
    }

    static func split(_ text: String) -> [[Character]] {
        // "\r\n" is one Character and a newline, like "\n" and "\r"; a tab becomes four spaces.
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { piece in
            piece.flatMap { c -> [Character] in c == "\t" ? Array(repeating: " ", count: 4) : c.isControlCharacter ? [] : [c] }
        }
    }
}
