import CCWCore
import CCWViewModels
import Foundation
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

/// The statements `AuditTrail` (CCWCore/Audit) sends for the audit grid, character for
/// character and with the same parameters in the same order, so the `sqlite3` shell runs the
/// very same statements as the baseline and `EXPLAIN QUERY PLAN` shows how SQLite plans them.
/// Keep in step with `AuditTrail.fetch`, `countMatching` and `conditions`; `SQLParity` checks
/// at every run that the core still sends exactly these.
///
/// Three shapes, as in the core:
/// - no text: `audit_log` read through `audit_log_by_org_at`, the cursor a row value
///   `(at, id) < (?, ?)`, the count read from `audit_heads`;
/// - text of 3+ characters per term: the FTS index drives the query (`CROSS JOIN`), ordered by
///   id, the cursor `f.rowid < ?`, the count stopped after `countCap + 1` matches;
/// - text with a shorter term (the CLI can send it; the grid shows a hint instead): `LIKE`.
struct AuditSQL {
    let orgId: Int64
    var text: String?
    /// Where the capped count stops (`AuditLogModel.countCap`, as the grid passes it).
    var countCap: Int = AuditLogModel.countCap

    /// The FTS MATCH expression, when the text filter is answered by the trigram index.
    var match: String? {
        text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : SearchIndex.matchExpression($0) }
    }

    private var hasText: Bool { !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// `AuditTrail.conditions(filter, scope:)` for a filter with at most text (the LIKE form;
    /// the FTS shape adds its MATCH itself).
    private var conditions: (sql: String, values: [BoundSQL.Value]) {
        var sql = "audit_log.org_id = ?"
        var values: [BoundSQL.Value] = [.int(orgId)]
        guard let text, match == nil, !SearchIndex.terms(text).isEmpty else { return (sql, values) }
        let perTerm = SearchIndex.terms(text).map { term -> String in
            values += Array(repeating: .text(SearchIndex.likePattern(term)), count: 3)
            return "(" + ["summary", "entity", "login"].map { "audit_log.\($0) LIKE ? ESCAPE '\\'" }
                .joined(separator: " OR ") + ")"
        }
        sql += " AND " + perTerm.joined(separator: " AND ")
        return (sql, values)
    }

    /// What the grid counts (`countMatching(cap: countCap)`): the chain head's entry count
    /// without text, matches up to `countCap + 1` with FTS text, a full count with LIKE text.
    func count() -> BoundSQL {
        if !hasText {
            return BoundSQL(sql: "SELECT entries FROM audit_heads WHERE org_id = ?", values: [.int(orgId)])
        }
        if let match {
            return BoundSQL(sql: """
                SELECT COUNT(*) FROM (SELECT 1 FROM audit_log_fts f CROSS JOIN audit_log ON audit_log.id = f.rowid
                WHERE audit_log_fts MATCH ? AND audit_log.org_id = ? LIMIT \(countCap + 1))
                """, values: [.text(match), .int(orgId)])
        }
        let c = conditions
        return BoundSQL(sql: "SELECT COUNT(*) FROM audit_log WHERE \(c.sql)", values: c.values)
    }

    /// The newest `limit` rows (`page(after: nil)`).
    func first(limit: Int) -> BoundSQL { page(cursor: nil, descending: true, limit: limit) }

    /// The page below (older than) `cursor` (`page(after:)`).
    func after(_ cursor: AuditCursor, limit: Int) -> BoundSQL { page(cursor: (cursor, true), descending: true, limit: limit) }

    /// The page above (newer than) `cursor`, read upwards (`page(before:)`).
    func before(_ cursor: AuditCursor, limit: Int) -> BoundSQL { page(cursor: (cursor, false), descending: false, limit: limit) }

    /// The oldest `limit` rows, read upwards (`lastPage`).
    func last(limit: Int) -> BoundSQL { page(cursor: nil, descending: false, limit: limit) }

    /// `AuditTrail.fetch`: `cursor.older` continues below the cursor, else above it.
    private func page(cursor: (AuditCursor, older: Bool)?, descending: Bool, limit: Int) -> BoundSQL {
        let limit = Int64(max(1, min(limit, 1000)))
        let order = descending ? "DESC" : "ASC"
        if let match {
            var condition = "audit_log.org_id = ?"
            var values: [BoundSQL.Value] = [.text(match), .int(orgId)]
            if let (c, older) = cursor {
                condition += older ? " AND f.rowid < ?" : " AND f.rowid > ?"
                values.append(.int(c.id))
            }
            return BoundSQL(sql: """
                SELECT audit_log.* FROM audit_log_fts f CROSS JOIN audit_log ON audit_log.id = f.rowid
                WHERE audit_log_fts MATCH ? AND \(condition)
                ORDER BY f.rowid \(order) LIMIT ?
                """, values: values + [.int(limit)])
        }
        var (condition, values) = conditions
        if let (c, older) = cursor {
            condition += older ? " AND (audit_log.at, audit_log.id) < (?, ?)" : " AND (audit_log.at, audit_log.id) > (?, ?)"
            values += [.int(c.at), .int(c.id)]
        }
        return BoundSQL(sql: """
            SELECT * FROM audit_log WHERE \(condition)
            ORDER BY audit_log.at \(order), audit_log.id \(order) LIMIT ?
            """, values: values + [.int(limit)])
    }

    /// A string literal for SQL text.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
