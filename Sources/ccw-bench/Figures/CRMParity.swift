import CCWCore
import CCWDomain
import CCWViewModels
import Foundation
import GRDB

/// Checks that `ContactSQL` and `BoardSQL` write exactly the statements the core sends, as
/// `SQLParity` does for the audit grid: each core call and its twins run on one traced
/// connection, and every twin's expanded SQL must be one of the statements the core sent. A
/// difference means the baseline would time another statement than ours, so the run stops.
struct CRMParity {
    let bench: BenchSession

    /// The statements compared, by name.
    func check() throws -> [String] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let scope = session.scope, contacts = session.database.contacts
        let cursor = try bench.contactCursor(session, atOffset: 1_000)
        let captured = SQLParity.Captured()
        try session.database.pool.read { db in
            db.trace { event in
                if case .statement(let s) = event { captured.append(s.expandedSQL) }
            }
        }
        var checked: [String] = []
        func compare(_ name: String, _ ours: [BoundSQL], core: () throws -> Void) throws {
            _ = captured.take()
            try core()
            let coreSQL = captured.take().filter(SQLParity.isSent)
            for statement in ours {
                try session.database.pool.read { db in _ = try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments) }
                let mine = captured.take().filter(SQLParity.isSent)
                guard mine.count == 1, coreSQL.contains(mine[0]) else {
                    throw SQLParity.Mismatch(description: "\(name): the baseline statement is not one the core sent\n  core:\n    "
                        + coreSQL.joined(separator: "\n    ") + "\n  baseline: \(mine.first ?? "(none)")")
                }
            }
            checked.append(name)
        }
        for text in [nil, "Wójcik"] {
            let label = text == nil ? "contacts " : "contacts FTS "
            let sql = ContactSQL(orgId: scope.orgId, text: text)
            let filter = ContactFilter(text: text)
            try compare("\(label)first page", [sql.first(limit: 100)]) { _ = try contacts.page(scope, filter: filter, after: nil, limit: 100) }
            try compare("\(label)page after cursor", [sql.after(cursor, limit: 100)]) {
                _ = try contacts.page(scope, filter: filter, after: cursor, limit: 100)
            }
            try compare("\(label)page before cursor", [sql.before(cursor, limit: 100)]) {
                _ = try contacts.page(scope, filter: filter, before: cursor, limit: 100)
            }
            try compare("\(label)last page", [sql.last(limit: 100)]) { _ = try contacts.page(scope, filter: filter, before: nil, limit: 100) }
            try compare("\(label)count", [sql.count()]) {
                _ = try contacts.countMatching(scope, filter: filter, cap: text == nil ? nil : ContactsModel.countCap)
            }
        }
        // A common term is walked (when the data set makes it common): the probe, then the
        // walk from the top, after and before a cursor.
        let common = try session.database.pool.read { db in
            try ContactSQL(orgId: scope.orgId, text: CRMSearchFigure.common).probed(db)
        }
        let filter = ContactFilter(text: CRMSearchFigure.common)
        let label = common.walks ? "contacts walk " : "contacts FTS \"\(CRMSearchFigure.common)\" "
        try compare("\(label)first page", common.firstPage(limit: 100)) {
            _ = try contacts.page(scope, filter: filter, after: nil, limit: 100)
        }
        if common.walks {
            try compare("contacts walk page after cursor", [common.walk(cursor: cursor, forwards: true, limit: 100)]) {
                _ = try contacts.page(scope, filter: filter, after: cursor, limit: 100)
            }
            try compare("contacts walk page before cursor", [common.walk(cursor: cursor, forwards: false, limit: 100)]) {
                _ = try contacts.page(scope, filter: filter, before: cursor, limit: 100)
            }
        }
        let pipeline = try session.database.pipelines.defaultPipeline(scope).pipeline
        let board = BoardSQL(orgId: scope.orgId, pipelineId: pipeline.id.rawValue)
        try compare("board totals and cards", [board.totals()] + pipeline.stages.map { board.cards(stage: $0.id.rawValue, limit: 30) }) {
            _ = try session.database.deals.board(scope, pipeline: pipeline.id, cardsPerColumn: 30)
        }
        try session.database.pool.read { db in db.trace(options: []) }
        return checked
    }
}
