/// Writes RFC 4180 CSV, the counterpart of `CSVReader`: fields separated by commas, records
/// ended by CRLF, and a field quoted (its quotes doubled) only when it holds a comma, a quote,
/// a line break or leading/trailing space, so plain files stay plain and every file reads back
/// field for field.
public enum CSVWriter {
    /// One record with its CRLF line end.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when needed.
    public static func field(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func needsQuotes(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, first == " " || first == "\t" { return true }
        if let last = text.unicodeScalars.last, last == " " || last == "\t" { return true }
        return text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    }
}
