import GRDB

/// Appends many audit entries of one organization inside one write transaction, for imports:
/// the chain head is read once at the start and written once by `finish()`, each entry is
/// hashed onto the previous one in memory and staged in a temporary table, and `finish()`
/// moves them into `audit_log` with one `INSERT … SELECT` in chain order. The entries are
/// exactly those `AuditLog.record` writes one by one (same content, same chain), so
/// `AuditLog.verify` checks them alike.
///
/// Why one statement: each statement that inserts into a table with a search-index trigger
/// opens a statement savepoint, and SQLite's FTS5 writes its pending index data out at every
/// savepoint; row by row that made a new search-index segment per entry (and merges of them),
/// for the audit log's index and for every other one written in the transaction.
///
/// Nothing else may audit in the same transaction between `init` and `finish()` (the head
/// would be overwritten), and `finish()` must run before the transaction commits.
final class AuditAppender {
    let db: Database
    let actor: AuditActor
    private var previousHash: String
    private var appended = 0

    init(_ db: Database, actor: AuditActor) throws {
        precondition(db.isInsideTransaction, "AuditAppender must run inside the write transaction it audits")
        self.db = db
        self.actor = actor
        previousHash = try String.fetchOne(db, sql: "SELECT last_hash FROM audit_heads WHERE org_id = ?",
                                           arguments: [actor.orgId]) ?? ""
    }

    /// Appends one entry whose `after` is the canonical JSON text `afterJSON`.
    func append(at: Int64, entity: String, entityId: Int64?, entityUID: String?, action: AuditAction,
                         summary: String, afterJSON: String?) throws {
        let content = AuditLog.Content(orgId: actor.orgId, at: at, userId: actor.userId, login: actor.login, entity: entity,
                                       entityId: entityId, entityUID: entityUID, action: action.rawValue, summary: summary,
                                       beforeJSON: nil, afterJSON: afterJSON)
        let hash = AuditLog.chainHash(prevHash: previousHash, content: content)
        if appended == 0 {
            try db.execute(sql: "DROP TABLE IF EXISTS temp.\(Self.staging)")
            try db.execute(sql: "CREATE TEMP TABLE \(Self.staging) (seq INTEGER PRIMARY KEY, \(Self.columns))")
        }
        try db.cachedStatement(sql: "INSERT INTO temp.\(Self.staging) VALUES (\(Array(repeating: "?", count: 14).joined(separator: ", ")))")
            .execute(arguments: [
                appended, content.orgId, content.at, content.userId, content.login, content.entity, content.entityId,
                content.entityUID, content.action, content.summary, content.beforeJSON, content.afterJSON, previousHash, hash,
            ])
        previousHash = hash
        appended += 1
    }

    static let staging = "ccw_audit_staging"
    static let columns = "org_id, at, user_id, login, entity, entity_id, entity_uid, action, summary, before_json, after_json, prev_hash, hash"

    /// Writes the staged entries into `audit_log` in chain order and moves the organization's
    /// chain head past them.
    func finish() throws {
        guard appended > 0 else { return }
        try db.execute(sql: "INSERT INTO audit_log (\(Self.columns)) SELECT \(Self.columns) FROM temp.\(Self.staging) ORDER BY seq")
        let lastId = db.lastInsertedRowID
        try db.execute(sql: "DROP TABLE temp.\(Self.staging)")
        try db.execute(sql: """
            INSERT INTO audit_heads (org_id, last_id, last_hash, entries) VALUES (?, ?, ?, ?)
            ON CONFLICT (org_id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
                entries = audit_heads.entries + excluded.entries
            """, arguments: [actor.orgId, lastId, previousHash, appended])
    }
}
