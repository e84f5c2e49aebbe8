import CCWCore
import CCWViewModels
import Foundation
import GRDB

/// Checks that `AuditSQL` writes exactly the statements the core sends: each core call and its
/// `AuditSQL` twin run on one traced connection, and SQLite's expanded SQL of the two (the text
/// with the bound values written in) must be the same string. A difference means the baseline
/// would time another statement than ours, so the run stops.
struct SQLParity {
    let bench: BenchSession

    struct Mismatch: Error, CustomStringConvertible { let description: String }

    /// The statements compared, by name.
    func check() throws -> [String] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let scope = session.scope, audit = session.database.audit
        let cursor = try bench.cursor(session, atOffset: 1_000)
        let captured = Captured()
        // Sequential reads on one thread reuse the pool's first reader, so tracing it sees them all.
        try session.database.pool.read { db in
            db.trace { event in
                if case .statement(let s) = event { captured.append(s.expandedSQL) }
            }
        }
        var checked: [String] = []
        func compare(_ name: String, _ ours: BoundSQL, core: () throws -> Void) throws {
            _ = captured.take()
            try core()
            let coreSQL = captured.take().filter(Self.isSent)
            try session.database.pool.read { db in _ = try Row.fetchAll(db, sql: ours.sql, arguments: ours.arguments) }
            let oursSQL = captured.take().filter(Self.isSent)
            guard coreSQL.count == 1 else {
                throw Mismatch(description: "\(name): expected one SELECT from the core, saw \(coreSQL.count):\n\(coreSQL.joined(separator: "\n"))")
            }
            guard oursSQL == coreSQL else {
                throw Mismatch(description: "\(name): the baseline statement differs from the core's\n  core:     \(coreSQL[0])\n"
                    + "  baseline: \(oursSQL.first ?? "(none)")")
            }
            checked.append(name)
        }
        let filters: [(label: String, text: String?)] = [("", nil), ("FTS ", "invoice"), ("LIKE ", "in voice")]
        for (label, text) in filters {
            let sql = AuditSQL(orgId: scope.orgId, text: text)
            let filter = AuditFilter(text: text)
            try compare("\(label)first page", sql.first(limit: 100)) { _ = try audit.page(scope, filter: filter, limit: 100) }
            try compare("\(label)page after cursor", sql.after(cursor, limit: 100)) {
                _ = try audit.page(scope, filter: filter, after: cursor, limit: 100)
            }
            try compare("\(label)page before cursor", sql.before(cursor, limit: 100)) {
                _ = try audit.page(scope, filter: filter, before: cursor, limit: 100)
            }
            try compare("\(label)last page", sql.last(limit: 100)) { _ = try audit.lastPage(scope, filter: filter, limit: 100) }
            // A LIKE count reads every row (a second or so at 1M); its shape is the plain COUNT.
            if label != "LIKE " {
                try compare("\(label)count", sql.count()) {
                    _ = try audit.countMatching(scope, filter: filter, cap: AuditLogModel.countCap)
                }
            }
        }
        try session.database.pool.read { db in db.trace(options: []) }
        return checked
    }

    /// A statement sent by the caller: not the transaction around a read, nor one FTS5 runs
    /// itself on its shadow tables (`'main'.'audit_log_fts_config'` …), which the trace also sees.
    static func isSent(_ sql: String) -> Bool {
        sql.hasPrefix("SELECT") && !sql.contains("'main'.")
    }

    /// Statements seen by the trace, collected under a lock (SQLite calls back on the reader's queue).
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var statements: [String] = []
        func append(_ sql: String) { lock.withLock { statements.append(sql) } }
        func take() -> [String] { lock.withLock { defer { statements = [] }; return statements } }
    }
}
