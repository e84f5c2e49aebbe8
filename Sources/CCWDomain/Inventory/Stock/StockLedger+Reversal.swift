/// Reversal movements: a wrong movement is undone by a new one, never edited.
///
/// - a receipt (or found-goods adjustment) is undone by taking the same goods out of the same
///   batch at the same cost; refused when they have already been issued, reserved or moved;
/// - an issue (or missing-goods adjustment) is undone by receiving the goods back into their
///   batches, at the cost they were issued at; they come back unreserved;
/// - a transfer is undone both ways: out of the destination at the carried cost, back into
///   the source at the cost they left with;
/// - a count is undone like the adjustment it posted; a reservation by its opposite;
/// - a reversal cannot itself be reversed, and nothing is reversed twice.
extension StockLedger {
    mutating func reverse(_ targetID: MovementID, product: StockedProduct, movement: StockMovement,
                          posting: inout StockPosting) throws(StockError) {
        guard var original = postings[targetID] else { throw .unknownMovement(targetID) }
        if case .reversal = original.movement.kind { throw .reversalOfReversal(targetID) }
        guard original.reversedBy == nil else { throw .alreadyReversed(targetID) }
        guard original.movement.product == movement.product, original.movement.warehouse == movement.warehouse else {
            throw .reversalMismatch(targetID, product: original.movement.product, warehouse: original.movement.warehouse)
        }
        let target = original.movement
        let here = StockKey(target.product, target.warehouse)
        switch target.kind {
        case .receive, .adjustment, .count:
            if let receipt = original.receipt {
                try takeBack(receipt, at: here, product: product, original: original, posting: &posting)
            } else if let issue = original.issue {
                // Goods written off come back; a write-off is a loss, not a sale, so no cost of
                // goods is given back (only a settlement variance, if any).
                try giveBack(issue, at: here, product: product, original: original, posting: &posting)
            }
        case .issue:
            try giveBack(original.issue!, at: here, product: product, original: original, posting: &posting)
            posting.costOfGoods -= posting.receipt!.value
        case let .transfer(_, destination):
            let there = StockKey(target.product, destination)
            try takeBack(original.receipt!, at: there, product: product, original: original, posting: &posting)
            try giveBack(original.issue!, at: here, product: product, original: original, posting: &posting)
            if product.tracking == .serial {
                try serials.transfer(target.serials, product: product.id, from: destination, to: target.warehouse)
            }
        case let .allocate(quantity):
            try changeLevel(.release(quantity), at: here, posting: &posting)
        case let .release(quantity):
            try changeLevel(.allocate(quantity), at: here, posting: &posting)
        case .reversal:
            throw .reversalOfReversal(targetID)
        }
        original.reversedBy = movement.id
        postings[targetID] = original
    }

    /// Undoes goods in: the same quantity leaves the same batch and pool at the same cost.
    private mutating func takeBack(_ receipt: ReceiptCosting, at key: StockKey, product: StockedProduct,
                                   original: StockPosting, posting: inout StockPosting) throws(StockError) {
        try changeLevel(.issue(receipt.quantity), at: key, posting: &posting)
        posting.issue = try withPool(key, product: product) { pool throws(ValuationError) in
            try pool.reverse(receipt: receipt, at: posting.movement.date)
        }
        if product.tracking == .batch {
            for pick in original.batches {
                _ = try batches[key, default: BatchStock()].issue(pick.quantity, batch: pick.batch, allowShort: false)
            }
            posting.batches = original.batches
        }
        if product.tracking == .serial, !isTransfer(original) {
            try serials.remove(original.movement.serials, product: product.id, from: key.warehouse)
        }
    }

    /// Undoes goods out: the same quantity comes back into its batches at the cost it left with.
    private mutating func giveBack(_ issue: IssueCosting, at key: StockKey, product: StockedProduct,
                                   original: StockPosting, posting: inout StockPosting) throws(StockError) {
        try changeLevel(.receive(issue.quantity), at: key, posting: &posting)
        posting.receipt = try withPool(key, product: product) { pool throws(ValuationError) in
            try pool.reverse(issue: issue, at: posting.movement.date)
        }
        if product.tracking == .batch {
            batches[key, default: BatchStock()].restore(original.batches)
            posting.batches = original.batches
        }
        if product.tracking == .serial, !isTransfer(original) {
            try serials.restore(original.movement.serials, product: product.id, at: key.warehouse)
        }
    }

    private func isTransfer(_ posting: StockPosting) -> Bool {
        if case .transfer = posting.movement.kind { true } else { false }
    }
}
