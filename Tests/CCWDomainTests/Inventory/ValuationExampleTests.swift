import Testing
@testable import CCWDomain

/// Hand-worked examples, one per method, with the arithmetic in the comments.
@Suite struct ValuationExampleTests {
    let day1 = try! CalendarDate(year: 2026, month: 3, day: 1)
    let day2 = try! CalendarDate(year: 2026, month: 3, day: 2)
    let day3 = try! CalendarDate(year: 2026, month: 3, day: 3)

    func eur(_ minor: Int64) -> Money { Money(minor: minor, currency: .EUR) }
    func q(_ units: Int64) -> Quantity { Quantity(units) }

    /// Receive 10 @ 4.00 and 10 @ 5.00, then issue 15.
    func tenAtFourTenAtFive(_ method: ValuationMethod) throws -> (CostPool, IssueCosting) {
        var pool = CostPool(method: method, currency: .EUR)
        try pool.apply(receipt: q(10), unitCost: eur(400), at: day1)
        try pool.apply(receipt: q(10), unitCost: eur(500), at: day2)
        let issue = try pool.apply(issue: q(15), at: day3)
        return (pool, issue)
    }

    @Test func fifo() throws {
        let (pool, issue) = try tenAtFourTenAtFive(.fifo)
        // Oldest first: 10 × 4.00 = 40.00 from the first layer, 5 × 5.00 = 25.00 from the
        // second: COGS 65.00. Left: 5 × 5.00 = 25.00. Check: 25.00 + 65.00 = 90.00 paid.
        #expect(issue.cost == eur(6500))
        #expect(issue.draws.map(\.cost) == [eur(4000), eur(2500)])
        #expect(issue.draws.map(\.quantity) == [q(10), q(5)])
        #expect(pool.onHand == q(5))
        #expect(pool.value == eur(2500))
        #expect(pool.layers.count == 1 && pool.layers[0].unitCost == eur(500))
    }

    @Test func lifo() throws {
        let (pool, issue) = try tenAtFourTenAtFive(.lifo)
        // Newest first: 10 × 5.00 = 50.00, then 5 × 4.00 = 20.00: COGS 70.00.
        // Left: 5 × 4.00 = 20.00. Check: 20.00 + 70.00 = 90.00.
        #expect(issue.cost == eur(7000))
        #expect(issue.draws.map(\.cost) == [eur(5000), eur(2000)])
        #expect(pool.onHand == q(5))
        #expect(pool.value == eur(2000))
    }

    @Test func weightedAverage() throws {
        let (pool, issue) = try tenAtFourTenAtFive(.weightedAverage)
        // One mixed layer: 20 units worth 90.00, average 4.50. 15 out: 9000 × 15 / 20 = 6750
        // → COGS 67.50. Left: 5 units worth 22.50 (still 4.50 each). 22.50 + 67.50 = 90.00.
        #expect(issue.cost == eur(6750))
        #expect(issue.draws.count == 1 && issue.draws[0].layer == .average)
        #expect(pool.onHand == q(5))
        #expect(pool.value == eur(2250))
        #expect(pool.averageUnitCost == eur(450))
    }

    @Test func weightedAverageRoundingCarriesTheRemainder() throws {
        var pool = CostPool(method: .weightedAverage, currency: .EUR)
        // 3 units for 1.00 in total: the average is 0.3333…
        try pool.apply(receipt: q(3), totalCost: eur(100), at: day1)
        // 100 × 1 / 3 = 33.33 → 0.33; left 2 units worth 0.67.
        #expect(try pool.apply(issue: q(1), at: day2).cost == eur(33))
        // 67 × 1 / 2 = 33.5 → 0.34 (half away from zero); left 1 unit worth 0.33.
        #expect(try pool.apply(issue: q(1), at: day2).cost == eur(34))
        // The last unit takes what is left: 0.33. 0.33 + 0.34 + 0.33 = 1.00 exactly.
        #expect(try pool.apply(issue: q(1), at: day3).cost == eur(33))
        #expect(pool.value == eur(0) && pool.onHand == q(0))
    }

    @Test func decimalQuantitiesRoundOnceAtReceipt() throws {
        var pool = CostPool(method: .fifo, currency: .EUR, scale: 3)
        // 1.250 kg at 3.99 per kg = 4.9875 → booked 4.99.
        let receipt = try pool.apply(receipt: Quantity.parse("1.250", scale: 3), unitCost: eur(399), at: day1)
        #expect(receipt.value == eur(499))
        // 0.500 kg of it: 499 × 500 / 1250 = 199.6 → 2.00; left 0.750 kg worth 2.99.
        let issue = try pool.apply(issue: Quantity.parse("0.5", scale: 3), at: day2)
        #expect(issue.cost == eur(200))
        #expect(pool.value == eur(299))
        #expect(pool.onHand.description == "0.750")
    }

    @Test func negativeStockIsRefusedByDefault() throws {
        var pool = CostPool(method: .fifo, currency: .EUR)
        try pool.apply(receipt: q(5), unitCost: eur(200), at: day1)
        #expect(throws: ValuationError.insufficientStock(requested: q(8), onHand: q(5))) {
            try pool.apply(issue: q(8), at: day2)
        }
        #expect("\(ValuationError.insufficientStock(requested: q(8), onHand: q(5)))"
            == "cannot issue 8: only 5 on hand (negative stock is not allowed)")
        #expect(pool.onHand == q(5) && pool.value == eur(1000))
    }

    @Test func negativeStockWhenAllowedIsSettledByTheNextReceipt() throws {
        var pool = CostPool(method: .fifo, currency: .EUR, negativeStock: .allow)
        try pool.apply(receipt: q(5), unitCost: eur(200), at: day1)
        // 5 from the layer at 2.00 = 10.00; 3 more owed at the last receipt cost 2.00 = 6.00.
        let issue = try pool.apply(issue: q(8), at: day2)
        #expect(issue.cost == eur(1600) && issue.shortfall == q(3))
        #expect(pool.onHand == q(-3) && pool.value == eur(-600))
        // 10 arrive at 2.50 = 25.00. The 3 owed really cost 25.00 × 3 / 10 = 7.50 instead of
        // 6.00: variance +1.50 to cost of goods. The other 7 form a layer worth 17.50.
        let receipt = try pool.apply(receipt: q(10), unitCost: eur(250), at: day3)
        #expect(receipt.settled == q(3) && receipt.costVariance == eur(150))
        #expect(pool.onHand == q(7) && pool.value == eur(1750))
        // Paid 10.00 + 25.00 = 35.00 = stock 17.50 + COGS 16.00 + variance 1.50.
        #expect(pool.value + issue.cost + receipt.costVariance == eur(3500))
    }

    @Test func reversingAnIssueRestoresItsLayers() throws {
        var (pool, issue) = try tenAtFourTenAtFive(.fifo)
        let back = try pool.reverse(issue: issue, at: day3)
        // 65.00 comes back: 10 into the (emptied) first layer at 40.00, 5 into the second.
        #expect(back.value == eur(6500) && back.reverses == issue.id)
        #expect(pool.onHand == q(20) && pool.value == eur(9000))
        #expect(pool.layers.map(\.value) == [eur(4000), eur(5000)])
        #expect(throws: ValuationError.alreadyReversed(issue.id)) { try pool.reverse(issue: issue, at: day3) }
        #expect(throws: ValuationError.reversalOfReversal(back.id)) { try pool.reverse(receipt: back, at: day3) }
    }

    @Test func reversingAReceiptNeedsItsStockUntouched() throws {
        var pool = CostPool(method: .fifo, currency: .EUR)
        let first = try pool.apply(receipt: q(10), unitCost: eur(400), at: day1)
        let second = try pool.apply(receipt: q(10), unitCost: eur(500), at: day2)
        try pool.apply(issue: q(4), at: day3)
        // The second layer is untouched: it goes out at exactly 50.00.
        let out = try pool.reverse(receipt: second, at: day3)
        #expect(out.cost == eur(5000) && out.reverses == second.id)
        #expect(pool.onHand == q(6) && pool.value == eur(2400))
        // 4 of the first were sold: reversing it is refused, a return must be posted instead.
        #expect(throws: ValuationError.receiptConsumed(first.id, layer: first.parts[0].layer!)) {
            try pool.reverse(receipt: first, at: day3)
        }
    }

    @Test func weightedAverageReceiptCannotBeReversedAfterAnIssue() throws {
        var pool = CostPool(method: .weightedAverage, currency: .EUR)
        try pool.apply(receipt: q(10), unitCost: eur(100), at: day1)
        let late = try pool.apply(receipt: q(10), unitCost: eur(500), at: day2)
        try pool.apply(issue: q(5), at: day3)
        #expect(throws: ValuationError.issuedSinceReceipt(late.id)) { try pool.reverse(receipt: late, at: day3) }
    }

    @Test func transferCarriesCostAndReceiptDate() throws {
        var source = CostPool(method: .fifo, currency: .EUR)
        var target = CostPool(method: .fifo, currency: .EUR)
        try source.apply(receipt: q(10), unitCost: eur(400), at: day1)
        try source.apply(receipt: q(10), unitCost: eur(500), at: day2)
        try target.apply(receipt: q(2), unitCost: eur(900), at: day2)
        // 12 move: 10 @ 4.00 (received day 1) and 2 @ 5.00 = 50.00 leaves, 50.00 arrives.
        let out = try source.apply(issue: q(12), at: day3)
        let arrived = try target.apply(transferIn: out, at: day3)
        #expect(out.cost == eur(5000) && arrived.value == eur(5000))
        // In the target the day-1 goods are now the oldest: FIFO takes them first.
        #expect(target.layers.map(\.receivedOn) == [day1, day2, day2])
        #expect(try target.apply(issue: q(10), at: day3).cost == eur(4000))
    }

    @Test func refusesWrongInputs() throws {
        var pool = CostPool(method: .fifo, currency: .EUR)
        #expect(throws: ValuationError.notPositive(what: "receipt", quantity: q(0))) {
            try pool.apply(receipt: q(0), unitCost: eur(1), at: day1)
        }
        #expect(throws: ValuationError.currencyMismatch(given: .USD, pool: .EUR)) {
            try pool.apply(receipt: q(1), unitCost: Money(minor: 1, currency: .USD), at: day1)
        }
        #expect(throws: ValuationError.negativeCost(eur(-1))) { try pool.apply(receipt: q(1), unitCost: eur(-1), at: day1) }
        #expect(throws: ValuationError.scaleMismatch(given: Quantity(units: 5, scale: 1), scale: 0)) {
            try pool.apply(issue: Quantity(units: 5, scale: 1), at: day1)
        }
    }
}
