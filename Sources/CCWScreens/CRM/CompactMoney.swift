import CCWDomain

/// Money as the kanban and the analysis show it where space is short: the currency's sign and
/// whole units ("€48,500", "£980", "CHF 1,200"), millions and billions with one decimal
/// ("€1.2M", "€3B"). Rounded half away from zero for display only; exact figures stay in the
/// detail and in `ccw` output.
enum CompactMoney {
    /// Whole units up to 999,999, then millions ("€1.2M") and billions.
    static func text(_ money: Money) -> String {
        let per = money.currency.minorPerMajor
        let magnitude = money.minor.magnitude
        let units = (magnitude + UInt64(per) / 2) / UInt64(per)
        let body: String
        if units >= 1_000_000_000 {
            body = tenths(magnitude, per: UInt64(per) * 100_000_000) + "B"
        } else if units >= 1_000_000 {
            body = tenths(magnitude, per: UInt64(per) * 100_000) + "M"
        } else {
            body = Money(minor: Int64(units), currency: .JPY).formatted
        }
        return (money.minor < 0 ? "-" : "") + sign(money.currency) + body
    }

    /// Whole units always ("€1,250,000"): for cards, where the exact size matters.
    static func whole(_ money: Money) -> String {
        let per = UInt64(money.currency.minorPerMajor)
        let units = (money.minor.magnitude + per / 2) / per
        return (money.minor < 0 ? "-" : "") + sign(money.currency) + Money(minor: Int64(units), currency: .JPY).formatted
    }

    /// Every currency of a per-currency sum, the base currency first: "€18,300 + $2,000".
    static func text(_ amounts: [CurrencyCode: Money], base: CurrencyCode) -> String {
        let codes = amounts.keys.sorted { ($0 == base ? 0 : 1, $0.code) < ($1 == base ? 0 : 1, $1.code) }
        guard !codes.isEmpty else { return text(.zero(base)) }
        return codes.map { text(amounts[$0]!) }.joined(separator: " + ")
    }

    /// A count with thousands separators: "1,234".
    static func count(_ n: Int) -> String { Money(minor: Int64(n), currency: .JPY).formatted }

    static func sign(_ currency: CurrencyCode) -> String {
        switch currency.code {
        case "EUR": "€"
        case "USD": "$"
        case "GBP": "£"
        case "JPY", "CNY": "¥"
        default: currency.code + " "
        }
    }

    /// `magnitude / (unit / 10)` rounded half away from zero, as "1.2" (or "3" for 3.0).
    private static func tenths(_ magnitude: UInt64, per unit: UInt64) -> String {
        let t = (magnitude + unit / 2) / unit
        return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(t % 10)"
    }
}
