/// How a result with more digits than the currency has is brought back to minor units.
public enum RoundingRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half away from zero ("commercial" rounding, the default): 0.5 → 1, -0.5 → -1,
    /// 2.345 → 2.35, -2.345 → -2.35. The rule of DIN 1333 and most invoices.
    case halfAwayFromZero = "half-away-from-zero"
    /// Half to even ("banker's" rounding): 0.5 → 0, 1.5 → 2, 2.5 → 2, -2.5 → -2.
    case halfEven = "half-even"
    /// Drop the extra digits (toward zero): 2.349 → 2.34, -2.349 → -2.34.
    case towardZero = "toward-zero"
}

extension ExactDecimal {
    /// Multiplies an amount by this decimal and rounds the exact product to the currency's
    /// minor units.
    ///
    /// The rule: the exact product `minor × mantissa` is computed in 128 bits, divided by
    /// `10^scale`, and the remainder decides the last unit according to `rounding`
    /// (half away from zero unless stated): a remainder of at least half the divisor rounds the
    /// magnitude up, and the sign is applied afterwards, so -2.345 becomes -2.35. The result
    /// is exact except for that one rounding step; it throws `MoneyError.overflow` when it
    /// does not fit in Int64 minor units.
    public func apply(to amount: Money, rounding: RoundingRule = .halfAwayFromZero) throws -> Money {
        let negative = (amount.minor < 0) != (mantissa < 0)
        let product = amount.minor.magnitude.multipliedFullWidth(by: mantissa.magnitude)
        let divisor = UInt64(ExactDecimal.pow10(scale))
        guard product.high < divisor else { throw MoneyError.overflow("\(amount) × \(self)") }
        let (exact, remainder) = divisor.dividingFullWidth(product)
        var quotient = exact
        // remainder < divisor <= 10^18, so doubling it cannot overflow.
        let roundUp = switch rounding {
        case .halfAwayFromZero: remainder != 0 && remainder * 2 >= divisor
        case .halfEven: remainder * 2 > divisor || (remainder * 2 == divisor && exact % 2 == 1)
        case .towardZero: false
        }
        if roundUp {
            guard quotient < UInt64.max else { throw MoneyError.overflow("\(amount) × \(self)") }
            quotient += 1
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard quotient <= limit else { throw MoneyError.overflow("\(amount) × \(self)") }
        let minor = negative ? Int64(truncatingIfNeeded: 0 &- quotient) : Int64(quotient)
        return Money(minor: minor, currency: amount.currency)
    }
}
