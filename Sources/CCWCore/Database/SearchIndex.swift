import Foundation
import GRDB

/// Substring search with SQLite FTS5 and the trigram tokenizer, reusable by any table.
///
/// A migration calls `create(_:table:columns:)` once per searchable table: it builds an
/// external-content index `<table>_fts` over the given text columns (the text is not stored
/// twice) and triggers that keep it in step with inserts, updates and deletes. Queries call
/// `condition(table:columns:text:)`, which uses the index for terms of three characters or more
/// (a trigram index cannot answer shorter ones) and falls back to `LIKE` otherwise.
public enum SearchIndex {
    public static func ftsTable(for table: String) -> String { "\(table)_fts" }

    /// Creates the index and its triggers and fills it from the existing rows.
    public static func create(_ db: Database, table: String, columns: [String], rowid: String = "id") throws {
        precondition(!columns.isEmpty, "a search index needs at least one column")
        let fts = ftsTable(for: table)
        let list = columns.joined(separator: ", ")
        let newValues = columns.map { "new.\($0)" }.joined(separator: ", ")
        let oldValues = columns.map { "old.\($0)" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE VIRTUAL TABLE \(fts) USING fts5(\(list), content='\(table)', content_rowid='\(rowid)', tokenize='trigram');
            CREATE TRIGGER \(fts)_after_insert AFTER INSERT ON \(table) BEGIN
                INSERT INTO \(fts)(rowid, \(list)) VALUES (new.\(rowid), \(newValues));
            END;
            CREATE TRIGGER \(fts)_after_delete AFTER DELETE ON \(table) BEGIN
                INSERT INTO \(fts)(\(fts), rowid, \(list)) VALUES ('delete', old.\(rowid), \(oldValues));
            END;
            CREATE TRIGGER \(fts)_after_update AFTER UPDATE OF \(list) ON \(table) BEGIN
                INSERT INTO \(fts)(\(fts), rowid, \(list)) VALUES ('delete', old.\(rowid), \(oldValues));
                INSERT INTO \(fts)(rowid, \(list)) VALUES (new.\(rowid), \(newValues));
            END;
            INSERT INTO \(fts)(\(fts)) VALUES ('rebuild');
            """)
    }

    /// The search terms of user text: split on white space, empty pieces dropped.
    public static func terms(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// A MATCH expression that finds rows containing every term as a substring, or nil when a
    /// term is shorter than three characters (use `LIKE` then). Each term is a quoted FTS5
    /// string with embedded double quotes doubled, so no user text is read as FTS syntax.
    public static func matchExpression(_ text: String) -> String? {
        let terms = terms(text)
        guard !terms.isEmpty, terms.allSatisfy({ $0.count >= 3 }) else { return nil }
        return terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    /// `%term%` with `%`, `_` and `\` escaped for `LIKE … ESCAPE '\'`.
    public static func likePattern(_ term: String) -> String {
        var escaped = ""
        for char in term {
            if char == "%" || char == "_" || char == "\\" { escaped.append("\\") }
            escaped.append(char)
        }
        return "%\(escaped)%"
    }

    /// A condition on rows of `table` (named `alias` in the query) true when every term of
    /// `text` occurs in one of `columns`. Nil for blank text (no filter).
    public static func condition(table: String, alias: String? = nil, columns: [String], text: String,
                                 rowid: String = "id") -> SQL? {
        let terms = terms(text)
        guard !terms.isEmpty else { return nil }
        let qualifier = alias ?? table
        if let match = matchExpression(text) {
            let fts = ftsTable(for: table)
            return SQL(sql: "\(qualifier).\(rowid) IN (SELECT rowid FROM \(fts) WHERE \(fts) MATCH ?)", arguments: [match])
        }
        let perTerm = terms.map { term -> SQL in
            let pattern = likePattern(term)
            let ors = columns.map { "\(qualifier).\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
            return SQL(sql: "(\(ors))", arguments: StatementArguments(Array(repeating: pattern, count: columns.count)))
        }
        return perTerm.joined(separator: " AND ")
    }

    /// A test of one row that holds exactly when the trigram index would return the row for
    /// `text` (every term a substring of one of `columns`), or nil when `text` has a term the
    /// test cannot answer exactly: one shorter than three characters, or one with a character
    /// outside ASCII.
    ///
    /// The trigram tokenizer folds case by Unicode; `LIKE` folds ASCII only. For a term of
    /// ASCII characters the two agree except for the two characters outside ASCII that the
    /// tokenizer folds into ASCII letters, the Kelvin sign (to k) and the long s (to s),
    /// which the test replaces in the column before comparing (checked over every code point
    /// in `SearchIndexTests`).
    public static func rowTest(qualifier: String, columns: [String], text: String) -> SQL? {
        guard matchExpression(text) != nil else { return nil }
        let terms = terms(text)
        guard terms.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) }) else { return nil }
        let perTerm = terms.map { term -> SQL in
            let lower = term.lowercased()
            let ors = columns.map { column -> String in
                var value = "\(qualifier).\(column)"
                for (folded, ascii) in foldedIntoASCII where lower.contains(ascii) {
                    value = "replace(\(value), '\(folded)', '\(ascii)')"
                }
                return "\(value) LIKE ? ESCAPE '\\'"
            }.joined(separator: " OR ")
            return SQL(sql: "(\(ors))", arguments: StatementArguments(Array(repeating: likePattern(term), count: columns.count)))
        }
        return perTerm.joined(separator: " AND ")
    }

    /// The characters outside ASCII that the trigram tokenizer folds into an ASCII letter.
    static let foldedIntoASCII: [(folded: Character, ascii: Character)] = [("\u{212A}", "k"), ("\u{017F}", "s")]
}
