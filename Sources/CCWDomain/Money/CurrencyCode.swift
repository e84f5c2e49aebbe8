import Foundation

/// An ISO 4217 currency code with the number of minor-unit digits it is written with
/// (JPY 0, EUR 2, KWD 3). Only codes in the table below are accepted, so a typo such as
/// "EUT" is refused at the boundary instead of producing money nobody can add up.
public struct CurrencyCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: String
    public let minorDigits: Int

    /// Parses a code as typed (`eur`, ` EUR `); unknown codes throw an `InputError` naming them.
    public init(_ text: String) throws {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let digits = CurrencyCode.minorDigitsByCode[code] else {
            if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                throw InputError("\"\(code)\" is not a known ISO 4217 currency code")
            }
            throw InputError("\"\(text)\" is not a currency code (expected three letters such as EUR, USD, JPY)")
        }
        self.code = code
        self.minorDigits = digits
    }

    private init(known code: String) {
        self.code = code
        self.minorDigits = CurrencyCode.minorDigitsByCode[code]!
    }

    public var description: String { code }

    /// 10^minorDigits: how many minor units make one major unit.
    public var minorPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorDigits { value *= 10 }
        return value
    }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public static let EUR = CurrencyCode(known: "EUR")
    public static let USD = CurrencyCode(known: "USD")
    public static let GBP = CurrencyCode(known: "GBP")
    public static let CHF = CurrencyCode(known: "CHF")
    public static let JPY = CurrencyCode(known: "JPY")
    public static let KWD = CurrencyCode(known: "KWD")

    /// Every code this installation accepts, sorted.
    public static var all: [CurrencyCode] { minorDigitsByCode.keys.sorted().map { CurrencyCode(known: $0) } }

    /// Minor-unit digits per ISO 4217 (list one, current edition).
    static let minorDigitsByCode: [String: Int] = [
        // Europe
        "EUR": 2, "GBP": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "ISK": 0, "PLN": 2, "CZK": 2,
        "HUF": 2, "RON": 2, "BGN": 2, "RSD": 2, "TRY": 2, "UAH": 2, "RUB": 2, "GEL": 2,
        // Americas
        "USD": 2, "CAD": 2, "MXN": 2, "BRL": 2, "ARS": 2, "CLP": 0, "COP": 2, "PEN": 2, "UYU": 2,
        "PYG": 0,
        // Asia and Pacific
        "JPY": 0, "CNY": 2, "HKD": 2, "TWD": 2, "KRW": 0, "SGD": 2, "MYR": 2, "THB": 2, "IDR": 2,
        "PHP": 2, "VND": 0, "INR": 2, "PKR": 2, "BDT": 2, "LKR": 2, "AUD": 2, "NZD": 2, "KZT": 2,
        // Middle East and Africa
        "AED": 2, "SAR": 2, "QAR": 2, "ILS": 2, "EGP": 2, "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3,
        "TND": 3, "LYD": 3, "IQD": 3, "MAD": 2, "ZAR": 2, "NGN": 2, "KES": 2, "GHS": 2, "UGX": 0,
        "XOF": 0, "XAF": 0,
    ]
}
