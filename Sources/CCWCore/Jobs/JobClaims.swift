import GRDB

/// The SQL of job coordination. Each function runs in the caller's IMMEDIATE transaction, so
/// two processes deciding about the same job are serialized by SQLite.
enum JobClaims {
    /// Claims `slot` of a job for `holder`: refused while another unexpired lease exists or
    /// when the slot already has a run (`UNIQUE(job_name, slot)` decides). Returns the run id.
    static func claim(_ db: Database, job: Job, slot: Int64, holder: String, now: Int64) throws -> Int64? {
        if let expiresAt = try Int64.fetchOne(db, sql: "SELECT expires_at FROM job_leases WHERE job_name = ?",
                                              arguments: [job.name]), expiresAt > now {
            return nil
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO job_runs (job_name, slot, holder, started_at) VALUES (?, ?, ?, ?)
            """, arguments: [job.name, slot, holder, now])
        guard db.changesCount == 1 else { return nil }
        let runId = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO job_leases (job_name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (job_name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at,
                expires_at = excluded.expires_at
            """, arguments: [job.name, holder, now, now + job.leaseMs])
        return runId
    }

    /// Records the outcome, releases the lease (if still ours) and prunes old runs.
    static func finish(_ db: Database, job: Job, runId: Int64, slot: Int64, holder: String, outcome: String,
                       detail: String?, now: Int64, keepRuns: Int64 = 1000) throws {
        try db.execute(sql: "UPDATE job_runs SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?",
                       arguments: [now, outcome, detail.map { String($0.prefix(2000)) }, runId])
        try db.execute(sql: "DELETE FROM job_leases WHERE job_name = ? AND holder = ?", arguments: [job.name, holder])
        try db.execute(sql: "DELETE FROM job_runs WHERE job_name = ? AND slot < ?", arguments: [job.name, slot - keepRuns])
    }
}
