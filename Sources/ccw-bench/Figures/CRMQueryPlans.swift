import CCWCore
import Foundation
import GRDB

/// `EXPLAIN QUERY PLAN` of the contacts grid's and the kanban's statements (`ContactSQL`,
/// `BoardSQL`, the core's own) on the data set, with the checks that keep them cheap at any
/// size:
/// - a contacts page deep in the list seeks to its cursor in `contacts_by_name` and does not sort;
/// - a contacts text search is driven by the trigram index (`SCAN f VIRTUAL TABLE INDEX`) and
///   reads each match's sort keys from the covering `contacts_search_keys` (the matches are
///   then sorted by name: that sort is intended, its cost grows with the number of matches);
/// - a common term's probe is answered by the trigram index, and its walks read
///   `contacts_by_name` in order without sorting (by membership: the matches built once as
///   a list);
/// - the board's totals read the covering index `deals_board_totals` in group order, and each
///   column's cards seek `deals_board_cards`; neither sorts.
struct CRMQueryPlans {
    let bench: BenchSession

    enum Expectation {
        case contactsSeek
        case ftsDriven
        case ftsProbe
        case nameWalk
        case membershipWalk
        case index(String)

        var text: String {
            switch self {
            case .contactsSeek: "SEARCH contacts USING INDEX contacts_by_name (org_id=? AND (last_name,first_name,id)>…), no sort"
            case .ftsDriven: "SCAN f VIRTUAL TABLE INDEX, then SEARCH contacts USING COVERING INDEX contacts_search_keys"
            case .ftsProbe: "SCAN contacts_fts VIRTUAL TABLE INDEX"
            case .nameWalk: "SEARCH contacts USING INDEX contacts_by_name (org_id=?), no sort"
            case .membershipWalk: "SEARCH contacts USING INDEX contacts_by_name (org_id=?), matches as a list, no sort"
            case .index(let name): "SEARCH deals USING [COVERING] INDEX \(name), no sort"
            }
        }

        func holds(_ plan: [String]) -> Bool {
            let sorts = plan.contains { $0.contains("USE TEMP B-TREE") }
            switch self {
            case .contactsSeek:
                return !sorts && plan.contains { $0.hasPrefix("SEARCH contacts USING INDEX contacts_by_name (org_id=? AND (") }
            case .ftsDriven:
                guard let scan = plan.firstIndex(where: { $0.hasPrefix("SCAN f VIRTUAL TABLE INDEX") }),
                      let search = plan.firstIndex(where: { $0.hasPrefix("SEARCH contacts USING COVERING INDEX contacts_search_keys") })
                else { return false }
                return scan < search
            case .ftsProbe:
                return plan.contains { $0.hasPrefix("SCAN contacts_fts VIRTUAL TABLE INDEX") }
            case .nameWalk:
                return !sorts && plan.contains { $0.hasPrefix("SEARCH contacts USING INDEX contacts_by_name (org_id=?)") }
            case .membershipWalk:
                return !sorts && plan.contains { $0.hasPrefix("SEARCH contacts USING INDEX contacts_by_name (org_id=?)") }
                    && plan.contains { $0.contains("LIST SUBQUERY") }
            case .index(let name):
                return !sorts && plan.contains {
                    $0.hasPrefix("SEARCH deals USING INDEX \(name) (") || $0.hasPrefix("SEARCH deals USING COVERING INDEX \(name) (")
                }
            }
        }
    }

    func explain() throws -> [QueryPlans.Finding] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let org = session.scope.orgId
        let total = try session.database.contacts.count(session.scope)
        let deep = try bench.contactCursor(session, atOffset: total / 2)
        let sql = ContactSQL(orgId: org)
        let common = ContactSQL(orgId: org, text: CRMSearchFigure.common)
        let pipeline = try session.database.pipelines.defaultPipeline(session.scope).pipeline
        let board = BoardSQL(orgId: org, pipelineId: pipeline.id.rawValue)
        let stage = pipeline.stages.first?.id.rawValue ?? 0
        let statements: [(String, BoundSQL, Expectation?)] = [
            ("contacts first page", sql.first(limit: 100), nil),
            ("contacts count (exact)", sql.count(), nil),
            ("contacts page after cursor, row \((total / 2).grouped)", sql.after(deep, limit: 100), .contactsSeek),
            ("contacts FTS count \"\(CRMSearchFigure.common)\", capped", common.count(), .ftsDriven),
            ("contacts FTS first page \"\(CRMSearchFigure.common)\" (when not walked)", common.first(limit: 100), .ftsDriven),
            ("contacts probe \"\(CRMSearchFigure.common)\"", common.probe(limit: 2_000), .ftsProbe),
            ("contacts walk first page \"\(CRMSearchFigure.common)\"", common.walk(limit: 100), .nameWalk),
            ("contacts walk by membership \"\(CRMSearchFigure.wide)\"",
             ContactSQL(orgId: org, text: CRMSearchFigure.wide).membershipWalk(limit: 100), .membershipWalk),
            ("board totals", board.totals(), .index("deals_board_totals")),
            ("board cards of the first stage", board.cards(stage: stage, limit: 30), .index("deals_board_cards")),
        ]
        return try session.database.pool.read { db in
            try statements.map { name, statement, expectation in
                let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                let plan = rows.map { row -> String in row["detail"] }
                return QueryPlans.Finding(name: name, plan: plan, expected: expectation?.text, asIntended: expectation?.holds(plan))
            }
        }
    }
}
