import CCWCore
import CCWDomain
import CCWViewModels
import Foundation

/// Open to first frame: `AppDatabase.open` (schema check) + login + the app shell + the first
/// frame of Home on a 120x40 in-memory surface, reopening the file each time (the OS cache is
/// warm, so "cold-ish"). Baseline: a whole `sqlite3` process that opens the same file and runs
/// the queries Home runs (login, organization, users, 14 daily counts, 12 recent changes,
/// notifications).
struct OpenFigure {
    let bench: BenchSession
    let shell: SqliteShell
    let samples: Int

    func measure() throws -> [Figure] {
        var times: [Double] = []
        var homeSQL: String?
        for _ in 0..<samples {
            let t0 = Stopwatch.nowNanos()
            let session = try bench.open()
            let driver = bench.driver(session)
            times.append(Double(Stopwatch.nowNanos() - t0) / 1_000_000)
            try BenchSession.expect(driver, shows: "Latest changes", after: "opening Home")
            if homeSQL == nil { homeSQL = try homeQueries(session) }
            try session.database.close()
        }
        let script = homeSQL ?? ""
        let baseline = Samples(try (0..<samples).map { _ in try shell.wallTime(script) }).median
        let ours = Samples(times)
        return [
            Figure(metric: "open to first frame (Home, median)", ours: ours.median, baseline: baseline, target: 150),
            Figure(metric: "open to first frame (Home, slowest)", ours: ours.values.last ?? .nan, baseline: nil),
        ]
    }

    /// The statements Home sends for this session, as a `sqlite3` script.
    private func homeQueries(_ session: AppSession) throws -> String {
        let scope = session.scope
        let org = scope.orgId
        var sql = [
            "SELECT * FROM users WHERE login = \(AuditSQL.quote(scope.login)) COLLATE NOCASE",
            """
            SELECT o.*, m.role FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = \(scope.userId) AND m.deleted_at IS NULL AND (o.name = \(AuditSQL.quote(scope.orgName)) COLLATE NOCASE OR o.uid = \(AuditSQL.quote(scope.orgName)))
            """,
            "SELECT * FROM organizations WHERE id = \(org)",
            """
            SELECT u.*, m.role FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.org_id = \(org) AND m.deleted_at IS NULL AND u.active = 1 ORDER BY u.login COLLATE NOCASE
            """,
        ]
        let today = session.today
        for offset in stride(from: 13, through: 0, by: -1) {
            let day = today.adding(days: -offset)
            let start = ZonedTime.startOfDay(day, in: scope.zone), end = ZonedTime.startOfDay(day.adding(days: 1), in: scope.zone)
            sql.append("SELECT COUNT(*) FROM audit_log WHERE org_id = \(org) AND at >= \(start) AND at < \(end)")
        }
        let recent = AuditSQL(orgId: org).first(limit: 12)
        sql.append("SELECT * FROM notifications WHERE org_id = \(org) AND user_id = \(scope.userId) ORDER BY id DESC LIMIT 12")
        return sql.map { $0 + ";" }.joined(separator: "\n") + "\n" + recent.shellParameters + recent.sql + ";\n"
    }
}
