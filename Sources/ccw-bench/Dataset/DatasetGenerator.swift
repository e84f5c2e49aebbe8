import CCWCore
import CCWDomain
import Foundation
import ArgumentParser
import GRDB

/// How the synthetic rows get their `prev_hash` / `hash`.
enum ChainMode: String, CaseIterable {
    /// Through `AuditLog.record`, one row at a time: the real SHA-256 chain, verifiable by
    /// `ccw doctor`, at the cost of the core's per-row work (head read, hashing, head update).
    case real
    /// A raw prepared INSERT with 64-hex-digit hashes that look real but are not a chain:
    /// `ccw doctor` reports the chain as broken at the first synthetic row.
    case synthetic
}

/// What the benchmark found or built: the organization, its admin's login, and how long it took.
struct Dataset {
    var path: String
    var orgName: String
    var adminLogin: String
    var rows: Int
    var chain: ChainMode
    /// Seconds spent generating, or nil when an earlier data set was reused.
    var generationSeconds: Double?
}

/// Builds `scale` audit rows of one organization, spread over the 365 days before now, in
/// large write transactions (into a new database, or beside the CRM data set of `SyntheticCRM`). The FTS triggers stay in place, so the index is maintained
/// exactly as in production.
struct DatasetGenerator {
    static let orgName = "Benchmark Handels GmbH"
    static let adminLogin = "bench.admin"
    static let staff: [(String, String, Role)] = [
        ("anna.schmidt", "Anna Schmidt", .manager), ("jonas.weber", "Jonas Weber", .sales),
        ("lena.fischer", "Lena Fischer", .warehouse), ("markus.braun", "Markus Braun", .accountant),
        ("petra.koch", "Petra Koch", .readOnly), ("thomas.mueller", "Thomas Müller", .sales),
        ("sabine.wolf", "Sabine Wolf", .sales), ("stefan.koenig", "Stefan König", .warehouse),
        ("julia.hahn", "Julia Hahn", .accountant), ("frank.krause", "Frank Krause", .manager),
        ("emily.clarke", "Emily Clarke", .sales), ("george.patel", "George Patel", .warehouse),
    ]
    static let jobs = ["job:reminders", "job:recurring-invoices", "job:low-stock"]

    let scale: Int
    let chain: ChainMode
    let batch = 50_000
    var progress: (String) -> Void = { _ in }

    /// Creates the organization and its staff (unless the CRM data set did), then the rows.
    func generate(into database: AppDatabase) throws -> Dataset {
        let started = Stopwatch.nowNanos()
        let (admin, staff) = try Self.organization(in: database)
        var actors: [AuditActor] = [admin.actor] + staff
        actors += Self.jobs.map { AuditActor(orgId: admin.orgId, userId: nil, login: $0) }

        // A large page cache on the writer for the bulk load only (random-order index inserts
        // otherwise re-read pages from the OS cache); connections opened later use the default.
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -262144") }
        let now = database.now()
        let span: Int64 = 365 * 86_400_000
        let start = now - span
        let thisYear = ZonedTime.date(at: now, in: admin.zone).year
        let yearStart = ZonedTime.startOfDay(try CalendarDate(year: thisYear, month: 1, day: 1), in: admin.zone)
        var rng = SplitMix64(seed: 0xCC_B3_2026)
        var written = 0
        while written < scale {
            let upper = min(scale, written + batch)
            try database.pool.write { db in
                let insert = chain == .synthetic ? try Self.rawInsert(db) : nil
                for i in written..<upper {
                    let at = start + Int64(Double(span) * Double(i) / Double(scale))
                    let year = at >= yearStart ? thisYear : thisYear - 1
                    let change = SyntheticAudit.change(&rng, index: i, year: year)
                    let actor = actors[Self.actorIndex(&rng, count: actors.count)]
                    if let insert {
                        try Self.insertRaw(insert, actor: actor, at: at, change: change, index: i)
                    } else {
                        try AuditLog.record(db, actor: actor, at: at, entity: change.entity, entityId: change.entityId,
                                            entityUID: Self.uid(change.entityId, change.entity), action: AuditAction(rawValue: change.action),
                                            summary: change.summary, before: change.beforeJSON.map(RawJSON.init),
                                            after: change.afterJSON.map(RawJSON.init))
                    }
                }
                if chain == .synthetic { try Self.updateHead(db, orgId: admin.orgId) }
            }
            written = upper
            let seconds = Double(Stopwatch.nowNanos() - started) / 1e9
            progress("  \(written.grouped) rows, \(String(format: "%.1f", seconds)) s")
        }
        try database.pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS ccw_bench_dataset (scale INTEGER NOT NULL, chain TEXT NOT NULL)")
            try db.execute(sql: "DELETE FROM ccw_bench_dataset")
            try db.execute(sql: "INSERT INTO ccw_bench_dataset (scale, chain) VALUES (?, ?)", arguments: [scale, chain.rawValue])
        }
        // No ANALYZE: an installation's file has no sqlite_stat1 either, so the planner decides as it would there.
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let seconds = Double(Stopwatch.nowNanos() - started) / 1e9
        return Dataset(path: database.path, orgName: Self.orgName, adminLogin: Self.adminLogin, rows: scale,
                       chain: chain, generationSeconds: seconds)
    }

    /// The benchmark organization and its staff (in `staff` order): created in an empty
    /// database, else logged into (the CRM and audit data sets share one organization).
    static func organization(in database: AppDatabase) throws -> (admin: Scope, staff: [AuditActor]) {
        let exists = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organizations") ?? 0 } > 0
        if exists {
            let admin = try database.login(adminLogin, org: orgName)
            let ids = try database.pool.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, login FROM users").map {
                    (($0["login"] as String).lowercased(), $0["id"] as Int64)
                })
            }
            let staff = try Self.staff.map { member in
                let login = member.0
                guard let id = ids[login] else { throw ValidationError("\(database.path) lacks the benchmark user \(login)") }
                return AuditActor(orgId: admin.orgId, userId: id, login: login)
            }
            return (admin, staff)
        }
        let admin = try database.bootstrap(orgName: orgName, adminLogin: adminLogin, displayName: "Bench Admin",
                                           currency: "EUR", timeZone: "Europe/Berlin", defaultCountry: "DE")
        var staff: [AuditActor] = []
        for (login, name, role) in Self.staff {
            let user = try database.users.add(admin, login: login, displayName: name, email: "\(login)@bench.example", role: role)
            staff.append(AuditActor(orgId: admin.orgId, userId: user.userId, login: login))
        }
        return (admin, staff)
    }

    /// The data set already in `database` when it was generated at `scale`, else nil.
    static func existing(in database: AppDatabase, scale: Int) throws -> Dataset? {
        try database.pool.read { db in
            guard try db.tableExists("ccw_bench_dataset"),
                  let row = try Row.fetchOne(db, sql: "SELECT scale, chain FROM ccw_bench_dataset"),
                  row["scale"] as Int == scale, let chain = ChainMode(rawValue: row["chain"]) else { return nil }
            return Dataset(path: database.path, orgName: orgName, adminLogin: adminLogin, rows: scale, chain: chain,
                           generationSeconds: nil)
        }
    }

    /// Most changes come from a few busy people; jobs write some too.
    static func actorIndex(_ rng: inout SplitMix64, count: Int) -> Int {
        let r = rng.below(100)
        return r < 60 ? 1 + rng.below(4) : rng.below(count)
    }

    static func uid(_ id: Int64, _ entity: String) -> String {
        let hex = hexDigits(UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(entity.utf8.count), count: 12)
        return "01923b7e-0000-7000-8000-" + hex
    }

    // MARK: synthetic chain

    static func rawInsert(_ db: Database) throws -> Statement {
        try db.makeStatement(sql: """
            INSERT INTO audit_log (org_id, at, user_id, login, entity, entity_id, entity_uid, action, summary,
                                   before_json, after_json, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    static func insertRaw(_ statement: Statement, actor: AuditActor, at: Int64, change: SyntheticChange, index: Int) throws {
        try statement.execute(arguments: [
            actor.orgId, at, actor.userId, actor.login, change.entity, change.entityId, uid(change.entityId, change.entity),
            change.action, change.summary, change.beforeJSON, change.afterJSON, fakeHash(index - 1), fakeHash(index),
        ])
    }

    /// Points the organization's chain head at the newest row so the head is consistent.
    static func updateHead(_ db: Database, orgId: Int64) throws {
        try db.execute(sql: """
            UPDATE audit_heads SET (last_id, last_hash, entries) =
                (SELECT MAX(id), (SELECT hash FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log WHERE org_id = ?)),
                        (SELECT COUNT(*) FROM audit_log WHERE org_id = ?)
                 FROM audit_log WHERE org_id = ?)
            WHERE org_id = ?
            """, arguments: [orgId, orgId, orgId, orgId])
    }

    static func fakeHash(_ index: Int) -> String {
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(index)))
        return (0..<4).map { _ in hexDigits(rng.next(), count: 16) }.joined()
    }

    static func hexDigits(_ value: UInt64, count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: count)
        var v = value
        for i in stride(from: count - 1, through: 0, by: -1) { bytes[i] = digits[Int(v & 0xF)]; v >>= 4 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
