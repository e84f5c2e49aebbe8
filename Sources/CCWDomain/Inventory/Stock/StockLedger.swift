import Foundation

/// The pure stock ledger of one organization: it posts movements in order and keeps levels,
/// cost pools, batches and serial numbers in step with them.
///
/// `post(_:)` either applies the whole movement or throws and changes nothing. CCWCore runs
/// it inside the SQLite transaction that appends the movement, and stores the returned
/// `StockPosting` with it.
///
/// Rules enforced here:
/// - movements are appended: ids increase and dates never go backwards (so replaying the
///   ledger up to a date reproduces exactly the costs that were posted, see `replay`);
/// - negative stock follows the org's `NegativeStockPolicy`, for levels and costs alike;
/// - reserved stock is protected: an unreserved issue takes at most what is available;
/// - batch-tracked goods are received into a named batch and issued by name or FEFO;
///   serial-tracked goods move with one serial per unit, each serial in one place at a time;
/// - a movement is reversed at most once, by a reversal movement, never edited.
public struct StockLedger: Sendable, Hashable, Codable {
    public let currency: CurrencyCode
    public let negativeStock: NegativeStockPolicy
    public private(set) var products: [ProductID: StockedProduct] = [:]
    public internal(set) var levels: [StockKey: StockLevel] = [:]
    public internal(set) var pools: [StockKey: CostPool] = [:]
    public internal(set) var batches: [StockKey: BatchStock] = [:]
    public internal(set) var serials = SerialRegistry()
    public internal(set) var postings: [MovementID: StockPosting] = [:]
    public private(set) var lastMovement: MovementID?
    public private(set) var lastDate: CalendarDate?

    public init(currency: CurrencyCode, negativeStock: NegativeStockPolicy = .refuse, products: [StockedProduct] = []) {
        self.currency = currency
        self.negativeStock = negativeStock
        for product in products { register(product) }
    }

    /// Adds or updates a product's stock settings (the scale and valuation method of a
    /// product with stock are fixed by its pools and are not changed by this).
    public mutating func register(_ product: StockedProduct) { products[product.id] = product }

    public func level(_ product: ProductID, at warehouse: WarehouseID) -> StockLevel {
        levels[StockKey(product, warehouse)] ?? .zero(scale: products[product]?.scale ?? 0)
    }

    /// The value of the stock of one product at one warehouse.
    public func value(_ product: ProductID, at warehouse: WarehouseID) -> Money {
        pools[StockKey(product, warehouse)]?.value ?? .zero(currency)
    }

    /// Posts a movement: all of it, or nothing (the error says why).
    @discardableResult
    public mutating func post(_ movement: StockMovement) throws(StockError) -> StockPosting {
        if let lastMovement, movement.id <= lastMovement { throw .outOfOrder(movement.id, after: lastMovement) }
        if let lastDate, movement.date < lastDate { throw .backdated(movement.id, date: movement.date, last: lastDate) }
        guard let product = products[movement.product] else { throw .unknownProduct(movement.product) }
        var next = self
        let before = next.totalValue
        var posting = StockPosting(movement: movement, currency: currency)
        let here = StockKey(movement.product, movement.warehouse)
        switch movement.kind {
        case let .receive(quantity, unitCost):
            try next.bookIn(quantity, at: here, product: product, movement: movement, posting: &posting) { pool throws(ValuationError) in
                try pool.apply(receipt: quantity, unitCost: unitCost, at: movement.date)
            }
        case let .issue(quantity, fromAllocation):
            let change: StockLevel.Change = fromAllocation ? .issueAllocated(quantity) : .issue(quantity)
            try next.bookOut(quantity, change: change, at: here, product: product, movement: movement, posting: &posting)
            posting.costOfGoods += posting.issue!.cost
        case let .transfer(quantity, target):
            try next.transfer(quantity, to: target, product: product, movement: movement, posting: &posting)
        case let .adjustment(delta, reason, unitCost):
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyReason }
            try next.adjust(delta, unitCost: unitCost, at: here, product: product, movement: movement, posting: &posting)
        case let .count(counted):
            try requireScale(counted, product)
            let difference = counted - next.level(product.id, at: movement.warehouse).onHand
            posting.countedDifference = difference
            if !difference.isZero {
                try next.adjust(difference, unitCost: nil, at: here, product: product, movement: movement, posting: &posting)
            }
        case let .allocate(quantity):
            try requireScale(quantity, product)
            try next.changeLevel(.allocate(quantity), at: here, posting: &posting)
        case let .release(quantity):
            try requireScale(quantity, product)
            try next.changeLevel(.release(quantity), at: here, posting: &posting)
        case let .reversal(target):
            try next.reverse(target, product: product, movement: movement, posting: &posting)
        }
        if let receipt = posting.receipt { posting.costOfGoods += receipt.costVariance }
        posting.valueChange = next.totalValue - before
        next.postings[movement.id] = posting
        next.lastMovement = movement.id
        next.lastDate = movement.date
        self = next
        return posting
    }

    /// The value of all stock in all warehouses.
    public var totalValue: Money { pools.values.reduce(.zero(currency)) { $0 + $1.value } }

    // MARK: Building blocks shared by movements and reversals

    mutating func changeLevel(_ change: StockLevel.Change, at key: StockKey, posting: inout StockPosting) throws(StockError) {
        let before = level(key.product, at: key.warehouse)
        let after = try before.applying(change, policy: negativeStock)
        levels[key] = after
        posting.levels.append(LevelChange(key: key, before: before, after: after))
    }

    mutating func withPool<T>(_ key: StockKey, product: StockedProduct,
                              _ body: (inout CostPool) throws(ValuationError) -> T) throws(StockError) -> T {
        var pool = pools[key] ?? CostPool(method: product.valuation, currency: currency, scale: product.scale,
                                          negativeStock: negativeStock)
        do {
            let result = try body(&pool)
            pools[key] = pool
            return result
        } catch { throw .valuation(key, error) }
    }

    /// Goods in: level, cost pool, batch, serials.
    mutating func bookIn(_ quantity: Quantity, at key: StockKey, product: StockedProduct, movement: StockMovement,
                         posting: inout StockPosting,
                         cost: (inout CostPool) throws(ValuationError) -> ReceiptCosting) throws(StockError) {
        try requireScale(quantity, product)
        try changeLevel(.receive(quantity), at: key, posting: &posting)
        posting.receipt = try withPool(key, product: product, cost)
        if product.tracking == .batch {
            guard let batch = movement.batch, !batch.isEmpty else { throw .batchRequired(product.id) }
            try batches[key, default: BatchStock()].receive(quantity, batch: batch, expiry: movement.expiry)
            posting.batches = [BatchPick(batch: batch, quantity: quantity)]
        }
        try checkSerials(movement, quantity: quantity, product: product)
        if product.tracking == .serial { try serials.receive(movement.serials, product: product.id, at: key.warehouse) }
    }

    /// Goods out: level, cost pool, batches (named or FEFO), serials.
    mutating func bookOut(_ quantity: Quantity, change: StockLevel.Change, at key: StockKey, product: StockedProduct,
                          movement: StockMovement, posting: inout StockPosting) throws(StockError) {
        try requireScale(quantity, product)
        try changeLevel(change, at: key, posting: &posting)
        posting.issue = try withPool(key, product: product) { pool throws(ValuationError) in
            try pool.apply(issue: quantity, at: movement.date)
        }
        if product.tracking == .batch {
            posting.batches = try batches[key, default: BatchStock()].issue(quantity, batch: movement.batch,
                                                                            allowShort: negativeStock == .allow)
        }
        try checkSerials(movement, quantity: quantity, product: product)
        if product.tracking == .serial { try serials.issue(movement.serials, product: product.id, from: key.warehouse) }
    }

    func requireScale(_ quantity: Quantity, _ product: StockedProduct) throws(StockError) {
        guard quantity.scale == product.scale else {
            throw .scaleMismatch(product.id, given: quantity, scale: product.scale)
        }
    }

    func checkSerials(_ movement: StockMovement, quantity: Quantity, product: StockedProduct) throws(StockError) {
        if product.tracking == .serial {
            guard Int64(movement.serials.count) == quantity.units else {
                throw .serialCount(expected: quantity, given: movement.serials.count)
            }
        } else if !movement.serials.isEmpty {
            throw .serialsNotTracked(product.id)
        }
    }
}
