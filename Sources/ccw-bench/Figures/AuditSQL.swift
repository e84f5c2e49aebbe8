import CCWCore

/// The SQL text that `AuditTrail` (CCWCore/Audit) sends for the audit grid, with the values
/// written in, so the `sqlite3` shell can run the very same statements as the baseline and
/// `EXPLAIN QUERY PLAN` can show how SQLite answers them. Keep in step with
/// `AuditTrail.page(after:)`, `page(before:)`, `lastPage` and `count`.
struct AuditSQL {
    let orgId: Int64
    /// The text filter as the core writes it (FTS MATCH for terms of 3+ characters, else LIKE).
    var text: String?

    /// How the keyset cursor condition is written.
    enum CursorForm {
        /// What the core writes today: `at < X OR (at = X AND id < Y)`.
        case orExpansion
        /// The row-value form proposed for the core: `(at, id) < (X, Y)`.
        case rowValue
    }

    var conditions: String {
        var sql = "audit_log.org_id = \(orgId)"
        guard let text, !SearchIndex.terms(text).isEmpty else { return sql }
        if let match = SearchIndex.matchExpression(text) {
            sql += " AND audit_log.id IN (SELECT rowid FROM audit_log_fts WHERE audit_log_fts MATCH \(Self.quote(match)))"
        } else {
            let perTerm = SearchIndex.terms(text).map { term -> String in
                let pattern = Self.quote(SearchIndex.likePattern(term))
                return "(" + ["summary", "entity", "login"].map { "audit_log.\($0) LIKE \(pattern) ESCAPE '\\'" }
                    .joined(separator: " OR ") + ")"
            }
            sql += " AND " + perTerm.joined(separator: " AND ")
        }
        return sql
    }

    func count() -> String { "SELECT COUNT(*) FROM audit_log WHERE \(conditions)" }

    func first(limit: Int) -> String {
        "SELECT * FROM audit_log WHERE \(conditions) ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT \(limit)"
    }

    /// The page below (older than) `cursor`.
    func after(_ cursor: AuditCursor, limit: Int, form: CursorForm = .orExpansion) -> String {
        let keyset = switch form {
        case .orExpansion: "(audit_log.at < \(cursor.at) OR (audit_log.at = \(cursor.at) AND audit_log.id < \(cursor.id)))"
        case .rowValue: "(audit_log.at, audit_log.id) < (\(cursor.at), \(cursor.id))"
        }
        return "SELECT * FROM audit_log WHERE \(conditions) AND \(keyset) ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT \(limit)"
    }

    /// The page above (newer than) `cursor`, read upwards.
    func before(_ cursor: AuditCursor, limit: Int, form: CursorForm = .orExpansion) -> String {
        let keyset = switch form {
        case .orExpansion: "(audit_log.at > \(cursor.at) OR (audit_log.at = \(cursor.at) AND audit_log.id > \(cursor.id)))"
        case .rowValue: "(audit_log.at, audit_log.id) > (\(cursor.at), \(cursor.id))"
        }
        return "SELECT * FROM audit_log WHERE \(conditions) AND \(keyset) ORDER BY audit_log.at ASC, audit_log.id ASC LIMIT \(limit)"
    }

    func last(limit: Int) -> String {
        "SELECT * FROM audit_log WHERE \(conditions) ORDER BY audit_log.at ASC, audit_log.id ASC LIMIT \(limit)"
    }

    /// A string literal for SQL text.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
