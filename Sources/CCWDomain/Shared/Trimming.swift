import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces` with
    /// `newlines: false`) that returns the text itself, without going through Foundation,
    /// when it starts and ends with a visible ASCII character (then nothing can be trimmed).
    /// Imports trim every field of every row, and most fields need nothing.
    func trimmed(newlines: Bool = true) -> String {
        if let first = utf8.first, let last = utf8.last,
           first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F {
            return self
        }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
