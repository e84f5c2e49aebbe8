/// How the lines of a `TextAreaState` wrap into screen rows of a given width.
///
/// Lines wrap at the last space that fits, or inside a word longer than the width; a wide
/// character (CJK, emoji) is never split across rows. The cursor needs one cell after the
/// text, so a line that exactly fills its last row gets an empty row after it for the cursor.
public struct TextAreaLayout: Hashable, Sendable {
    /// One screen row: a range of characters of one line.
    public struct Row: Hashable, Sendable {
        public var line: Int
        public var range: Range<Int>
    }

    public let width: Int
    public private(set) var rows: [Row] = []

    public init(lines: [[Character]], width: Int) {
        self.width = width
        for (index, line) in lines.enumerated() {
            rows += Self.segments(line, width: width).map { Row(line: index, range: $0) }
        }
    }

    /// The row the position stands in: the last row of its line that starts at or before it.
    public func row(of position: TextPosition) -> Int {
        var found = 0
        for (i, row) in rows.enumerated() where row.line <= position.line {
            if row.line < position.line || row.range.lowerBound <= position.column { found = i }
        }
        return found
    }

    /// Display cells from the start of the row to `column`.
    public static func cells(_ line: [Character], from start: Int, to column: Int) -> Int {
        guard start < column else { return 0 }
        return line[start..<min(column, line.count)].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The column of `row` closest to `x` cells from its start without passing it.
    public static func column(in line: [Character], row: Range<Int>, x: Int) -> Int {
        var used = 0
        var column = row.lowerBound
        while column < row.upperBound {
            let w = DisplayWidth.of(line[column])
            if used + w > x { break }
            used += w
            column += 1
        }
        return column
    }

    static func segments(_ line: [Character], width: Int) -> [Range<Int>] {
        guard width > 0 else { return [0..<line.count] }
        var result: [Range<Int>] = []
        var start = 0, used = 0
        var afterSpace: Int?  // index just after the last space of the current row
        var i = 0
        while i < line.count {
            let w = DisplayWidth.of(line[i])
            if used + w > width && i > start {
                let cut = afterSpace.map { $0 > start && $0 <= i ? $0 : i } ?? i
                result.append(start..<cut)
                start = cut
                used = cells(line, from: start, to: i)
                afterSpace = nil
                continue
            }
            used += w
            if line[i] == " " { afterSpace = i + 1 }
            i += 1
        }
        if used + 1 > width && start < line.count {
            result.append(start..<line.count)
            start = line.count
        }
        result.append(start..<line.count)
        return result
    }
}

/// A place in a multi-line text: line index and character (grapheme) index within the line.
public struct TextPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}
