/// Count and sums of a set of deals, kept per currency (amounts in different currencies are
/// never added together; converting them is a reporting decision with a dated rate).
///
/// The weighted sum adds each deal's `weightedValue`, which is rounded once per deal (half
/// away from zero), so a column total is exactly the sum of what its cards show.
public struct DealTotals: Sendable, Hashable {
    public private(set) var count: Int = 0
    /// Sum of deal values per currency.
    public private(set) var total: [CurrencyCode: Money] = [:]
    /// Sum of probability-weighted values per currency.
    public private(set) var weighted: [CurrencyCode: Money] = [:]

    public init() {}

    /// Totals computed elsewhere (a store's SQL aggregates); `weighted` must be the sum of
    /// each deal's rounded `weightedValue`, as `add` would make it.
    public init(count: Int, total: [CurrencyCode: Money], weighted: [CurrencyCode: Money]) {
        self.count = count
        self.total = total
        self.weighted = weighted
    }

    public init(_ deals: some Sequence<Deal>) {
        for deal in deals { add(deal) }
    }

    public mutating func add(_ deal: Deal) {
        count += 1
        total[deal.currency, default: .zero(deal.currency)] += deal.value
        weighted[deal.currency, default: .zero(deal.currency)] += deal.weightedValue
    }

    public mutating func add(_ other: DealTotals) {
        count += other.count
        for (currency, amount) in other.total { total[currency, default: .zero(currency)] += amount }
        for (currency, amount) in other.weighted { weighted[currency, default: .zero(currency)] += amount }
    }

    /// The currencies present, sorted by code (for stable display).
    public var currencies: [CurrencyCode] { total.keys.sorted() }

    public func total(in currency: CurrencyCode) -> Money { total[currency] ?? .zero(currency) }
    public func weighted(in currency: CurrencyCode) -> Money { weighted[currency] ?? .zero(currency) }
}
