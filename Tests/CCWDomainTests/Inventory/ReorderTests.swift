import Testing
@testable import CCWDomain

@Suite struct ReorderTests {
    func rule(point: Int64 = 10, quantity: Int64 = 50, max: Int64? = nil, supplier: SupplierID? = 7) throws -> ReorderRule {
        try ReorderRule(point: Quantity(point), quantity: Quantity(quantity), maxLevel: max.map(Quantity.init), supplier: supplier)
    }

    @Test func alertsOnceWhenTheLevelCrossesThePoint() throws {
        let rule = try rule()
        #expect(LowStockDetector.evaluate(previous: Quantity(12), current: Quantity(10), rule: rule) == .raise)
        #expect(LowStockDetector.evaluate(previous: Quantity(10), current: Quantity(4), rule: rule) == .none)
        #expect(LowStockDetector.evaluate(previous: Quantity(4), current: Quantity(11), rule: rule) == .rearm)
        #expect(LowStockDetector.evaluate(previous: Quantity(20), current: Quantity(11), rule: rule) == .none)

        var watch = LowStockWatch(rule: rule)
        let raised = [15, 11, 9, 8, 3, 12, 10, 10, 2].map { watch.observe(Quantity(Int64($0))) }
        #expect(raised == [false, false, true, false, false, false, true, false, false])
    }

    @Test func validatesRules() {
        #expect(throws: ValidationErrors.self) { try ReorderRule(point: Quantity(-1), quantity: Quantity(5)) }
        #expect(throws: ValidationErrors([FieldError(field: "reorder quantity", message: "must be above zero (got 0)")])) {
            try ReorderRule(point: Quantity(1), quantity: Quantity(0))
        }
        #expect(throws: ValidationErrors([FieldError(field: "maximum level", message: "must be above the reorder point 10 (got 10)")])) {
            try ReorderRule(point: Quantity(10), quantity: Quantity(5), maxLevel: Quantity(10))
        }
    }

    @Test func plansDraftOrdersBySupplier() throws {
        let alerts = [
            LowStockAlert(key: StockKey(1, 1), level: Quantity(3), rule: try rule(supplier: 7)),
            LowStockAlert(key: StockKey(2, 1), level: Quantity(4), rule: try rule(point: 5, max: 40, supplier: 8)),
            LowStockAlert(key: StockKey(3, 2), level: Quantity(0), rule: try rule(quantity: 12, supplier: 7)),
            LowStockAlert(key: StockKey(4, 1), level: Quantity(0), rule: try rule(supplier: nil)),
            LowStockAlert(key: StockKey(5, 1), level: Quantity(2), rule: try rule(supplier: 8)),
        ]
        let plan = ReorderPlanner.plan(alerts, onOrder: [StockKey(2, 1): Quantity(6), StockKey(5, 1): Quantity(20)])
        #expect(plan.orders.map(\.supplier) == [7, 8])
        #expect(plan.orders[0].lines == [DraftPurchaseLine(product: 1, warehouse: 1, quantity: Quantity(50)),
                                         DraftPurchaseLine(product: 3, warehouse: 2, quantity: Quantity(12))])
        // Up to 40: 40 − 4 on hand − 6 on order = 30. Product 5 has 20 on order already: above its point.
        #expect(plan.orders[1].lines == [DraftPurchaseLine(product: 2, warehouse: 1, quantity: Quantity(30))])
        #expect(plan.withoutSupplier.map(\.key) == [StockKey(4, 1)])
    }

    @Test func postingsRaiseAlertsOnAvailableStock() throws {
        var ledger = StockLedger(currency: .EUR, products: [StockedProduct(id: 1)])
        var m = MovementMaker()
        let rules = [StockKey(1, 1): try rule(point: 5, quantity: 20)]
        let receipt = try ledger.post(m.make(.receive(Quantity(12), unitCost: MovementMaker.eur(100))))
        #expect(ReorderPlanner.alerts(for: receipt, rules: rules).isEmpty)
        // Reserving 7 of 12 leaves 5 available: at the point, so an alert.
        let reserve = try ledger.post(m.make(.allocate(Quantity(7))))
        #expect(ReorderPlanner.alerts(for: reserve, rules: rules).map(\.level) == [Quantity(5)])
        let sale = try ledger.post(m.make(.issue(Quantity(2), fromAllocation: false)))
        #expect(ReorderPlanner.alerts(for: sale, rules: rules).isEmpty)
    }
}
