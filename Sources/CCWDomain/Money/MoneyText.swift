import Foundation

/// Money as text: display (`1,234.50`, `1,234.50 EUR`), the JSON decimal string (`1234.50`),
/// and parsing of what users type (`1234.5`, `1,234.50`, `-12`, `12.50 EUR`).
extension Money: CustomStringConvertible, Codable {
    /// Thousands separators and exactly `minorDigits` decimals: `1,234.50`, `-7`, `1,235` (JPY).
    public var formatted: String { render(grouped: true) }

    /// `formatted` followed by the currency code: `1,234.50 EUR`.
    public var formattedWithCode: String { "\(formatted) \(currency.code)" }

    /// The decimal string used in JSON and CSV: no grouping, `.` as separator: `1234.50`.
    public var decimalString: String { render(grouped: false) }

    public var description: String { formattedWithCode }

    private func render(grouped: Bool) -> String {
        let magnitude = minor.magnitude
        let perMajor = UInt64(currency.minorPerMajor)
        let major = String(magnitude / perMajor)
        var text = grouped ? Money.group(major) : major
        if currency.minorDigits > 0 {
            let fraction = String(magnitude % perMajor)
            text += "." + String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
        }
        return minor < 0 ? "-" + text : text
    }

    private static func group(_ digits: String) -> String {
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }

    /// Parses an amount typed by a user in the given currency.
    ///
    /// Accepts an optional sign, digits with optional `,` thousands separators in groups of
    /// three, an optional `.` and at most `minorDigits` decimals, and an optional currency code
    /// before or after that must match `currency`. Refusals name the text and the rule, e.g.
    /// `12.345: too many decimals for EUR (2 allowed)`.
    public static func parse(_ text: String, currency: CurrencyCode) throws -> Money {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty else { throw InputError("amount is empty (expected e.g. 1234.50)") }
        for part in [body.prefix(3), body.suffix(3)] where body.count > 3 && part.allSatisfy(\.isLetter) {
            let code = part.uppercased()
            guard code == currency.code else {
                throw InputError("\(text): amount is in \(code), expected \(currency.code)")
            }
            body = (body.hasPrefix(part) ? String(body.dropFirst(3)) : String(body.dropLast(3)))
                .trimmingCharacters(in: .whitespaces)
            break
        }
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" || sign == "−" {
            negative = sign != "+"
            body.removeFirst()
        }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { throw InputError("\(text): more than one decimal point") }
        let integerPart = String(pieces[0])
        let fractionPart = pieces.count == 2 ? String(pieces[1]) : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else {
            throw InputError("\(text): not an amount (expected e.g. 1234.50)")
        }
        let digits = try integerDigits(integerPart, original: text)
        guard fractionPart.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputError("\(text): not an amount (expected digits, e.g. 1234.50)")
        }
        guard fractionPart.count <= currency.minorDigits else {
            if currency.minorDigits == 0 {
                throw InputError("\(text): \(currency.code) has no decimals")
            }
            throw InputError("\(text): too many decimals for \(currency.code) (\(currency.minorDigits) allowed)")
        }
        let padded = fractionPart + String(repeating: "0", count: currency.minorDigits - fractionPart.count)
        guard let magnitude = Int64((digits.isEmpty ? "0" : digits) + padded) else {
            throw InputError("\(text): amount is too large")
        }
        return Money(minor: negative ? -magnitude : magnitude, currency: currency)
    }

    /// The integer digits without separators; separators must sit between groups of three.
    private static func integerDigits(_ part: String, original: String) throws -> String {
        guard part.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," }) else {
            throw InputError("\(original): not an amount (expected digits, e.g. 1234.50)")
        }
        guard part.contains(",") else { return part }
        let groups = part.split(separator: ",", omittingEmptySubsequences: false)
        let wellFormed = !groups[0].isEmpty && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
        guard wellFormed else {
            throw InputError("\(original): misplaced thousands separator (write 1,234.50 or 1234.50)")
        }
        return groups.joined()
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// JSON shape `{"amount": "1234.50", "currency": "EUR"}`: a decimal string, never a float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(CurrencyCode.self, forKey: .currency)
        let amount = try container.decode(String.self, forKey: .amount)
        do {
            self = try Money.parse(amount, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: "\(error)")
        }
    }
}
