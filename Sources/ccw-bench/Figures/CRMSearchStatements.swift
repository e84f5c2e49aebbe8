import CCWCore
import CCWViewModels
import Foundation
import GRDB

/// The `ContactSQL` statements the core sent for the contacts grid's first page of a text: the
/// core's page call and every candidate twin run on the traced reader, and the twins whose
/// expanded SQL the core sent are kept, in order. Every statement the core sent must have its
/// twin, so the baseline runs all of the core's work and nothing else; otherwise the run stops.
enum CRMSearchStatements {
    static func firstPage(_ session: AppSession, text: String, limit: Int) throws -> [BoundSQL] {
        let scope = session.scope
        var page: [ContactRecord] = []
        let core = try CoreStatements.capture(session) {
            page = try session.database.contacts.page(scope, filter: ContactFilter(text: text), after: nil, limit: limit)
        }
        let sql = ContactSQL(orgId: scope.orgId, text: text)
        var kept: [BoundSQL] = []
        var matched = Set<String>()
        for candidate in sql.firstPageCandidates(limit: limit, pageIds: page.map(\.stamp.id)) {
            let expanded = try CoreStatements.capture(session) {
                try session.database.pool.read { db in _ = try Row.fetchAll(db, sql: candidate.sql, arguments: candidate.arguments) }
            }
            guard expanded.count == 1, core.contains(expanded[0]) else { continue }
            kept.append(candidate)
            matched.insert(expanded[0])
        }
        let missing = core.filter { !matched.contains($0) }
        guard missing.isEmpty else {
            throw SQLParity.Mismatch(description: "contacts search \"\(text)\": the core sent statements without a twin in ContactSQL:\n    "
                + missing.joined(separator: "\n    "))
        }
        return kept
    }
}
