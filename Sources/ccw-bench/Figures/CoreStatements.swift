import CCWCore
import CCWViewModels
import Foundation
import GRDB

/// The SELECT statements a core call sends, as SQLite's expanded SQL (bound values written
/// in), captured by tracing the reader it uses: the inventory baselines and query plans run
/// exactly these, so they need no hand-written twin to keep in step with the core.
enum CoreStatements {
    static func capture(_ session: AppSession, _ body: () throws -> Void) throws -> [String] {
        let captured = SQLParity.Captured()
        // Sequential reads on one thread reuse the pool's first reader, so tracing it sees them all.
        try session.database.pool.read { db in
            db.trace { event in
                if case .statement(let s) = event { captured.append(s.expandedSQL) }
            }
        }
        defer { try? session.database.pool.read { db in db.trace(options: []) } }
        try body()
        let sent = captured.take().filter(SQLParity.isSent)
        guard !sent.isEmpty else { throw BenchSession.Failure(description: "the core call sent no SELECT on the traced reader") }
        return sent
    }

    /// The captured statements as the shell's baseline (no parameters left to bind).
    static func bound(_ statements: [String]) -> [BoundSQL] {
        statements.map { BoundSQL(sql: $0, values: []) }
    }
}
