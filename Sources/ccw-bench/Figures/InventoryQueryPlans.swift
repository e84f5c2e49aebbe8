import CCWCore
import CCWViewModels
import Foundation
import GRDB

/// `EXPLAIN QUERY PLAN` of the statements the stock matrix and the valuation send (traced from
/// the core, `CoreStatements`), with the checks that keep a matrix page cheap at any depth:
/// - the page of products seeks `products_grid` (at the cursor's name, for a page after one:
///   SQLite seeks the row value's first column and filters the id) and does not sort; a parent
///   of variants is recognised through `products_by_parent`;
/// - the levels and reorder rules of the page's products are looked up by the leading
///   columns of `stock_levels`' unique key and of `reorder_rules_place`;
/// - the valuation reads the ledger through the covering `stock_movements_valuation` in
///   (product, warehouse) order: no table access, no temporary B-tree for the grouping (its
///   cost grows with the ledger; that is intended);
/// - every statement of a booking seeks a key (`InventoryBookingPlans`).
struct InventoryQueryPlans {
    let bench: BenchSession

    /// What a plan must show: its description and the test.
    struct Expectation: Sendable {
        var text: String
        var holds: @Sendable ([String]) -> Bool

        static func noSort(_ plan: [String]) -> Bool { !plan.contains { $0.contains("USE TEMP B-TREE") } }

        static func seeks(_ table: String, _ index: String, _ key: String, sorts: Bool = false) -> Expectation {
            Expectation(text: "SEARCH \(table) USING [COVERING] INDEX \(index) (\(key)…)\(sorts ? "" : ", no sort")") { plan in
                (sorts || noSort(plan)) && plan.contains {
                    $0.hasPrefix("SEARCH \(table) USING INDEX \(index) (\(key)") || $0.hasPrefix("SEARCH \(table) USING COVERING INDEX \(index) (\(key)")
                }
            }
        }

        static let productsPage = Expectation(
            text: "SEARCH products USING INDEX products_grid (org_id=?…), no sort; SEARCH v USING … products_by_parent") { plan in
            noSort(plan) && plan.contains { $0.hasPrefix("SEARCH products USING INDEX products_grid (org_id=?") }
                && plan.contains { $0.contains("SEARCH v USING") && $0.contains("products_by_parent") }
        }

        static let valuation = Expectation(text: "SEARCH m USING COVERING INDEX stock_movements_valuation (org_id=?), no temp B-tree") { plan in
            noSort(plan) && plan.contains { $0.hasPrefix("SEARCH m USING COVERING INDEX stock_movements_valuation (org_id=?)") }
        }
    }

    func explain() throws -> [QueryPlans.Finding] {
        let session = try bench.open()
        defer { try? session.database.close() }
        let stock = session.database.stockQueries, scope = session.scope
        let total = try stock.matrixCount(scope).count
        var cursor: ProductCursor?
        for _ in 0..<max(1, min(50, total / 200)) { cursor = try stock.matrixPage(scope, after: cursor, limit: 100).last?.cursor }
        let first = try CoreStatements.capture(session) { _ = try stock.matrixPage(scope, after: nil, limit: 100) }
        let deep = try CoreStatements.capture(session) { _ = try stock.matrixPage(scope, after: cursor, limit: 100) }
        let count = try CoreStatements.capture(session) { _ = try stock.matrixCount(scope) }
        let valuation = try CoreStatements.capture(session) { _ = try stock.valuation(scope, asOf: session.today) }

        var statements: [(String, String, Expectation?)] = []
        func add(_ name: String, _ sql: [String], _ checks: [(String, Expectation?)]) {
            for (i, statement) in sql.enumerated() {
                let check = checks.first { statement.contains($0.0) }
                statements.append(("\(name) (\(i + 1) of \(sql.count))", statement, check?.1))
            }
        }
        let levels = ("FROM stock_levels", Expectation.seeks("stock_levels", "sqlite_autoindex_stock_levels_1", "org_id=? AND product_id=?", sorts: true))
        let rules = ("FROM reorder_rules", Expectation.seeks("reorder_rules", "reorder_rules_place", "org_id=? AND product_id=?", sorts: true))
        add("matrix first page", first, [("FROM products WHERE", .productsPage), levels, rules])
        add("matrix page after \(cursor.map { "\"\($0.name)\"" } ?? "the first")", deep, [
            ("FROM products WHERE", Expectation(text: "SEARCH products USING INDEX products_grid (org_id=? AND name>? or (name,id)>(?,?)), no sort") { plan in
                Expectation.noSort(plan) && plan.contains {
                    $0.hasPrefix("SEARCH products USING INDEX products_grid (org_id=? AND name>?)")
                        || $0.hasPrefix("SEARCH products USING INDEX products_grid (org_id=? AND (name,id)>(?,?))")
                }
            }), levels, rules,
        ])
        add("matrix count (exact)", count, [])
        add("valuation as of today", valuation, [("FROM stock_movements", .valuation)])
        let findings = try session.database.pool.read { db in
            try statements.map { name, sql, expectation in
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { row -> String in row["detail"] }
                return QueryPlans.Finding(name: name, plan: plan, expected: expectation?.text, asIntended: expectation?.holds(plan))
            }
        }
        return findings + (try InventoryBookingPlans(bench: bench).explain(session))
    }
}
