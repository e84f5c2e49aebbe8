import Foundation

/// A discount on one deal line.
public enum LineDiscount: Sendable, Hashable, Codable {
    case none
    /// Percent off the line's gross amount, e.g. `12.5` for 12.5 % (0-100, at most 4 decimals).
    case percent(ExactDecimal)
    /// A fixed amount off the whole line (not per unit), in the line's currency.
    case amount(Money)
}

/// A product or service on a deal (the seed's DealLineItem) with quantity, unit price and an
/// optional discount; all amounts are integer minor units.
///
/// **Line total and its rounding** (`lineTotal(rounding:)`):
/// 1. gross = unit price × quantity. With a whole quantity this is exact; with a decimal
///    quantity the exact product is rounded once to minor units.
/// 2. discount = gross × percent / 100, rounded once to minor units (or the fixed amount).
/// 3. line total = gross − discount.
///
/// The discount is what gets rounded, never the net, so `discount + total == gross` holds to
/// the cent and an invoice printed from the deal adds up. The rounding rule is the
/// organization's (half away from zero unless it chose otherwise).
public struct DealLineItem: Sendable, Hashable, Codable {
    public var id: Int64?
    /// The inventory product's row id, nil for a free-text line (services, one-offs).
    public var productID: Int64?
    public var description: String
    /// In the product's unit; whole by default, decimals where the product allows them.
    public var quantity: ExactDecimal
    public var unitPrice: Money
    public var discount: LineDiscount
    /// Position on the deal, smallest first.
    public var sortOrder: Int

    public init(id: Int64? = nil, productID: Int64? = nil, description: String, quantity: ExactDecimal,
                unitPrice: Money, discount: LineDiscount = .none, sortOrder: Int = 0) {
        self.id = id
        self.productID = productID
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.sortOrder = sortOrder
    }

    public var currency: CurrencyCode { unitPrice.currency }

    /// Unit price × quantity, rounded once when the quantity has decimals.
    public func gross(rounding: RoundingRule = .halfAwayFromZero) throws -> Money {
        try quantity.apply(to: unitPrice, rounding: rounding)
    }

    /// The amount taken off by the discount (zero without one).
    public func discountAmount(rounding: RoundingRule = .halfAwayFromZero) throws -> Money {
        switch discount {
        case .none: return .zero(currency)
        case let .amount(amount):
            guard amount.currency == currency else { throw MoneyError.currencyMismatch(currency, amount.currency) }
            return amount
        case let .percent(percent):
            let p = percent.normalized
            let fraction = ExactDecimal(mantissa: p.mantissa, scale: min(p.scale + 2, ExactDecimal.maxScale))
            return try fraction.apply(to: try gross(rounding: rounding), rounding: rounding)
        }
    }

    /// Gross minus discount (see the type's documentation for the rounding).
    public func lineTotal(rounding: RoundingRule = .halfAwayFromZero) throws -> Money {
        try gross(rounding: rounding).subtracting(try discountAmount(rounding: rounding))
    }

    /// `field` prefixes the messages ("line 2").
    public func validate(field: String = "line") -> [FieldError] {
        var errors: [FieldError] = []
        if description.trimmingCharacters(in: .whitespaces).isEmpty && productID == nil {
            errors.append(FieldError(field: "\(field) description", message: "a description or a product is required"))
        }
        if quantity <= .zero {
            errors.append(FieldError(field: "\(field) quantity", message: "\(quantity) must be more than 0"))
        }
        if unitPrice.isNegative {
            errors.append(FieldError(field: "\(field) unit price", message: "cannot be negative"))
        }
        switch discount {
        case .none: break
        case let .percent(p):
            if p < .zero || p > Probability.hundred {
                errors.append(FieldError(field: "\(field) discount", message: "\(p)% is out of range (0-100)"))
            } else if p.normalized.scale > 4 {
                errors.append(FieldError(field: "\(field) discount", message: "\(p)% has more than 4 decimals"))
            }
        case let .amount(amount):
            if amount.currency != currency {
                errors.append(FieldError(field: "\(field) discount", message: "is in \(amount.currency), the price in \(currency)"))
            } else if amount.isNegative {
                errors.append(FieldError(field: "\(field) discount", message: "cannot be negative"))
            } else if let gross = try? gross(), amount > gross {
                errors.append(FieldError(field: "\(field) discount", message: "\(amount.formattedWithCode) is more than the line (\(gross.formattedWithCode))"))
            }
        }
        if (try? lineTotal()) == nil && errors.isEmpty {
            errors.append(FieldError(field: "\(field) total", message: "amount out of range"))
        }
        return errors
    }
}
