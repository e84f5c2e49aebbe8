/// The cost layers of one product in one warehouse, and the pure engine that values its
/// receipts and issues under FIFO, LIFO or weighted average.
///
/// **One pool per product and warehouse.** Stock is valued where it lies, so the inventory
/// value by warehouse is a plain sum of pools and FIFO follows the goods physically present.
/// A transfer issues from the source pool under its method and receives the drawn pieces into
/// the destination pool at exactly their cost and original receipt date, so a transfer moves
/// value without creating or losing any. Bins and batches inside a warehouse share its pool.
///
/// **Exact arithmetic.** Quantities are integers (see `Quantity`) and values are integer
/// minor units. A receipt books `unit cost × quantity` once (rounded half away from zero when
/// the unit has decimals, see `ProportionalShare`), or the given total cost. Every issue takes
/// from a layer `layer value × taken / layer quantity`, rounded half away from zero; taking
/// the whole remaining quantity takes the whole remaining value. Hence, for every sequence of
/// movements: value of stock + cost of goods issued = total cost received, to the minor unit;
/// no layer value is ever negative; and the value is exactly 0 when the stock is 0.
///
/// **Methods.** FIFO draws from the layer with the earliest (receipt date, layer id); LIFO
/// from the latest. Weighted average keeps a single layer that every receipt is merged into,
/// so an issue's cost is `stock value × issued / on hand` with the rounding above: the running
/// average is carried as exact (value, quantity) instead of a rounded unit cost, and the last
/// unit out takes the remainder, so the value never goes negative and reaches 0 with the stock.
///
/// **Negative stock.** Under `NegativeStockPolicy.refuse` an issue beyond the on-hand stock
/// throws. Under `.allow` the missing units are issued at a provisional cost — the given
/// fallback unit cost, else the unit cost of the last receipt, else zero — and owed to the pool
/// (`backlog`). The next receipt first settles what is owed: the settled units' share of the
/// receipt's cost replaces their provisional cost, and the difference is reported as
/// `costVariance`, an adjustment to cost of goods. Value + cost of goods (with variances) =
/// cost received still holds exactly; only the value may be negative while stock is.
public struct CostPool: Sendable, Hashable, Codable {
    public let method: ValuationMethod
    public let currency: CurrencyCode
    /// Decimals of the product's unit; every quantity given must have this scale.
    public let scale: Int
    public var negativeStock: NegativeStockPolicy

    /// Layers with stock, in FIFO order (earliest first). Weighted average: at most one.
    public internal(set) var layers: [CostLayer] = []
    /// Units issued beyond stock and not yet received (never negative).
    public internal(set) var owedQuantity: Quantity
    /// The provisional cost those units were issued at.
    public internal(set) var owedValue: Money
    /// The last receipt's value and quantity: the provisional unit cost for negative stock.
    var lastReceipt: UnitCostBasis?
    var nextCosting: Int64 = 1
    var nextLayer: Int64 = 1
    var reversed: Set<CostingID> = []
    /// The latest issue (any draw from layers); weighted-average receipts issued after it
    /// cannot be reversed.
    var lastIssue: CostingID?

    public init(method: ValuationMethod, currency: CurrencyCode, scale: Int = 0,
                negativeStock: NegativeStockPolicy = .refuse) {
        self.method = method
        self.currency = currency
        self.scale = scale
        self.negativeStock = negativeStock
        owedQuantity = .zero(scale: scale)
        owedValue = .zero(currency)
    }

    /// On hand: the layers' quantity minus what is owed (negative only under `.allow`).
    public var onHand: Quantity { layers.map(\.quantity).sum(scale: scale) - owedQuantity }

    /// Value of the stock: the layers' value minus the provisional value of what is owed.
    public var value: Money { layers.reduce(.zero(currency)) { $0 + $1.value } - owedValue }

    /// Value per whole unit (rounded half away from zero), nil when nothing is on hand.
    public var averageUnitCost: Money? {
        guard onHand.isPositive, let minor = try? ProportionalShare.share(
            of: value.minor, part: onHand.unitsPerWhole, whole: onHand.units) else { return nil }
        return Money(minor: minor, currency: currency)
    }

    /// The cost at which found goods (a positive adjustment or count) are booked when no cost
    /// is given: the average of the stock on hand, else the last receipt's unit cost, else zero.
    public var currentUnitCost: Money {
        if let average = averageUnitCost { return average }
        guard let last = lastReceipt, last.units > 0,
              let minor = try? ProportionalShare.share(of: last.value, part: Quantity.pow10(scale), whole: last.units)
        else { return .zero(currency) }
        return Money(minor: minor, currency: currency)
    }

    // MARK: Receipts

    /// Receives `quantity` at `unitCost` per whole unit: the booked cost is
    /// `unitCost × quantity`, rounded half away from zero to minor units.
    @discardableResult
    public mutating func apply(receipt quantity: Quantity, unitCost: Money, at date: CalendarDate) throws(ValuationError) -> ReceiptCosting {
        try check(quantity, "receipt")
        try check(unitCost)
        let total: Money
        do { total = try ProportionalShare.value(of: quantity, at: unitCost) } catch { throw .overflow("\(quantity) × \(unitCost)") }
        return try apply(receipt: quantity, totalCost: total, at: date)
    }

    /// Receives `quantity` for a total cost (the invoice line amount), exact to the minor unit.
    @discardableResult
    public mutating func apply(receipt quantity: Quantity, totalCost: Money, at date: CalendarDate) throws(ValuationError) -> ReceiptCosting {
        try check(quantity, "receipt")
        try check(totalCost)
        let id = takeCostingID()
        let result = try receive([(nil, date, quantity, totalCost.minor)], id: id, date: date, reverses: nil)
        lastReceipt = UnitCostBasis(value: totalCost.minor, units: quantity.units)
        return result
    }

    /// Receives what a transfer drew from another pool of the same product: each piece keeps
    /// its cost and original receipt date, so no value is created or lost by moving stock.
    @discardableResult
    public mutating func apply(transferIn issue: IssueCosting, at date: CalendarDate) throws(ValuationError) -> ReceiptCosting {
        try check(issue.quantity, "transfer")
        for draw in issue.draws { try check(draw.cost) }
        let pieces = issue.draws.map { (CostLayerID?.none, $0.receivedOn, $0.quantity, $0.cost.minor) }
        return try receive(pieces, id: takeCostingID(), date: date, reverses: nil)
    }

    // MARK: Issues

    /// Issues `quantity` under the pool's method and returns its cost of goods and the layers
    /// it consumed. `fallbackUnitCost` prices units issued beyond stock (only under `.allow`).
    @discardableResult
    public mutating func apply(issue quantity: Quantity, at date: CalendarDate,
                               fallbackUnitCost: Money? = nil) throws(ValuationError) -> IssueCosting {
        try check(quantity, "issue")
        if let fallbackUnitCost { try check(fallbackUnitCost) }
        let onHand = self.onHand
        if negativeStock == .refuse && onHand < quantity {
            throw .insufficientStock(requested: quantity, onHand: onHand)
        }
        var remaining = quantity
        var draws: [LayerDraw] = []
        while remaining.isPositive, let index = nextLayerIndex() {
            let take = Quantity.min(remaining, layers[index].quantity)
            draws.append(try draw(take, fromLayerAt: index))
            remaining -= take
        }
        let shortfall = remaining
        if shortfall.isPositive {
            let cost = try provisionalCost(of: shortfall, fallbackUnitCost: fallbackUnitCost)
            owedQuantity += shortfall
            owedValue += cost
            draws.append(LayerDraw(layer: nil, receivedOn: date, quantity: shortfall, cost: cost))
        }
        let id = takeCostingID()
        lastIssue = id
        let cost = draws.reduce(Money.zero(currency)) { $0 + $1.cost }
        return IssueCosting(id: id, date: date, quantity: quantity, cost: cost, draws: draws,
                            shortfall: shortfall, reverses: nil)
    }

    // MARK: Internals shared with reversals

    mutating func takeCostingID() -> CostingID {
        defer { nextCosting += 1 }
        return CostingID(nextCosting)
    }

    /// The layer the method draws from next: FIFO the first, LIFO the last, weighted
    /// average its only layer.
    func nextLayerIndex() -> Int? {
        switch method {
        case .fifo, .weightedAverage: layers.indices.first
        case .lifo: layers.indices.last
        }
    }

    /// Takes `take` units from a layer at its proportional share of the layer's value.
    mutating func draw(_ take: Quantity, fromLayerAt index: Int) throws(ValuationError) -> LayerDraw {
        let layer = layers[index]
        let cost: Int64
        do {
            cost = try ProportionalShare.share(of: layer.value.minor, part: take.units, whole: layer.quantity.units)
        } catch { throw .overflow("\(layer.value) × \(take) / \(layer.quantity)") }
        layers[index].quantity -= take
        layers[index].value.minor -= cost
        if layers[index].quantity.isZero { layers.remove(at: index) }
        return LayerDraw(layer: layer.id, receivedOn: layer.receivedOn, quantity: take,
                         cost: Money(minor: cost, currency: currency))
    }

    /// Books pieces of stock into the pool. Each piece first settles owed units (negative
    /// stock), then goes into its layer: the given layer id if that layer still exists
    /// (reversals restore into the layer an issue took from), else a new layer; under weighted
    /// average always the single mixed layer.
    mutating func receive(_ pieces: [(layer: CostLayerID?, receivedOn: CalendarDate, quantity: Quantity, value: Int64)],
                          id: CostingID, date: CalendarDate, reverses: CostingID?) throws(ValuationError) -> ReceiptCosting {
        var parts: [LayerDraw] = []
        var settled = Quantity.zero(scale: scale)
        var variance: Int64 = 0
        var total: Int64 = 0
        for piece in pieces {
            var quantity = piece.quantity
            var value = piece.value
            total += piece.value
            if owedQuantity.isPositive {
                let settle = Quantity.min(quantity, owedQuantity)
                let actual: Int64, provisional: Int64
                do {
                    actual = try ProportionalShare.share(of: value, part: settle.units, whole: quantity.units)
                    provisional = try ProportionalShare.share(of: owedValue.minor, part: settle.units, whole: owedQuantity.units)
                } catch { throw .overflow("settling \(settle)") }
                owedQuantity -= settle
                owedValue.minor -= provisional
                variance += actual - provisional
                settled += settle
                quantity -= settle
                value -= actual
            }
            guard quantity.isPositive else { continue }
            let layerID = place(quantity, value: value, layer: piece.layer, receivedOn: piece.receivedOn)
            parts.append(LayerDraw(layer: layerID, receivedOn: piece.receivedOn, quantity: quantity,
                                   cost: Money(minor: value, currency: currency)))
        }
        let quantity = pieces.map(\.quantity).sum(scale: scale)
        return ReceiptCosting(id: id, date: date, quantity: quantity, value: Money(minor: total, currency: currency),
                              parts: parts, settled: settled, costVariance: Money(minor: variance, currency: currency),
                              reverses: reverses)
    }

    private mutating func place(_ quantity: Quantity, value: Int64, layer: CostLayerID?, receivedOn: CalendarDate) -> CostLayerID {
        if method == .weightedAverage {
            if layers.isEmpty {
                layers = [CostLayer(id: .average, receivedOn: receivedOn, quantity: quantity,
                                    value: Money(minor: value, currency: currency))]
            } else {
                layers[0].quantity += quantity
                layers[0].value.minor += value
            }
            return .average
        }
        if let layer, let index = layers.firstIndex(where: { $0.id == layer }) {
            layers[index].quantity += quantity
            layers[index].value.minor += value
            return layer
        }
        let id = layer ?? CostLayerID(nextLayer)
        if layer == nil { nextLayer += 1 }
        let new = CostLayer(id: id, receivedOn: receivedOn, quantity: quantity, value: Money(minor: value, currency: currency))
        let position = layers.firstIndex { ($0.receivedOn, $0.id) > (receivedOn, id) } ?? layers.endIndex
        layers.insert(new, at: position)
        return id
    }

    private func provisionalCost(of quantity: Quantity, fallbackUnitCost: Money?) throws(ValuationError) -> Money {
        do {
            if let fallbackUnitCost { return try ProportionalShare.value(of: quantity, at: fallbackUnitCost) }
            guard let last = lastReceipt, last.units > 0 else { return .zero(currency) }
            return Money(minor: try ProportionalShare.share(of: last.value, part: quantity.units, whole: last.units), currency: currency)
        } catch { throw .overflow("provisional cost of \(quantity)") }
    }

    func check(_ quantity: Quantity, _ what: String) throws(ValuationError) {
        guard quantity.scale == scale else { throw .scaleMismatch(given: quantity, scale: scale) }
        guard quantity.isPositive else { throw .notPositive(what: what, quantity: quantity) }
    }

    func check(_ cost: Money) throws(ValuationError) {
        guard cost.currency == currency else { throw .currencyMismatch(given: cost.currency, pool: currency) }
        guard !cost.isNegative else { throw .negativeCost(cost) }
    }
}

/// A unit cost kept as the exact pair it came from (value in minor units for a quantity in
/// units), so it is never rounded before it is applied.
struct UnitCostBasis: Sendable, Hashable, Codable {
    var value: Int64
    var units: Int64
}
