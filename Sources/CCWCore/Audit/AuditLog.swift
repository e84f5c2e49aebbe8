import CCWDomain
import Crypto
import Foundation
import GRDB

/// The append-only audit trail, hash-chained per organization.
///
/// Each row's `hash` is SHA-256 over the previous row's hash (of the same organization; empty
/// for the first) followed by the row's canonical content: org, time, user, login, entity,
/// entity id and uid, action, summary, before and after JSON, each length-prefixed so that no
/// two different rows serialize alike. `audit_heads` keeps each organization's last id, hash
/// and count, so removing the newest rows is detected as well as editing any row.
///
/// `record` must run inside the caller's write transaction (an IMMEDIATE one, see
/// `AppDatabase`), which makes reading the chain head and appending atomic across processes.
public enum AuditLog {
    @discardableResult
    public static func record(_ db: Database, scope: Scope, entity: String, entityId: Int64?, entityUID: String?,
                              action: AuditAction, summary: String, before: (any Encodable)? = nil,
                              after: (any Encodable)? = nil) throws -> Int64 {
        try record(db, actor: scope.actor, at: db.ccwNow(), entity: entity, entityId: entityId, entityUID: entityUID,
                   action: action, summary: summary, before: before, after: after)
    }

    @discardableResult
    public static func record(_ db: Database, actor: AuditActor, at: Int64, entity: String, entityId: Int64?,
                              entityUID: String?, action: AuditAction, summary: String,
                              before: (any Encodable)? = nil, after: (any Encodable)? = nil) throws -> Int64 {
        precondition(db.isInsideTransaction, "AuditLog.record must run inside the write transaction it audits")
        let content = Content(orgId: actor.orgId, at: at, userId: actor.userId, login: actor.login, entity: entity,
                              entityId: entityId, entityUID: entityUID, action: action.rawValue, summary: summary,
                              beforeJSON: try before.map(CanonicalJSON.encode), afterJSON: try after.map(CanonicalJSON.encode))
        // Cached statements: imports write thousands of audited rows per transaction.
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT last_hash, entries FROM audit_heads WHERE org_id = ?"),
                                    arguments: [actor.orgId])
        let prevHash: String = head?["last_hash"] ?? ""
        let hash = chainHash(prevHash: prevHash, content: content)
        try db.cachedStatement(sql: insertSQL).execute(arguments: [content.orgId, content.at, content.userId, content.login, content.entity,
                             content.entityId, content.entityUID, content.action, content.summary,
                             content.beforeJSON, content.afterJSON, prevHash, hash])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: """
            INSERT INTO audit_heads (org_id, last_id, last_hash, entries) VALUES (?, ?, ?, 1)
            ON CONFLICT (org_id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
                entries = audit_heads.entries + 1
            """).execute(arguments: [actor.orgId, id, hash])
        return id
    }

    static let insertSQL = """
        INSERT INTO audit_log (org_id, at, user_id, login, entity, entity_id, entity_uid, action, summary,
                               before_json, after_json, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Recomputes an organization's chain from its first row; reports the first row whose
    /// link or content does not match.
    public static func verify(_ db: Database, orgId: Int64) throws -> AuditVerification {
        var previous = ""
        var lastId: Int64 = 0
        var count = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log WHERE org_id = ? ORDER BY id", arguments: [orgId])
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let prevHash: String = row["prev_hash"]
            guard prevHash == previous else {
                return .broken(id: id, reason: "its link does not match the previous entry (an entry before it was changed or removed)")
            }
            let expected = chainHash(prevHash: prevHash, content: Content(row: row))
            guard expected == row["hash"] as String else {
                return .broken(id: id, reason: "its content does not match its hash (the entry was changed)")
            }
            previous = expected
            lastId = id
            count += 1
        }
        let head = try Row.fetchOne(db, sql: "SELECT last_id, last_hash, entries FROM audit_heads WHERE org_id = ?",
                                    arguments: [orgId])
        if let head {
            guard head["last_id"] as Int64 == lastId, head["last_hash"] as String == previous,
                  head["entries"] as Int == count else {
                return .broken(id: head["last_id"], reason: "the newest entries are missing (the chain head records "
                    + "\(head["entries"] as Int) entries ending at \(head["last_id"] as Int64), found \(count))")
            }
        } else if count > 0 {
            return .broken(id: lastId, reason: "the chain head record is missing")
        }
        return .ok(entries: count)
    }

    /// The fields a hash covers, in a fixed order.
    struct Content {
        var orgId: Int64
        var at: Int64
        var userId: Int64?
        var login: String
        var entity: String
        var entityId: Int64?
        var entityUID: String?
        var action: String
        var summary: String
        var beforeJSON: String?
        var afterJSON: String?

        init(orgId: Int64, at: Int64, userId: Int64?, login: String, entity: String, entityId: Int64?, entityUID: String?,
             action: String, summary: String, beforeJSON: String?, afterJSON: String?) {
            self.orgId = orgId; self.at = at; self.userId = userId; self.login = login; self.entity = entity
            self.entityId = entityId; self.entityUID = entityUID; self.action = action; self.summary = summary
            self.beforeJSON = beforeJSON; self.afterJSON = afterJSON
        }

        init(row: Row) {
            self.init(orgId: row["org_id"], at: row["at"], userId: row["user_id"], login: row["login"],
                      entity: row["entity"], entityId: row["entity_id"], entityUID: row["entity_uid"],
                      action: row["action"], summary: row["summary"], beforeJSON: row["before_json"],
                      afterJSON: row["after_json"])
        }

        /// Each field as `<utf8 length>:<text>;`, and `-;` for null.
        var canonical: String { String(decoding: canonicalBytes, as: UTF8.self) }

        /// `canonical` as UTF-8, written straight into one buffer (hashed once per entry).
        var canonicalBytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(128 + (beforeJSON?.utf8.count ?? 0) + (afterJSON?.utf8.count ?? 0) + summary.utf8.count)
            func field(_ text: String?) {
                guard let text else { out.append(UInt8(ascii: "-")); out.append(UInt8(ascii: ";")); return }
                out.append(contentsOf: String(text.utf8.count).utf8)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: text.utf8)
                out.append(UInt8(ascii: ";"))
            }
            field(String(orgId)); field(String(at)); field(userId.map(String.init)); field(login); field(entity)
            field(entityId.map(String.init)); field(entityUID); field(action); field(summary); field(beforeJSON)
            field(afterJSON)
            return out
        }
    }

    static func chainHash(prevHash: String, content: Content) -> String {
        var hasher = SHA256()
        var head = Array(prevHash.utf8)
        head.append(UInt8(ascii: "\n"))
        hasher.update(data: head)
        hasher.update(data: content.canonicalBytes)
        return hex(hasher.finalize())
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of a digest (a table lookup; `String(format:)` per byte was 12% of a write).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes { out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
