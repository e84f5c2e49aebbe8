import CCWDomain

/// One price ladder of a product: a tier in a currency and its breaks, lowest minimum first.
public struct PriceLadder: Sendable, Hashable {
    public var tier: PriceTier
    public var currency: CurrencyCode
    public var breaks: [PriceBreak]

    public init(tier: PriceTier, currency: CurrencyCode, breaks: [PriceBreak]) {
        self.tier = tier
        self.currency = currency
        self.breaks = breaks
    }

    /// `1 → 10.00 · 10 → 9.00 · 50 → 8.00`.
    public var summary: String {
        breaks.map { "\($0.minimumQuantity) → \($0.unitPrice.formatted)" }.joined(separator: " · ")
    }

    /// Retail first, then wholesale, then named tiers by name; within a tier by currency.
    static func displayOrder(_ lhs: PriceLadder, _ rhs: PriceLadder) -> Bool {
        func rank(_ tier: PriceTier) -> Int { switch tier { case .retail: 0; case .wholesale: 1; case .named: 2 } }
        return (rank(lhs.tier), lhs.tier.description, lhs.currency.code) < (rank(rhs.tier), rhs.tier.description, rhs.currency.code)
    }
}

extension PriceTiers {
    /// The ladders for display: retail, wholesale, then named tiers; each by currency.
    public var sortedLadders: [PriceLadder] {
        ladders.map { PriceLadder(tier: $0.key.tier, currency: $0.key.currency, breaks: $0.value) }.sorted(by: PriceLadder.displayOrder)
    }
}

/// What one quantity of a product costs in a tier and currency, and where the price came from.
public struct PriceQuote: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The break of the tier's ladder that starts at this quantity.
        case ladder(from: Quantity)
        /// The product's sale price (retail in the product's currency without a ladder price).
        case salePrice
    }

    public var product: Product
    public var quantity: Quantity
    public var tier: PriceTier
    public var currency: CurrencyCode
    public var unitPrice: Money
    /// unit price × quantity, rounded half away from zero to the currency's minor units.
    public var lineTotal: Money
    public var source: Source

    /// `wholesale EUR ladder, from 10` or `sale price`.
    public var sourceText: String {
        switch source {
        case let .ladder(from): "\(tier) \(currency.code) ladder, from \(from)"
        case .salePrice: "sale price"
        }
    }
}
