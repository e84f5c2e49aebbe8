/// Rebuilding the ledger from its movements, and the stock as of a past date.
extension StockLedger {
    /// Posts `movements` in id order into a fresh ledger, stopping after the last movement
    /// dated on or before `date` (all of them when `date` is nil).
    ///
    /// Because the ledger refuses back-dated movements, the movements up to a date are exactly
    /// a prefix of the ledger, so replaying them reproduces the levels, layers and costs that
    /// were posted at the time: the value as of a date is the value the books showed at the
    /// end of that day.
    public static func replay(_ movements: [StockMovement], products: [StockedProduct], currency: CurrencyCode,
                              negativeStock: NegativeStockPolicy = .refuse,
                              through date: CalendarDate? = nil) throws(StockError) -> StockLedger {
        var ledger = StockLedger(currency: currency, negativeStock: negativeStock, products: products)
        for movement in movements.sorted(by: { $0.id < $1.id }) {
            if let date, movement.date > date { break }
            try ledger.post(movement)
        }
        return ledger
    }

    /// The stock of every product and warehouse as of the end of `date`, valued.
    public static func valueAsOf(_ date: CalendarDate, movements: [StockMovement], products: [StockedProduct],
                                 currency: CurrencyCode,
                                 negativeStock: NegativeStockPolicy = .refuse) throws(StockError) -> [StockValuationLine] {
        try replay(movements, products: products, currency: currency, negativeStock: negativeStock, through: date)
            .valuation()
    }

    /// One line per product and warehouse that has stock or value, sorted by product then
    /// warehouse: the input of `InventoryValueReport`.
    public func valuation() -> [StockValuationLine] {
        Set(levels.keys).union(pools.keys).sorted().compactMap { key in
            let line = StockValuationLine(key: key, category: products[key.product]?.category,
                                          onHand: level(key.product, at: key.warehouse).onHand,
                                          value: pools[key]?.value ?? .zero(currency))
            return line.onHand.isZero && line.value.isZero ? nil : line
        }
    }
}

/// The quantity and value of one product in one warehouse.
public struct StockValuationLine: Sendable, Hashable, Codable {
    public let key: StockKey
    public let category: CategoryID?
    public let onHand: Quantity
    public let value: Money

    public init(key: StockKey, category: CategoryID?, onHand: Quantity, value: Money) {
        self.key = key
        self.category = category
        self.onHand = onHand
        self.value = value
    }
}
