import CCWDomain
import Foundation
import GRDB

/// An event waiting in (or taken from) the outbox.
public struct OutboxEvent: Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var orgId: Int64
    /// Dotted name: `crm.contact.created`, `invoice.paid`, `inventory.stock.low`.
    public var type: String
    /// The payload as JSON text.
    public var payload: String
    public var createdAt: Int64
    public var attempts: Int
    public var processedAt: Int64?
    public var failedAt: Int64?
    public var lastError: String?

    init(row: Row) {
        id = row["id"]
        uid = row["uid"]
        orgId = row["org_id"]
        type = row["type"]
        payload = row["payload"]
        createdAt = row["created_at"]
        attempts = row["attempts"]
        processedAt = row["processed_at"]
        failedAt = row["failed_at"]
        lastError = row["last_error"]
    }

    public func decode<T: Decodable>(_ type: T.Type) throws -> T { try CanonicalJSON.decode(type, from: payload) }
}

/// The transactional outbox: a write that matters publishes an event in its own transaction,
/// and consumers (workflows, notifications, webhooks) claim events later from any process.
///
/// Delivery is at least once: a consumer claims a batch for `leaseMs`; if it crashes, the
/// claim expires and another consumer takes the events again. `markFailed` retries with
/// exponential backoff (1 s, 2 s, 4 s, … capped at one hour) and gives up after `maxAttempts`.
public struct EventOutbox: Sendable {
    let database: AppDatabase

    public static let maxBackoffMs: Int64 = 3_600_000

    /// Adds an event inside the caller's write transaction.
    @discardableResult
    public static func publish(_ db: Database, scope: Scope, type: String, payload: some Encodable) throws -> Int64 {
        try publish(db, orgId: scope.orgId, type: type, payload: payload, at: db.ccwNow())
    }

    @discardableResult
    public static func publish(_ db: Database, orgId: Int64, type: String, payload: some Encodable, at now: Int64) throws -> Int64 {
        precondition(db.isInsideTransaction, "publish events inside the write transaction they belong to")
        // A cached statement: imports publish one event per saved row.
        try db.cachedStatement(sql: """
            INSERT INTO event_outbox (uid, org_id, type, payload, created_at, available_at, attempts)
            VALUES (?, ?, ?, ?, ?, ?, 0)
            """).execute(arguments: [UID.make(at: now), orgId, type, try CanonicalJSON.encode(payload), now, now])
        return db.lastInsertedRowID
    }

    /// Claims up to `limit` due events (oldest first, all organizations) for `holder`.
    public func claimBatch(holder: String, limit: Int = 50, leaseMs: Int64 = 60_000, types: [String]? = nil) throws -> [OutboxEvent] {
        try database.write { db in
            let now = try db.ccwNow()
            var sql = """
                SELECT id FROM event_outbox
                WHERE processed_at IS NULL AND failed_at IS NULL AND available_at <= ?
                  AND (claimed_until IS NULL OR claimed_until <= ?)
                """
            var arguments: StatementArguments = [now, now]
            if let types, !types.isEmpty {
                sql += " AND type IN (\(Array(repeating: "?", count: types.count).joined(separator: ", ")))"
                arguments += StatementArguments(types)
            }
            let ids = try Int64.fetchAll(db, sql: sql + " ORDER BY id LIMIT ?", arguments: arguments + [limit])
            guard !ids.isEmpty else { return [] }
            let list = ids.map(String.init).joined(separator: ", ")
            try db.execute(sql: """
                UPDATE event_outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id IN (\(list))
                """, arguments: [holder, now + leaseMs])
            return try Row.fetchAll(db, sql: "SELECT * FROM event_outbox WHERE id IN (\(list)) ORDER BY id").map(OutboxEvent.init(row:))
        }
    }

    /// Marks an event done; false when the claim was lost (expired and taken by another holder).
    @discardableResult
    public func markProcessed(id: Int64, holder: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: """
                UPDATE event_outbox SET processed_at = ?, claimed_until = NULL, last_error = NULL
                WHERE id = ? AND claimed_by = ? AND processed_at IS NULL
                """, arguments: [try db.ccwNow(), id, holder])
            return db.changesCount == 1
        }
    }

    /// Records a failed attempt: retried after a backoff, or given up after `maxAttempts`.
    @discardableResult
    public func markFailed(id: Int64, holder: String, error: String, maxAttempts: Int = 10) throws -> Bool {
        try database.write { db in
            let now = try db.ccwNow()
            guard let attempts = try Int.fetchOne(db, sql: """
                SELECT attempts FROM event_outbox WHERE id = ? AND claimed_by = ? AND processed_at IS NULL
                """, arguments: [id, holder]) else { return false }
            let backoff = min(Self.maxBackoffMs, 1000 << Int64(min(max(attempts - 1, 0), 22)))
            try db.execute(sql: """
                UPDATE event_outbox SET last_error = ?, claimed_by = NULL, claimed_until = NULL,
                    available_at = ?, failed_at = CASE WHEN attempts >= ? THEN ? ELSE NULL END
                WHERE id = ?
                """, arguments: [String(error.prefix(2000)), now + backoff, maxAttempts, now, id])
            return true
        }
    }

    /// The scope's organization's recent events, newest first (Admin → Events).
    public func list(_ scope: Scope, limit: Int = 100) throws -> [OutboxEvent] {
        try database.read(as: scope, in: .admin) { access in
            try access.table("event_outbox", entity: "event").rowsWithoutSoftDelete(access.db, orderBy: "id DESC", limit: limit)
                .map(OutboxEvent.init(row:))
        }
    }
}

extension ScopedTable {
    /// Rows of an org-scoped table that has no `deleted_at` (logs, outbox, notifications).
    func rowsWithoutSoftDelete(_ db: Database, where condition: SQL? = nil, orderBy: String, limit: Int) throws -> [Row] {
        var clause = SQL(sql: "\(name).org_id = ?", arguments: [orgId])
        if let condition { clause += " AND (" + condition + ")" }
        let request: SQL = "SELECT * FROM \(sql: name) WHERE \(literal: clause) ORDER BY \(sql: orderBy) LIMIT \(limit)"
        return try Row.fetchAll(db, SQLRequest<Row>(literal: request))
    }
}

extension AppDatabase {
    public var outbox: EventOutbox { EventOutbox(database: self) }
}
