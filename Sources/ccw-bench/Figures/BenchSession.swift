import CCWCore
import CCWDomain
import CCWScreens
import CCWViewModels
import Foundation
import GRDB

/// Opening the data set the way `ccw` does: open the file (schema check), log in, build the
/// session; and the pieces every figure shares.
struct BenchSession {
    let dataset: Dataset

    struct Failure: Error, CustomStringConvertible { let description: String }

    func open() throws -> AppSession {
        let database = try AppDatabase.open(path: dataset.path)
        let scope = try database.login(dataset.adminLogin, org: dataset.orgName)
        return AppSession(database: database, scope: scope, clock: SystemClock())
    }

    /// A headless app on an in-memory 120x40 surface, first frame drawn.
    func driver(_ session: AppSession) -> ScreenDriver {
        let driver = ScreenDriver(environment: AppEnvironment(session: session, background: nil), options: AppOptions(),
                                  width: 120, height: 40)
        driver.render()
        return driver
    }

    /// Fails when the frame does not show `text`, so a figure never times an error screen.
    static func expect(_ driver: ScreenDriver, shows text: String, after step: String) throws {
        let frame = driver.snapshot()
        guard frame.contains(text) else {
            throw Failure(description: "after \(step) the screen does not show \"\(text)\":\n\(frame)")
        }
    }

    /// The (at, id) of the row at `offset` in the newest-first list (slow for deep offsets;
    /// used once per run to pick cursors).
    func cursor(_ session: AppSession, atOffset offset: Int) throws -> AuditCursor {
        try session.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT at, id FROM audit_log WHERE org_id = ? ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?
                """, arguments: [session.scope.orgId, offset])
            guard let row else { throw Failure(description: "no audit row at offset \(offset)") }
            return AuditCursor(at: row["at"], id: row["id"])
        }
    }

    /// The cursor of the match at `offset` in a text search's list (newest match first, the
    /// FTS-driven order of `AuditTrail`; slow for deep offsets, used once per run).
    func matchCursor(_ session: AppSession, text: String, atOffset offset: Int) throws -> AuditCursor {
        guard let match = SearchIndex.matchExpression(text) else { throw Failure(description: "\(text) is not an FTS search") }
        return try session.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT audit_log.at, audit_log.id FROM audit_log_fts f CROSS JOIN audit_log ON audit_log.id = f.rowid
                WHERE audit_log_fts MATCH ? AND audit_log.org_id = ? ORDER BY f.rowid DESC LIMIT 1 OFFSET ?
                """, arguments: [match, session.scope.orgId, offset])
            guard let row else { throw Failure(description: "no match of \(text) at offset \(offset)") }
            return AuditCursor(at: row["at"], id: row["id"])
        }
    }
}

extension BenchSession {
    /// The cursor of the contact at `offset` in the name-ordered list (slow for deep offsets;
    /// used once per run to pick cursors).
    func contactCursor(_ session: AppSession, atOffset offset: Int) throws -> ContactCursor {
        try session.database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT last_name, first_name, id FROM contacts WHERE org_id = ? AND deleted_at IS NULL
                ORDER BY last_name, first_name, id LIMIT 1 OFFSET ?
                """, arguments: [session.scope.orgId, offset])
            guard let row else { throw Failure(description: "no contact at offset \(offset)") }
            return ContactCursor(lastName: row["last_name"], firstName: row["first_name"], id: row["id"])
        }
    }
}

extension Int {
    /// "1,000,000"
    var grouped: String {
        let digits = String(self)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
