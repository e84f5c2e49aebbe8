import CCWDomain
import GRDB
@testable import CCWCore

/// The demo identity data plus one warehouse pair and helpers for stock tests.
struct InventoryFixture {
    let seeded: SeededDatabase
    let main: Warehouse
    let outlet: Warehouse

    init() throws {
        seeded = try SeededDatabase()
        main = try seeded.database.warehouses.add(seeded.northwind, code: "ber-1", name: "Berlin main")
        outlet = try seeded.database.warehouses.add(seeded.northwind, code: "HAM-2", name: "Hamburg outlet", type: .store)
    }

    var database: AppDatabase { seeded.database }
    var scope: Scope { seeded.northwind }

    func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: .EUR) }

    func product(_ sku: String, valuation: ValuationMethod = .fifo, barcode: String? = nil,
                 tracking: StockTracking = .quantityOnly, scope: Scope? = nil) throws -> Product {
        var draft = ProductDraft(sku: sku, name: "Product \(sku)", barcode: barcode)
        draft.valuation = valuation
        draft.tracking = tracking
        return try database.products.add(scope ?? self.scope, draft)
    }

    @discardableResult
    func book(_ product: Product, at warehouse: Warehouse, _ kind: StockMovementRequest.Kind,
              batch: String? = nil, expiry: CalendarDate? = nil, serials: [String] = []) throws -> StockBookingResult {
        try database.stockBooking.book(scope, StockMovementRequest(productId: product.id, warehouseId: warehouse.id, kind: kind,
                                                                   batch: batch, expiry: expiry, serials: serials))
    }
}

/// The ledger invariants of a database, over every organization.
struct LedgerCheck {
    /// Places whose level or pool disagrees with the sum of their ledger rows.
    var mismatches: [String] = []
    var receivedValue: Int64 = 0
    var poolValue: Int64 = 0
    var costOfGoods: Int64 = 0

    init(_ database: AppDatabase) throws {
        try database.read { db in
            let sums = try Row.fetchAll(db, sql: """
                SELECT m.org_id, m.product_id, m.warehouse_id, SUM(m.quantity) AS q, SUM(m.allocated_change) AS a,
                       SUM(m.value_change_minor) AS v, l.on_hand, l.allocated, c.on_hand AS pool_q, c.value_minor
                FROM stock_movements m
                LEFT JOIN stock_levels l ON l.org_id = m.org_id AND l.product_id = m.product_id AND l.warehouse_id = m.warehouse_id
                     AND l.bin = '' AND l.batch = ''
                LEFT JOIN cost_pools c ON c.org_id = m.org_id AND c.product_id = m.product_id AND c.warehouse_id = m.warehouse_id
                GROUP BY m.org_id, m.product_id, m.warehouse_id
                """)
            for row in sums {
                let q: Int64 = row["q"], a: Int64 = row["a"], v: Int64 = row["v"]
                let onHand: Int64? = row["on_hand"], allocated: Int64? = row["allocated"]
                let poolQ: Int64 = row["pool_q"] ?? 0, pool: Int64 = row["value_minor"] ?? 0
                if onHand != q || allocated != a || poolQ != q || pool != v {
                    mismatches.append("product \(row["product_id"] as Int64) at \(row["warehouse_id"] as Int64): "
                        + "ledger \(q)/\(a)/\(v), level \(onHand.map(String.init) ?? "-")/\(allocated.map(String.init) ?? "-"), pool \(poolQ)/\(pool)")
                }
            }
            receivedValue = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(value_change_minor), 0) FROM stock_movements WHERE kind = 'receive'") ?? 0
            poolValue = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(value_minor), 0) FROM cost_pools") ?? 0
            costOfGoods = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(cost_of_goods_minor), 0) FROM stock_movements") ?? 0
        }
    }
}
