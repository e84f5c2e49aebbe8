/// The one rounding step of inventory costing: `amount × part / whole` in minor units.
///
/// Rule (written here once, used by receipts, issues and price lines): the product
/// `amount × part` is computed exactly in 128 bits, divided by `whole`, and rounded half away
/// from zero. When `part == whole` the result is `amount` itself, and for `0 ≤ part ≤ whole`
/// the result always lies between 0 and `amount` — which is what lets a cost layer be split
/// into pieces that add up to it exactly (the last piece takes the remainder).
enum ProportionalShare {
    /// `amount × part / whole`, half away from zero. `whole` must be positive; `part` and
    /// `amount` may have any sign. Throws `MoneyError.overflow` when the result leaves Int64.
    static func share(of amount: Int64, part: Int64, whole: Int64) throws(MoneyError) -> Int64 {
        precondition(whole > 0, "proportional share needs a positive whole")
        if part == whole { return amount }
        let negative = (amount < 0) != (part < 0)
        let product = amount.magnitude.multipliedFullWidth(by: part.magnitude)
        let divisor = UInt64(whole)
        guard product.high < divisor else { throw .overflow("\(amount) × \(part) / \(whole)") }
        var (quotient, remainder) = divisor.dividingFullWidth(product)
        // Half away from zero on the magnitude; the sign is applied afterwards.
        if remainder != 0 && remainder >= divisor - remainder { quotient += 1 }
        guard quotient <= UInt64(Int64.max) else { throw .overflow("\(amount) × \(part) / \(whole)") }
        return negative ? -Int64(quotient) : Int64(quotient)
    }

    /// The value in minor units of `quantity` at `unitPrice` per whole unit:
    /// `unitPrice × units / 10^scale`, half away from zero.
    static func value(of quantity: Quantity, at unitPrice: Money) throws(MoneyError) -> Money {
        let minor = try share(of: unitPrice.minor, part: quantity.units, whole: quantity.unitsPerWhole)
        return Money(minor: minor, currency: unitPrice.currency)
    }
}
