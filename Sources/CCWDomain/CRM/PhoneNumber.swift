import Foundation

/// A telephone number normalized to E.164 (`+4930123456`): `+`, the country calling code and
/// the national significant number, digits only, at most 15 digits.
///
/// `PhoneNumber(_:defaultCountry:)` accepts what people type and what CSV files hold:
///
/// - spaces, dashes, dots, slashes, parentheses and non-breaking spaces between digits
///   (`(030) 123-45 67`);
/// - international form with `+` (`+49 30 1234567`), with `00` or the default country's own
///   international prefix (`0049…` in Germany, `011 44…` in the US), and the common
///   `+44 (0)20 …` notation whose `(0)` is the trunk prefix and is dropped (so is a trunk `0`
///   written after the calling code, `+49 030 …`, for countries whose trunk prefix is `0`);
/// - national form (`030 1234567`): the default country's trunk prefix (`0`, or `1` in North
///   America) is removed and its calling code added; where a country has no trunk prefix
///   (Italy, Spain) the digits are kept as they are.
///
/// The length of the national number is checked against the country's range (see
/// `PhoneCountry`), and the whole against E.164's 15 digits. Numbers whose calling code is not
/// in the table are accepted in international form only, with `country == nil`, when they have
/// 8 to 15 digits. Refusals name the number and the rule:
/// `phone "+49 30": too short for Germany (2 digits after +49, expected 6 to 13)`.
public struct PhoneNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `+` and digits, e.g. `+4930123456`.
    public let e164: String
    /// The calling code, when it is one of the table's (`49`).
    public let callingCode: String?
    /// The digits after the calling code (the whole digit string when the code is unknown).
    public let nationalNumber: String
    /// The country the number belongs to: for a calling code shared by several countries
    /// (`1`: US and Canada), the default country when it shares the code, else the first one.
    public let country: PhoneCountry?

    public init(_ text: String, defaultCountry: PhoneCountry?) throws {
        func refuse(_ reason: String) -> InputError { InputError("phone \"\(text)\": \(reason)") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw InputError("phone is empty (expected e.g. +49 30 1234567)") }
        var body = Substring(trimmed)
        var international = false
        if body.first == "+" || body.first == "＋" { international = true; body = body.dropFirst() }
        var digits = ""
        var rest = body[...]
        while let char = rest.first {
            if international && rest.hasPrefix("(0)") { rest = rest.dropFirst(3); continue }
            if char.isASCII && char.isNumber { digits.append(char) }
            else if let value = char.wholeNumberValue, char.isNumber { digits += String(value) }
            else if !PhoneNumber.separators.contains(char) {
                if char.isLetter { throw refuse("contains letters (write only digits, spaces, +, - and parentheses)") }
                if char == "+" { throw refuse("+ may only come first") }
                throw refuse("character \"\(char)\" is not allowed in a phone number")
            }
            rest = rest.dropFirst()
        }
        guard !digits.isEmpty else { throw refuse("has no digits") }

        if !international {
            // The home country's own prefix first: Australia's `0011` also starts with `00`.
            if let home = defaultCountry, digits.hasPrefix(home.internationalPrefix) {
                international = true
                digits.removeFirst(home.internationalPrefix.count)
            } else if digits.hasPrefix("00") {
                international = true
                digits.removeFirst(2)
            }
        }
        if international {
            guard let code = PhoneCountry.callingCode(prefixing: digits) else {
                guard (8...15).contains(digits.count) else {
                    throw refuse("\(digits.count) digits after +, expected 8 to 15")
                }
                self.init(digits: digits, callingCode: nil, national: digits, country: nil)
                return
            }
            var national = String(digits.dropFirst(code.count))
            let candidates = PhoneCountry.byCallingCode[code]!
            let country = candidates.first { $0 == defaultCountry } ?? candidates[0]
            // `+49 030…`: a trunk zero written after the calling code by mistake.
            if country.trunkPrefix == "0" && national.hasPrefix("0") { national.removeFirst() }
            try self.init(checking: national, country: country, refuse)
        } else {
            guard let country = defaultCountry else {
                throw refuse("no country: write it with + and the country code (e.g. +49 30 1234567)")
            }
            var national = digits
            if let trunk = country.trunkPrefix, national.hasPrefix(trunk),
               national.count - trunk.count >= country.nationalLengths.lowerBound {
                national.removeFirst(trunk.count)
            } else if let trunk = country.trunkPrefix, trunk != "1", national.count < country.nationalLengths.lowerBound {
                throw refuse("too short for \(country.name) (\(national.count) digits); is the area code missing?")
            }
            try self.init(checking: national, country: country, refuse)
        }
    }

    private init(checking national: String, country: PhoneCountry, _ refuse: (String) -> InputError) throws {
        let lengths = country.nationalLengths
        let expected = lengths.lowerBound == lengths.upperBound ? "\(lengths.lowerBound)" : "\(lengths.lowerBound) to \(lengths.upperBound)"
        if national.count < lengths.lowerBound {
            throw refuse("too short for \(country.name) (\(national.count) digits after +\(country.callingCode), expected \(expected))")
        }
        if national.count > lengths.upperBound {
            throw refuse("too long for \(country.name) (\(national.count) digits after +\(country.callingCode), expected \(expected))")
        }
        if country.callingCode.count + national.count > 15 {
            throw refuse("longer than the 15 digits E.164 allows")
        }
        self.init(digits: country.callingCode + national, callingCode: country.callingCode, national: national, country: country)
    }

    private init(digits: String, callingCode: String?, national: String, country: PhoneCountry?) {
        self.e164 = "+" + digits
        self.callingCode = callingCode
        self.nationalNumber = national
        self.country = country
    }

    /// Restores a stored E.164 value (`+4930123456`); refuses anything else.
    public init(e164 text: String) throws {
        guard text.first == "+", text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputError("phone \"\(text)\": not in E.164 form (expected + and digits, e.g. +4930123456)")
        }
        try self.init(text, defaultCountry: nil)
    }

    /// `+49 30123456`: the calling code set apart, for display.
    public var international: String {
        guard let code = callingCode else { return e164 }
        return "+\(code) \(nationalNumber)"
    }

    public var description: String { e164 }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 < rhs.e164 }

    public static func == (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 == rhs.e164 }

    public func hash(into hasher: inout Hasher) { hasher.combine(e164) }

    static let separators: Set<Character> = [" ", "-", ".", "/", "(", ")", "\u{00A0}", "\u{2009}", "\u{2011}", "\u{2013}", "\t"]
}

extension PhoneNumber: TextCodable {
    public init(codingText: String) throws { try self.init(e164: codingText) }
    public var codingText: String { e164 }
}
