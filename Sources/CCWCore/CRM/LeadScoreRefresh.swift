import CCWDomain
import GRDB

/// Recomputing every contact's lead score after an organization changed its scoring rules.
///
/// A rule change records a request (`lead_score_refresh`, one row per organization); the
/// `crm.lead-scores` job works through the organization's contacts in id order, a batch per
/// transaction, remembering where it got to, so a million contacts never hold the write lock
/// for long and a crash resumes where it stopped. A rule change during a run starts it again.
public enum LeadScoreRefresh {
    /// Contacts per write transaction.
    public static let batchSize = 500
    /// Contacts one run of the job does at most (the rest waits for the next run).
    public static let perRun = 50_000
    public static let interval: Int64 = 60_000

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE lead_score_refresh (
                org_id INTEGER PRIMARY KEY REFERENCES organizations(id),
                requested_at INTEGER NOT NULL,
                next_contact_id INTEGER NOT NULL DEFAULT 0
            );
            """)
    }

    /// Asks for every contact of the scope's organization to be rescored (inside the rule change).
    static func request(_ access: ScopedDatabase) throws {
        try access.db.execute(sql: """
            INSERT INTO lead_score_refresh (org_id, requested_at, next_contact_id) VALUES (?, ?, 0)
            ON CONFLICT(org_id) DO UPDATE SET requested_at = excluded.requested_at, next_contact_id = 0
            """, arguments: [access.scope.orgId, access.now])
    }

    /// Whether a rescoring of the scope's organization is waiting or under way.
    public static func pending(_ database: AppDatabase, _ scope: Scope) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM lead_score_refresh WHERE org_id = ?", arguments: [scope.orgId]) ?? false
        }
    }

    /// Rescores up to `limit` contacts of each organization with a request; returns how many
    /// contacts were looked at. Runs as the organization's first admin (the job's actor in the audit).
    @discardableResult
    public static func run(_ database: AppDatabase, limit: Int = perRun) throws -> Int {
        let requests = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT org_id, requested_at FROM lead_score_refresh ORDER BY org_id")
        }
        var total = 0
        for request in requests {
            let orgId: Int64 = request["org_id"], requestedAt: Int64 = request["requested_at"]
            guard let scope = try jobScope(database, orgId: orgId) else { continue }
            var done = 0
            while done < limit {
                let finished = try database.write(as: scope, .edit, in: .crm) { access -> Bool? in
                    guard let row = try Row.fetchOne(access.db, sql: """
                        SELECT requested_at, next_contact_id FROM lead_score_refresh WHERE org_id = ?
                        """, arguments: [orgId]) else { return true }
                    guard (row["requested_at"] as Int64) == requestedAt else { return nil }  // restarted meanwhile
                    let from: Int64 = row["next_contact_id"]
                    let ids = try Int64.fetchAll(access.db, sql: """
                        SELECT id FROM contacts WHERE org_id = ? AND id >= ? AND deleted_at IS NULL ORDER BY id LIMIT ?
                        """, arguments: [orgId, from, batchSize])
                    let rules = try LeadScores.rules(access)
                    if !rules.isEmpty { for id in ids { try LeadScores.refresh(access, ContactID(id), rules: rules) } }
                    done += ids.count
                    if ids.count < batchSize || rules.isEmpty {
                        try access.db.execute(sql: "DELETE FROM lead_score_refresh WHERE org_id = ?", arguments: [orgId])
                        return true
                    }
                    try access.db.execute(sql: "UPDATE lead_score_refresh SET next_contact_id = ? WHERE org_id = ?",
                                          arguments: [ids.last! + 1, orgId])
                    return false
                }
                if finished != false { break }
            }
            total += done
        }
        return total
    }

    /// An admin of the organization, for the audit rows the job writes.
    static func jobScope(_ database: AppDatabase, orgId: Int64) throws -> Scope? {
        let login = try database.read { db in
            try String.fetchOne(db, sql: """
                SELECT users.login FROM memberships JOIN users ON users.id = memberships.user_id
                WHERE memberships.org_id = ? AND memberships.role = 'admin' AND memberships.deleted_at IS NULL AND users.active = 1
                ORDER BY memberships.id LIMIT 1
                """, arguments: [orgId])
        }
        guard let login else { return nil }
        let orgName = try database.read { db in try String.fetchOne(db, sql: "SELECT name FROM organizations WHERE id = ?", arguments: [orgId]) }
        return try database.login(login, org: orgName)
    }

    /// The background job.
    public static let job = Job(name: "crm.lead-scores", every: interval) { ctx in
        let n = try run(ctx.database)
        return JobOutcome(summary: n == 0 ? "nothing to rescore" : "\(n) contacts rescored")
    }
}
