/// Which price list a customer buys from.
public enum PriceTier: Sendable, Hashable, Codable, CustomStringConvertible {
    case retail
    case wholesale
    /// An org-defined tier ("distributor", "staff").
    case named(String)

    public var description: String {
        switch self {
        case .retail: "retail"
        case .wholesale: "wholesale"
        case let .named(name): name
        }
    }
}

/// From `minimumQuantity` upward, each unit costs `unitPrice`.
public struct PriceBreak: Sendable, Hashable, Codable {
    public var minimumQuantity: Quantity
    public var unitPrice: Money

    public init(from minimumQuantity: Quantity, unitPrice: Money) {
        self.minimumQuantity = minimumQuantity
        self.unitPrice = unitPrice
    }
}

/// A product's prices: per tier and per currency, a ladder of quantity breaks.
///
/// `price(for:tier:currency:)` picks the break with the largest minimum not above the
/// quantity: with breaks 1 → 10.00, 10 → 9.00, 50 → 8.00, a quantity of 12 costs 9.00 each and
/// 50 costs 8.00 each. A quantity below the first break, a tier or a currency without a ladder
/// has no price (nil); prices are never converted between currencies here.
public struct PriceTiers: Sendable, Hashable {
    public struct Key: Sendable, Hashable, Comparable {
        public let tier: PriceTier
        public let currency: CurrencyCode
        public init(tier: PriceTier, currency: CurrencyCode) {
            self.tier = tier
            self.currency = currency
        }
        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.tier.description, lhs.currency.code) < (rhs.tier.description, rhs.currency.code)
        }
    }

    public private(set) var ladders: [Key: [PriceBreak]] = [:]

    public init() {}

    /// Sets the ladder of one tier in one currency after checking it: at least one break;
    /// minimum quantities positive, strictly ascending and not repeated; prices not negative and
    /// in `currency`. All problems are reported at once as `ValidationErrors`.
    public mutating func set(_ tier: PriceTier, currency: CurrencyCode, breaks: [PriceBreak]) throws {
        let field = "\(tier) price (\(currency.code))"
        var errors = ValidationErrors()
        if breaks.isEmpty { errors.add(field, "at least one price is needed") }
        for (index, step) in breaks.enumerated() {
            if step.unitPrice.currency != currency {
                errors.add(field, "price \(step.unitPrice) is not in \(currency.code)")
            } else if step.unitPrice.isNegative {
                errors.add(field, "price \(step.unitPrice) is negative")
            }
            if !step.minimumQuantity.isPositive {
                errors.add(field, "break at \(step.minimumQuantity) must be above zero")
            }
            if index > 0 {
                let previous = breaks[index - 1].minimumQuantity
                if step.minimumQuantity.scale != previous.scale {
                    errors.add(field, "breaks mix quantity scales")
                } else if step.minimumQuantity == previous {
                    errors.add(field, "break at \(step.minimumQuantity) appears twice")
                } else if step.minimumQuantity < previous {
                    errors.add(field, "breaks must be in ascending order (\(step.minimumQuantity) comes after \(previous))")
                }
            }
        }
        try errors.throwIfAny()
        ladders[Key(tier: tier, currency: currency)] = breaks
    }

    /// Removes a tier's ladder in one currency.
    public mutating func remove(_ tier: PriceTier, currency: CurrencyCode) {
        ladders[Key(tier: tier, currency: currency)] = nil
    }

    /// The unit price that applies to `quantity` (see the type's rule), or nil.
    public func price(for quantity: Quantity, tier: PriceTier, currency: CurrencyCode) -> Money? {
        guard let ladder = ladders[Key(tier: tier, currency: currency)] else { return nil }
        return ladder.last { $0.minimumQuantity.scale == quantity.scale && $0.minimumQuantity <= quantity }?.unitPrice
    }

    /// The line amount for `quantity`: unit price × quantity, rounded half away from zero to
    /// the currency's minor units when the unit has decimals (0.375 kg at 12.99 = 4.87125 → 4.87).
    public func lineTotal(for quantity: Quantity, tier: PriceTier, currency: CurrencyCode) throws -> Money? {
        guard let unitPrice = price(for: quantity, tier: tier, currency: currency) else { return nil }
        return try ProportionalShare.value(of: quantity, at: unitPrice)
    }

    /// The currencies priced for a tier, sorted.
    public func currencies(for tier: PriceTier) -> [CurrencyCode] {
        ladders.keys.filter { $0.tier == tier }.map(\.currency).sorted()
    }
}
