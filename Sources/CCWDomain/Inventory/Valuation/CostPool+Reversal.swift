/// Reversals: a wrong movement is never edited, it is undone by a new one at the cost it was
/// booked at, so the history keeps both and every total still adds up exactly.
extension CostPool {
    /// Undoes a receipt (a purchase, a positive adjustment or a transfer in) by issuing exactly
    /// the pieces it put into layers, at the same cost: the pool returns to the value it had
    /// without the receipt.
    ///
    /// Allowed only while the receipt's stock is untouched: under FIFO/LIFO each layer it
    /// created still holds at least its pieces; under weighted average nothing has been issued
    /// since (an issue would have taken part of it at the average). A receipt that covered
    /// negative stock cannot be reversed either. Otherwise the goods go back as an ordinary
    /// issue (a return to supplier), at the method's cost.
    @discardableResult
    public mutating func reverse(receipt: ReceiptCosting, at date: CalendarDate) throws(ValuationError) -> IssueCosting {
        try requireReversible(receipt.id, isReversal: receipt.reverses != nil)
        guard receipt.settled.isZero else { throw .receiptSettledNegativeStock(receipt.id, settled: receipt.settled) }
        if method == .weightedAverage, let lastIssue, lastIssue > receipt.id { throw .issuedSinceReceipt(receipt.id) }
        for part in receipt.parts {
            guard let layerID = part.layer, let layer = layers.first(where: { $0.id == layerID }),
                  layer.quantity >= part.quantity, layer.value >= part.cost,
                  layer.quantity != part.quantity || layer.value == part.cost
            else { throw .receiptConsumed(receipt.id, layer: part.layer ?? .average) }
        }
        for part in receipt.parts {
            let index = layers.firstIndex { $0.id == part.layer }!
            layers[index].quantity -= part.quantity
            layers[index].value -= part.cost
            if layers[index].quantity.isZero { layers.remove(at: index) }
        }
        reversed.insert(receipt.id)
        let id = takeCostingID()
        return IssueCosting(id: id, date: date, quantity: receipt.quantity,
                            cost: receipt.parts.reduce(.zero(currency)) { $0 + $1.cost },
                            draws: receipt.parts, shortfall: .zero(scale: scale), reverses: receipt.id)
    }

    /// Undoes an issue (a sale, a negative adjustment or a transfer out) by receiving the same
    /// quantity at the cost it was issued at. Each piece goes back into the layer it came from
    /// when that layer still exists, else into a layer with the same id and receipt date, so
    /// FIFO/LIFO order is what it would have been; under weighted average it is merged into
    /// the average. Units issued beyond stock come back as a layer dated `date`.
    @discardableResult
    public mutating func reverse(issue: IssueCosting, at date: CalendarDate) throws(ValuationError) -> ReceiptCosting {
        try requireReversible(issue.id, isReversal: issue.reverses != nil)
        for draw in issue.draws { try check(draw.cost) }
        let pieces = issue.draws.map { draw in
            (draw.layer, draw.layer == nil ? date : draw.receivedOn, draw.quantity, draw.cost.minor)
        }
        let result = try receive(pieces, id: takeCostingID(), date: date, reverses: issue.id)
        reversed.insert(issue.id)
        return result
    }

    private func requireReversible(_ id: CostingID, isReversal: Bool) throws(ValuationError) {
        guard !isReversal else { throw .reversalOfReversal(id) }
        guard id.rawValue < nextCosting else { throw .unknownCosting(id) }
        guard !reversed.contains(id) else { throw .alreadyReversed(id) }
    }
}
