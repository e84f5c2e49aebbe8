/// An amount of money as an integer count of the currency's minor units (cents, pence; yen
/// have none). Never a floating-point number.
///
/// Mixing currencies is a programming error, not a value: the operators `+`, `-`, `<` trap
/// with a precondition when the currencies differ, and so does arithmetic that overflows
/// Int64 (Swift's checked arithmetic). Where the currencies or magnitudes come from data
/// and may legitimately differ, use the throwing forms `adding(_:)`, `subtracting(_:)`,
/// `multiplied(by:)`, which report `MoneyError` instead.
public struct Money: Sendable, Hashable, Comparable {
    public var minor: Int64
    public var currency: CurrencyCode

    public init(minor: Int64, currency: CurrencyCode) {
        self.minor = minor
        self.currency = currency
    }

    public static func zero(_ currency: CurrencyCode) -> Money { Money(minor: 0, currency: currency) }

    public var isZero: Bool { minor == 0 }
    public var isNegative: Bool { minor < 0 }

    // MARK: Throwing arithmetic

    public func adding(_ other: Money) throws -> Money {
        try requireSameCurrency(other, "add")
        let (sum, overflow) = minor.addingReportingOverflow(other.minor)
        if overflow { throw MoneyError.overflow("\(self) + \(other)") }
        return Money(minor: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws -> Money {
        try requireSameCurrency(other, "subtract")
        let (difference, overflow) = minor.subtractingReportingOverflow(other.minor)
        if overflow { throw MoneyError.overflow("\(self) - \(other)") }
        return Money(minor: difference, currency: currency)
    }

    public func multiplied(by factor: Int64) throws -> Money {
        let (product, overflow) = minor.multipliedReportingOverflow(by: factor)
        if overflow { throw MoneyError.overflow("\(self) × \(factor)") }
        return Money(minor: product, currency: currency)
    }

    public func negated() throws -> Money {
        if minor == .min { throw MoneyError.overflow("-(\(self))") }
        return Money(minor: -minor, currency: currency)
    }

    private func requireSameCurrency(_ other: Money, _ verb: String) throws {
        if other.currency != currency { throw MoneyError.currencyMismatch(currency, other.currency) }
    }

    // MARK: Trapping operators (programming errors)

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "cannot add \(rhs.currency) to \(lhs.currency)")
        return Money(minor: lhs.minor + rhs.minor, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "cannot subtract \(rhs.currency) from \(lhs.currency)")
        return Money(minor: lhs.minor - rhs.minor, currency: lhs.currency)
    }

    public static prefix func - (value: Money) -> Money { Money(minor: -value.minor, currency: value.currency) }

    public static func * (lhs: Money, rhs: Int64) -> Money { Money(minor: lhs.minor * rhs, currency: lhs.currency) }
    public static func * (lhs: Int64, rhs: Money) -> Money { rhs * lhs }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "cannot compare \(lhs.currency) with \(rhs.currency)")
        return lhs.minor < rhs.minor
    }

    /// Sums amounts of one currency; an empty list gives zero in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws -> Money {
        try amounts.reduce(.zero(currency)) { try $0.adding($1) }
    }
}

public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    case currencyMismatch(CurrencyCode, CurrencyCode)
    case overflow(String)

    public var description: String {
        switch self {
        case let .currencyMismatch(a, b): "cannot combine \(a) and \(b) amounts"
        case let .overflow(what): "amount out of range: \(what)"
        }
    }
}
