import CCWCore
import GRDB

/// A statement with `?` parameters and their values, exactly as GRDB hands it to SQLite.
struct BoundSQL {
    enum Value {
        case int(Int64)
        case text(String)
    }

    var sql: String
    var values: [Value]

    var arguments: StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .int(let n): n
            case .text(let s): s
            }
        })
    }

    /// `.parameter` commands binding `?1`…`?n` in the `sqlite3` shell, so the shell plans and
    /// runs the statement with bound values as the core does (not with literals, which SQLite
    /// may plan differently).
    var shellParameters: String {
        var out = ".parameter clear\n"
        for (i, value) in values.enumerated() {
            switch value {
            case .int(let n): out += ".parameter set ?\(i + 1) \(n)\n"
            case .text(let s):
                let literal = "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
                let argument = literal.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                out += ".parameter set ?\(i + 1) \"\(argument)\"\n"
            }
        }
        return out
    }
}

/// The statements `AuditTrail` (CCWCore/Audit) sends for the audit grid, with the same
/// parameters in the same order, so the `sqlite3` shell runs the very same statements as the
/// baseline and `EXPLAIN QUERY PLAN` shows how SQLite plans them. Keep in step with
/// `AuditTrail.conditions`, `page(after:)`, `page(before:)`, `lastPage` and `count`.
struct AuditSQL {
    let orgId: Int64
    /// The text filter as the core writes it (FTS MATCH for terms of 3+ characters, else LIKE).
    var text: String?

    /// How the keyset cursor condition is written.
    enum CursorForm {
        /// What the core writes today: `at < ? OR (at = ? AND id < ?)`, the cursor's `at` bound twice.
        case orExpansion
        /// The row value proposed for the core: `(at, id) < (?, ?)`.
        case rowValue
    }

    private var conditions: (sql: String, values: [BoundSQL.Value]) {
        var sql = "audit_log.org_id = ?"
        var values: [BoundSQL.Value] = [.int(orgId)]
        guard let text, !SearchIndex.terms(text).isEmpty else { return (sql, values) }
        if let match = SearchIndex.matchExpression(text) {
            sql += " AND audit_log.id IN (SELECT rowid FROM audit_log_fts WHERE audit_log_fts MATCH ?)"
            values.append(.text(match))
        } else {
            let perTerm = SearchIndex.terms(text).map { term -> String in
                values += Array(repeating: .text(SearchIndex.likePattern(term)), count: 3)
                return "(" + ["summary", "entity", "login"].map { "audit_log.\($0) LIKE ? ESCAPE '\\'" }
                    .joined(separator: " OR ") + ")"
            }
            sql += " AND " + perTerm.joined(separator: " AND ")
        }
        return (sql, values)
    }

    func count() -> BoundSQL {
        let c = conditions
        return BoundSQL(sql: "SELECT COUNT(*) FROM audit_log WHERE \(c.sql)", values: c.values)
    }

    func first(limit: Int) -> BoundSQL {
        let c = conditions
        return BoundSQL(sql: "SELECT * FROM audit_log WHERE \(c.sql) ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT ?",
                        values: c.values + [.int(Int64(limit))])
    }

    /// The page below (older than) `cursor`.
    func after(_ cursor: AuditCursor, limit: Int, form: CursorForm = .orExpansion) -> BoundSQL {
        keyset(cursor, limit: limit, form: form, older: true)
    }

    /// The page above (newer than) `cursor`, read upwards.
    func before(_ cursor: AuditCursor, limit: Int, form: CursorForm = .orExpansion) -> BoundSQL {
        keyset(cursor, limit: limit, form: form, older: false)
    }

    func last(limit: Int) -> BoundSQL {
        let c = conditions
        return BoundSQL(sql: "SELECT * FROM audit_log WHERE \(c.sql) ORDER BY audit_log.at ASC, audit_log.id ASC LIMIT ?",
                        values: c.values + [.int(Int64(limit))])
    }

    private func keyset(_ cursor: AuditCursor, limit: Int, form: CursorForm, older: Bool) -> BoundSQL {
        let c = conditions
        let op = older ? "<" : ">", order = older ? "DESC" : "ASC"
        let (keyset, values): (String, [BoundSQL.Value]) = switch form {
        case .orExpansion:
            ("(audit_log.at \(op) ? OR (audit_log.at = ? AND audit_log.id \(op) ?))", [.int(cursor.at), .int(cursor.at), .int(cursor.id)])
        case .rowValue:
            ("(audit_log.at, audit_log.id) \(op) (?, ?)", [.int(cursor.at), .int(cursor.id)])
        }
        return BoundSQL(sql: "SELECT * FROM audit_log WHERE \(c.sql) AND \(keyset) "
                            + "ORDER BY audit_log.at \(order), audit_log.id \(order) LIMIT ?",
                        values: c.values + values + [.int(Int64(limit))])
    }

    /// A string literal for SQL text.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
