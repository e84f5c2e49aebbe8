import Testing
@testable import CCWDomain

/// Random movements against a ledger: accepted ones keep levels, cost pools and batches in
/// step; refused ones change nothing; replaying the accepted movements rebuilds the ledger.
@Suite struct StockLedgerPropertyTests {
    static let products = [
        StockedProduct(id: 1, valuation: .fifo),
        StockedProduct(id: 2, scale: 2, valuation: .weightedAverage, tracking: .batch),
        StockedProduct(id: 3, valuation: .lifo),
    ]

    static func randomMovement(_ id: Int64, day: Int, using random: inout SeededGenerator) -> StockMovement {
        let product = products.randomElement(using: &random)!
        let warehouse = WarehouseID(Int64.random(in: 1...2, using: &random))
        let quantity = Quantity(units: .random(in: 1...30, using: &random), scale: product.scale)
        let cost = Money(minor: .random(in: 0...5_000, using: &random), currency: .EUR)
        let kind: StockMovement.Kind = switch Int.random(in: 0..<9, using: &random) {
        case 0, 1: .receive(quantity, unitCost: cost)
        case 2: .issue(quantity, fromAllocation: false)
        case 3: .issue(quantity, fromAllocation: true)
        case 4: .transfer(quantity, to: WarehouseID(3 - warehouse.rawValue))
        case 5: .adjustment(Bool.random(using: &random) ? quantity : -quantity, reason: "test", unitCost: nil)
        case 6: .count(counted: Quantity(units: .random(in: 0...40, using: &random), scale: product.scale))
        case 7: Bool.random(using: &random) ? .allocate(quantity) : .release(quantity)
        default: .reversal(of: MovementID(.random(in: 1...max(1, id - 1), using: &random)))
        }
        let batch = product.tracking == .batch && Bool.random(using: &random) ? "B\(Int.random(in: 1...3, using: &random))" : nil
        let expiry = batch.map { CalendarDate(dayNumber: 20_000 + Int($0.last!.wholeNumberValue!)) }
        return StockMovement(id: MovementID(id), date: CalendarDate(dayNumber: 20_000 + day), product: product.id,
                             warehouse: warehouse, kind: kind, batch: batch, expiry: expiry)
    }

    @Test func ledgerStaysConsistent() throws {
        var acceptedKinds: [String: Int] = [:]
        for seed in UInt64(1)...60 {
            var random = SeededGenerator(seed: seed)
            var ledger = StockLedger(currency: .EUR, products: Self.products)
            var accepted: [StockMovement] = []
            var valueChanges = Money.zero(.EUR)
            for id in Int64(1)...250 {
                let movement = Self.randomMovement(id, day: Int(id / 10), using: &random)
                let before = ledger
                do {
                    let posting = try ledger.post(movement)
                    accepted.append(movement)
                    acceptedKinds["\(movement.kind)".prefix { $0 != "(" }.description, default: 0] += 1
                    valueChanges += posting.valueChange
                } catch {
                    #expect(ledger == before, "a refused movement changes nothing (seed \(seed), \(error))")
                }
                for (key, level) in ledger.levels {
                    let pool = ledger.pools[key]
                    #expect(level.onHand == pool?.onHand ?? level.onHand, "seed \(seed) \(key)")
                    #expect(!level.onHand.isNegative && !level.available.isNegative)
                    if level.onHand.isZero { #expect(pool?.value.isZero ?? true) }
                    #expect(!(pool?.value.isNegative ?? false))
                }
                for (key, stock) in ledger.batches {
                    let held = stock.batches.values.map(\.quantity).sum(scale: 2)
                    #expect(held == ledger.level(key.product, at: key.warehouse).onHand, "batches add up (seed \(seed))")
                }
            }
            #expect(ledger.totalValue == valueChanges)
            let replayed = try StockLedger.replay(accepted, products: Self.products, currency: .EUR)
            #expect(replayed == ledger, "replaying the accepted movements rebuilds the ledger (seed \(seed))")
        }
        // Every kind of movement was exercised, including reversals.
        for kind in ["receive", "issue", "transfer", "adjustment", "count", "allocate", "release", "reversal"] {
            #expect(acceptedKinds[kind, default: 0] > 20, "\(kind): \(acceptedKinds)")
        }
    }
}
