import Foundation

/// A country's telephone dialing plan, as far as normalizing to E.164 needs it.
///
/// - `callingCode`: the ITU country calling code written after `+` (49 for Germany; 1 for the
///   North American Numbering Plan, shared by the US and Canada).
/// - `trunkPrefix`: what callers dial before a national number inside the country and which
///   is dropped in international form (`0` in Germany, `1` in the US, `8` in Russia, `06` in
///   Hungary); nil where the leading digit is part of the number (Italy keeps its `0`, Spain
///   and Denmark have none).
/// - `internationalPrefix`: what callers dial before a calling code from inside the country
///   instead of `+` (`00` in most of Europe, `011` in North America, `010` in Japan, `0011` in
///   Australia).
/// - `nationalLengths`: how many digits the national significant number (after the calling
///   code, without trunk prefix) may have. The ranges are deliberately generous (they cover
///   short landline and long mobile numbers); they catch a missing or extra block of digits,
///   not every invalid number.
public struct PhoneCountry: Sendable, Hashable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2 code, uppercase ("DE").
    public let isoCode: String
    public let name: String
    public let callingCode: String
    public let trunkPrefix: String?
    public let internationalPrefix: String
    public let nationalLengths: ClosedRange<Int>

    public var description: String { name }

    /// Looks a country up by its ISO code as typed (`de`, ` DE `); also accepts `UK` for GB.
    /// Unknown codes throw, naming the text.
    public init(_ isoCode: String) throws {
        var code = isoCode.trimmingCharacters(in: .whitespaces).uppercased()
        if code == "UK" { code = "GB" }
        guard let country = PhoneCountry.byISOCode[code] else {
            throw InputError("\"\(isoCode)\" is not a country this installation knows for phone numbers (expected an ISO code such as DE, GB, US)")
        }
        self = country
    }

    private init(_ iso: String, _ name: String, _ callingCode: String, trunk: String?, intl: String = "00",
                 _ lengths: ClosedRange<Int>) {
        self.isoCode = iso
        self.name = name
        self.callingCode = callingCode
        self.trunkPrefix = trunk
        self.internationalPrefix = intl
        self.nationalLengths = lengths
    }

    /// Every country in the table, in table order.
    public static let all: [PhoneCountry] = [
        // Europe
        .init("DE", "Germany", "49", trunk: "0", 6...13),
        .init("AT", "Austria", "43", trunk: "0", 4...13),
        .init("CH", "Switzerland", "41", trunk: "0", 9...9),
        .init("GB", "United Kingdom", "44", trunk: "0", 9...10),
        .init("IE", "Ireland", "353", trunk: "0", 7...9),
        .init("FR", "France", "33", trunk: "0", 9...9),
        .init("NL", "Netherlands", "31", trunk: "0", 9...9),
        .init("BE", "Belgium", "32", trunk: "0", 8...9),
        .init("LU", "Luxembourg", "352", trunk: nil, 4...11),
        .init("IT", "Italy", "39", trunk: nil, 6...11),
        .init("ES", "Spain", "34", trunk: nil, 9...9),
        .init("PT", "Portugal", "351", trunk: nil, 9...9),
        .init("DK", "Denmark", "45", trunk: nil, 8...8),
        .init("SE", "Sweden", "46", trunk: "0", 7...10),
        .init("NO", "Norway", "47", trunk: nil, 8...8),
        .init("FI", "Finland", "358", trunk: "0", 5...12),
        .init("IS", "Iceland", "354", trunk: nil, 7...9),
        .init("PL", "Poland", "48", trunk: nil, 9...9),
        .init("CZ", "Czechia", "420", trunk: nil, 9...9),
        .init("SK", "Slovakia", "421", trunk: "0", 9...9),
        .init("HU", "Hungary", "36", trunk: "06", 8...9),
        .init("RO", "Romania", "40", trunk: "0", 9...9),
        .init("BG", "Bulgaria", "359", trunk: "0", 7...9),
        .init("GR", "Greece", "30", trunk: nil, 10...10),
        .init("HR", "Croatia", "385", trunk: "0", 8...9),
        .init("SI", "Slovenia", "386", trunk: "0", 8...8),
        .init("TR", "Turkey", "90", trunk: "0", 10...10),
        .init("UA", "Ukraine", "380", trunk: "0", 9...9),
        .init("RU", "Russia", "7", trunk: "8", intl: "810", 10...10),
        // Americas
        .init("US", "United States", "1", trunk: "1", intl: "011", 10...10),
        .init("CA", "Canada", "1", trunk: "1", intl: "011", 10...10),
        .init("MX", "Mexico", "52", trunk: nil, 10...10),
        .init("BR", "Brazil", "55", trunk: "0", 10...11),
        .init("AR", "Argentina", "54", trunk: "0", 10...11),
        .init("CL", "Chile", "56", trunk: nil, 9...9),
        .init("CO", "Colombia", "57", trunk: nil, 10...10),
        .init("PE", "Peru", "51", trunk: "0", 8...9),
        // Asia and Pacific
        .init("JP", "Japan", "81", trunk: "0", intl: "010", 9...10),
        .init("CN", "China", "86", trunk: "0", 8...11),
        .init("HK", "Hong Kong", "852", trunk: nil, intl: "001", 8...8),
        .init("TW", "Taiwan", "886", trunk: "0", intl: "002", 8...9),
        .init("KR", "South Korea", "82", trunk: "0", intl: "001", 8...10),
        .init("IN", "India", "91", trunk: "0", 10...10),
        .init("PK", "Pakistan", "92", trunk: "0", 9...10),
        .init("SG", "Singapore", "65", trunk: nil, intl: "000", 8...8),
        .init("MY", "Malaysia", "60", trunk: "0", 8...10),
        .init("TH", "Thailand", "66", trunk: "0", intl: "001", 8...9),
        .init("ID", "Indonesia", "62", trunk: "0", intl: "001", 8...12),
        .init("PH", "Philippines", "63", trunk: "0", 8...10),
        .init("VN", "Vietnam", "84", trunk: "0", 9...10),
        .init("AU", "Australia", "61", trunk: "0", intl: "0011", 9...9),
        .init("NZ", "New Zealand", "64", trunk: "0", 8...10),
        // Middle East and Africa
        .init("IL", "Israel", "972", trunk: "0", 8...9),
        .init("AE", "United Arab Emirates", "971", trunk: "0", 8...9),
        .init("SA", "Saudi Arabia", "966", trunk: "0", 8...9),
        .init("EG", "Egypt", "20", trunk: "0", 8...10),
        .init("MA", "Morocco", "212", trunk: "0", 9...9),
        .init("NG", "Nigeria", "234", trunk: "0", intl: "009", 8...10),
        .init("KE", "Kenya", "254", trunk: "0", intl: "000", 9...9),
        .init("ZA", "South Africa", "27", trunk: "0", 9...9),
    ]

    static let byISOCode: [String: PhoneCountry] = Dictionary(uniqueKeysWithValues: all.map { ($0.isoCode, $0) })

    /// The countries sharing a calling code, table order (US before CA for `1`).
    static let byCallingCode: [String: [PhoneCountry]] = Dictionary(grouping: all, by: \.callingCode)

    /// The calling code at the start of `digits` (calling codes are prefix-free, so at most one
    /// of the 1-, 2- and 3-digit prefixes matches).
    static func callingCode(prefixing digits: String) -> String? {
        for length in 1...3 where digits.count >= length {
            let prefix = String(digits.prefix(length))
            if byCallingCode[prefix] != nil { return prefix }
        }
        return nil
    }
}
