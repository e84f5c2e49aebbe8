/// Transfers and adjustments: movements built from goods in and goods out.
extension StockLedger {
    /// A transfer issues from the source under its valuation method and receives the drawn
    /// pieces at the destination at exactly their cost (see `CostPool.apply(transferIn:at:)`);
    /// batches keep their numbers and expiry, serials move with the goods.
    mutating func transfer(_ quantity: Quantity, to target: WarehouseID, product: StockedProduct,
                           movement: StockMovement, posting: inout StockPosting) throws(StockError) {
        guard target != movement.warehouse else { throw .sameWarehouse(target) }
        try requireScale(quantity, product)
        try checkSerials(movement, quantity: quantity, product: product)
        let source = StockKey(product.id, movement.warehouse)
        let destination = StockKey(product.id, target)
        try changeLevel(.issue(quantity), at: source, posting: &posting)
        try changeLevel(.receive(quantity), at: destination, posting: &posting)
        let out = try withPool(source, product: product) { pool throws(ValuationError) in
            try pool.apply(issue: quantity, at: movement.date)
        }
        posting.issue = out
        posting.receipt = try withPool(destination, product: product) { pool throws(ValuationError) in
            try pool.apply(transferIn: out, at: movement.date)
        }
        if product.tracking == .batch {
            let picks = try batches[source, default: BatchStock()].issue(quantity, batch: movement.batch,
                                                                         allowShort: negativeStock == .allow)
            let expiries = batches[source]!.batches
            for pick in picks {
                try batches[destination, default: BatchStock()].receive(pick.quantity, batch: pick.batch,
                                                                        expiry: expiries[pick.batch]?.expiry)
            }
            posting.batches = picks
        }
        if product.tracking == .serial {
            try serials.transfer(movement.serials, product: product.id, from: movement.warehouse, to: target)
        }
    }

    /// A signed correction of the on-hand quantity: found goods come in at `unitCost` (or the
    /// pool's current unit cost), missing goods go out at the valuation method's cost.
    mutating func adjust(_ delta: Quantity, unitCost: Money?, at key: StockKey, product: StockedProduct,
                         movement: StockMovement, posting: inout StockPosting) throws(StockError) {
        try requireScale(delta, product)
        if delta.isPositive {
            try bookIn(delta, at: key, product: product, movement: movement, posting: &posting) { pool throws(ValuationError) in
                try pool.apply(receipt: delta, unitCost: unitCost ?? pool.currentUnitCost, at: movement.date)
            }
        } else if delta.isNegative {
            try bookOut(delta.magnitude, change: .adjust(delta), at: key, product: product, movement: movement, posting: &posting)
        } else {
            throw .notPositive(what: "adjustment", quantity: delta)
        }
    }
}
