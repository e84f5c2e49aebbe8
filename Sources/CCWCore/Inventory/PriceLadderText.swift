import CCWDomain

/// Price tiers and ladders as people type them, shared by the price form and `ccw products prices`.
///
/// - A tier is `retail`, `wholesale` or an org-defined name such as `distributor` (letters,
///   digits, `-` and `_`, at most 30 characters; stored in lower case).
/// - A ladder key is `TIER:CURRENCY` (`wholesale:EUR`).
/// - A ladder is one entry per break, `QTY PRICE` or `QTY=PRICE` (`10 9.00`, `10=9.00`): from
///   that quantity upward each unit costs that price. On the command line the entries are one
///   text separated by commas (`1=10.00,10=9.00,50=8.00`); a price written with thousands
///   separators (`1=1,234.50`) still reads as one entry.
///
/// Every problem is reported at once, named by the entry's line (`line 2`, counted from 1 among
/// all entries, blank ones included, so it matches the form's line fields).
public enum PriceLadderText {
    public static let maxTierLength = 30

    public static func tier(_ text: String) throws -> PriceTier {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "": throw InputError("tier is empty (retail, wholesale or a name such as distributor)")
        case "retail": return .retail
        case "wholesale": return .wholesale
        default:
            guard name.count <= maxTierLength, name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) else {
                throw InputError("\"\(text)\" is not a tier name (letters, digits, - and _, at most \(maxTierLength) characters)")
            }
            return .named(name)
        }
    }

    /// `wholesale:EUR` → (wholesale, EUR); problems are named `tier` or `currency`.
    public static func key(_ text: String) throws -> (tier: PriceTier, currency: CurrencyCode) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw ValidationErrors([FieldError(field: "ladder", message: "\"\(text)\": write TIER:CURRENCY, e.g. wholesale:EUR")])
        }
        var errors = ValidationErrors()
        let tier = errors.check("tier") { try Self.tier(parts[0]) }
        let currency = errors.check("currency") { try CurrencyCode(parts[1]) }
        try errors.throwIfAny()
        return (tier!, currency!)
    }

    /// The breaks of `entries` (one per line; blank lines are skipped) in `currency` for a
    /// product counted with `decimals` decimals in `unit`; throws `ValidationErrors` naming lines.
    public static func breaks(_ entries: [String], currency: CurrencyCode, decimals: Int, unit: String) throws -> [PriceBreak] {
        var errors = ValidationErrors()
        var parsed: [(line: Int, step: PriceBreak)] = []
        for (index, entry) in entries.enumerated() {
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let field = "line \(index + 1)"
            let pieces = split(text)
            guard pieces.count == 2 else {
                errors.add(field, "\"\(text)\": expected a quantity and a unit price, e.g. 10 9.00")
                continue
            }
            let quantity = errors.check(field) { try Quantity.parse(pieces[0], scale: decimals, unitName: unit) }
            let price = errors.check(field) { try Money.parse(pieces[1], currency: currency) }
            if let quantity, let price { parsed.append((index + 1, PriceBreak(from: quantity, unitPrice: price))) }
        }
        if entries.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            errors.add("lines", "at least one price is needed (a quantity and a unit price, e.g. 1 10.00)")
        }
        for error in ProductPrices.problems(parsed, currency: currency, decimals: decimals) { errors.add(error) }
        try errors.throwIfAny()
        return parsed.map(\.step)
    }

    /// `1=10.00,10=9.00` as entries; a piece without `=` belongs to the price before it (`1=1,234.50`).
    public static func breaks(list text: String, currency: CurrencyCode, decimals: Int, unit: String) throws -> [PriceBreak] {
        var entries: [String] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if !piece.contains("="), let last = entries.last, last.contains("="), !piece.trimmingCharacters(in: .whitespaces).isEmpty {
                entries[entries.count - 1] = last + "," + piece
            } else {
                entries.append(piece)
            }
        }
        return try breaks(entries, currency: currency, decimals: decimals, unit: unit)
    }

    /// How a break is typed back: `10 9.00`.
    public static func text(_ step: PriceBreak) -> String { "\(step.minimumQuantity) \(step.unitPrice.decimalString)" }

    /// `10 9.00`, `10=9.00`, `10 = 9.00` → ["10", "9.00"].
    private static func split(_ text: String) -> [String] {
        if text.contains("=") {
            return text.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }
}
