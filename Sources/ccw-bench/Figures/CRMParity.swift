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
        let pipeline = try session.database.pipelines.defaultPipeline(scope).pipeline
        let board = BoardSQL(orgId: scope.orgId, pipelineId: pipeline.id.rawValue)
        try compare("board totals and cards", [board.totals()] + pipeline.stages.map { board.cards(stage: $0.id.rawValue, limit: 30) }) {
            _ = try session.database.deals.board(scope, pipeline: pipeline.id, cardsPerColumn: 30)
        }
        try session.database.pool.read { db in db.trace(options: []) }
        // (These capture with their own trace, so they come last.)
        // Terms with many matches (walked, or not, as the data set makes them): every statement
        // the core sends for the first page has its twin (`CRMSearchStatements` checks it).
        for text in [CRMSearchFigure.common, CRMSearchFigure.wide] {
            let page = try CRMSearchStatements.firstPage(session, text: text, limit: 100)
            checked.append("contacts search \"\(text)\" first page (\(page.count) statements)")
        }
        return checked
    }
}
