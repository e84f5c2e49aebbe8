import GRDB

/// Appends many audit entries of one organization inside one write transaction, for imports:
/// the chain head is read once at the start and written once by `finish()`, each entry is
/// hashed onto the previous one in memory, and entries are inserted through one prepared
/// statement. The entries are exactly those `AuditLog.record` writes one by one (same
/// content, same chain), so `AuditLog.verify` checks them alike.
///
/// Nothing else may audit in the same transaction between `init` and `finish()` (the head
/// would be overwritten), and `finish()` must run before the transaction commits.
final class AuditAppender {
    let db: Database
    let actor: AuditActor
    private var previousHash: String
    private var lastId: Int64?
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
        try db.cachedStatement(sql: AuditLog.insertSQL).execute(arguments: [
            content.orgId, content.at, content.userId, content.login, content.entity, content.entityId,
            content.entityUID, content.action, content.summary, content.beforeJSON, content.afterJSON, previousHash, hash,
        ])
        lastId = db.lastInsertedRowID
        previousHash = hash
        appended += 1
    }

    /// Moves the organization's chain head past the appended entries.
    func finish() throws {
        guard let lastId else { return }
        try db.execute(sql: """
            INSERT INTO audit_heads (org_id, last_id, last_hash, entries) VALUES (?, ?, ?, ?)
            ON CONFLICT (org_id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
                entries = audit_heads.entries + excluded.entries
            """, arguments: [actor.orgId, lastId, previousHash, appended])
    }
}
