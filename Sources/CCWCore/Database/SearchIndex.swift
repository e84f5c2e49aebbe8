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
}
