import CCWCore
import CCWDomain
import CCWViewModels
import Foundation
import GRDB

/// `EXPLAIN QUERY PLAN` of every statement one booking sends (a receipt and an issue through
/// `StockBooking.book`, traced on the writer connection), checked to be bounded: no statement
/// may scan a table or search an index on `org_id` alone, since either walks the whole
/// organization (the ledger has millions of rows). Printed compactly, one line per statement
/// that has a plan.
struct InventoryBookingPlans {
    let bench: BenchSession

    static let expected = "every statement seeks a key (no SCAN, no search on org_id alone)"

    static func bounded(_ line: String) -> Bool {
        !(line.hasPrefix("SCAN ") && !line.hasPrefix("SCAN CONSTANT ROW")) && !line.hasSuffix("(org_id=?)")
    }

    func explain(_ session: AppSession) throws -> [QueryPlans.Finding] {
        let scope = session.scope
        guard let place = try session.database.pool.read({ db in
            try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.warehouse_id, p.decimals, p.cost_minor FROM stock_levels l JOIN products p ON p.id = l.product_id
                WHERE l.org_id = ? AND l.bin = '' AND l.batch = '' AND l.on_hand > 1000 AND p.tracking = 'quantity' LIMIT 1
                """, arguments: [scope.orgId])
        }) else { return [] }
        let product: Int64 = place["product_id"], warehouse: Int64 = place["warehouse_id"], decimals: Int = place["decimals"]
        let unit = Quantity(units: Quantity(units: 0, scale: decimals).unitsPerWhole, scale: decimals)
        let requests: [(String, StockMovementRequest)] = [
            ("booking a receipt", .receive(product, at: warehouse, unit, unitCost: Money(minor: place["cost_minor"], currency: scope.baseCurrency),
                                           reference: "PO-PLAN")),
            ("booking an issue", .issue(product, at: warehouse, unit, reference: "SO-PLAN")),
        ]
        let captured = SQLParity.Captured()
        try session.database.pool.writeWithoutTransaction { db in
            db.trace { event in if case .statement(let s) = event { captured.append(s.expandedSQL) } }
        }
        defer { try? session.database.pool.writeWithoutTransaction { db in db.trace(options: []) } }
        var findings: [QueryPlans.Finding] = []
        for (name, request) in requests {
            _ = captured.take()
            try session.database.stockBooking.book(scope, request)
            let statements = captured.take().filter { sql in
                ["SELECT", "UPDATE", "DELETE", "WITH"].contains { sql.hasPrefix($0) } && !sql.contains("'main'.")
            }
            var plan: [String] = []
            var ok = true
            try session.database.pool.writeWithoutTransaction { db in
                db.trace(options: [])
                for sql in statements {
                    let lines = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { row -> String in row["detail"] }
                    guard !lines.isEmpty else { continue }
                    let bounded = lines.allSatisfy(Self.bounded)
                    ok = ok && bounded
                    let head = sql.replacingOccurrences(of: "\n", with: " ").split(separator: " ").prefix(6).joined(separator: " ")
                    plan.append("\(bounded ? "" : "UNBOUNDED: ")\(head)… → " + lines.joined(separator: "; "))
                }
                db.trace { event in if case .statement(let s) = event { captured.append(s.expandedSQL) } }
            }
            findings.append(QueryPlans.Finding(name: "\(name) (\(statements.count) statements with a plan)", plan: plan,
                                               expected: Self.expected, asIntended: ok))
        }
        return findings
    }
}
