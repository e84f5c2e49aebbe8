/// One record of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    /// The physical line (1-based) where the record starts; a record with a quoted line break
    /// spans several lines and is named by its first.
    public var line: Int
    public var fields: [String]
    /// A quoting mistake confined to this record (a stray quote inside an unquoted field, or
    /// text after a closing quote); the record is read anyway and an import reports it as a
    /// bad row.
    public var problem: String?
}

/// A mistake that stops reading the whole file.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// A small RFC 4180 reader: a pure function from text to records.
///
/// - Fields are separated by `delimiter` (`,` by default; `;` and tab for files from
///   spreadsheets in locales that write decimal commas, see `detectDelimiter`).
/// - A field that starts with `"` is quoted: it may contain delimiters, line breaks and
///   `""` for one quote, and ends at the next lone `"`.
/// - Records end at CRLF, LF or a lone CR; a final line break does not start a record.
/// - A UTF-8 byte order mark at the start is dropped.
/// - Blank lines are skipped (they are counted for line numbers).
/// - A quoted field never closed throws `CSVError` naming the line where it opened, since
///   everything after it would be misread. Smaller mistakes (a `"` inside an unquoted field,
///   text after a closing quote) keep the text and set the record's `problem`.
///
/// Works on Unicode scalars, so `\r\n` is seen as two characters and accents stay whole.
public enum CSVReader {
    public static func read(_ text: String, delimiter: Character = ",") throws -> [CSVRecord] {
        let separator = delimiter.unicodeScalars.first!
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var problem: String?
        var fieldStarted = false // anything (even an empty quoted field) was read for this record
        var index = scalars.startIndex

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty && !fieldStarted
            if !blank { records.append(CSVRecord(line: recordLine, fields: fields, problem: problem)) }
            fields = []
            problem = nil
            fieldStarted = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            // A quote opens a quoted field only at the very start of a field.
            if scalar == "\"" && field.isEmpty {
                // Quoted field.
                fieldStarted = true
                let openedAt = line
                index = scalars.index(after: index)
                var closed = false
                while index < scalars.endIndex {
                    let c = scalars[index]
                    if c == "\"" {
                        let next = scalars.index(after: index)
                        if next < scalars.endIndex && scalars[next] == "\"" {
                            field.append("\"")
                            index = scalars.index(after: next)
                            continue
                        }
                        index = next
                        closed = true
                        break
                    }
                    if c == "\r" {
                        let next = scalars.index(after: index)
                        if next < scalars.endIndex && scalars[next] == "\n" { field.append("\r"); index = next; continue }
                        line += 1
                    } else if c == "\n" {
                        line += 1
                    }
                    field.append(c)
                    index = scalars.index(after: index)
                }
                guard closed else {
                    throw CSVError(line: openedAt, message: "a quoted field opened here is never closed (a \" is missing)")
                }
                // After the closing quote only a delimiter or a line end may follow.
                if index < scalars.endIndex, scalars[index] != separator, scalars[index] != "\r", scalars[index] != "\n" {
                    if problem == nil { problem = "field \(fields.count + 1): text after the closing quote" }
                    while index < scalars.endIndex, scalars[index] != separator, scalars[index] != "\r", scalars[index] != "\n" {
                        field.append(scalars[index])
                        index = scalars.index(after: index)
                    }
                }
                continue
            }
            if scalar == separator {
                fieldStarted = true
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                let next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { index = next }
                endRecord()
                line += 1
                recordLine = line
            } else {
                if scalar == "\"" && problem == nil {
                    problem = "field \(fields.count + 1): a quote inside an unquoted field (quote the whole field and double the quote)"
                }
                fieldStarted = true
                field.append(scalar)
            }
            index = scalars.index(after: index)
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Picks `,`, `;` or tab by counting them outside quotes in the first line (the header);
    /// comma when none appears.
    public static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle(); continue }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, let key = counts.keys.first(where: { $0.unicodeScalars.first == scalar }) { counts[key]! += 1 }
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > 0 ? best.key : ","
    }
}
