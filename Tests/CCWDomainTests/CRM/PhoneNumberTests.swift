import Testing
@testable import CCWDomain

@Suite struct PhoneNumberTests {
    let de = try! PhoneCountry("DE")
    let us = try! PhoneCountry("us")

    @Test func tableCoversTheCountriesWeSellTo() throws {
        #expect(PhoneCountry.all.count >= 40)
        for code in ["DE", "GB", "US", "CA", "FR", "NL", "AT", "CH", "IT", "ES", "JP", "CN", "IN", "AU"] {
            #expect(PhoneCountry.byISOCode[code] != nil, "missing \(code)")
        }
        #expect(try PhoneCountry("uk").isoCode == "GB")
        #expect(Set(PhoneCountry.all.map(\.isoCode)).count == PhoneCountry.all.count)
        // Calling codes must be prefix-free, or the longest-match lookup would be ambiguous.
        let codes = Set(PhoneCountry.all.map(\.callingCode))
        for a in codes { for b in codes where a != b { #expect(!b.hasPrefix(a), "\(a) is a prefix of \(b)") } }
        #expect(throws: InputError.self) { try PhoneCountry("XX") }
    }

    @Test func nationalNumbersUseTheDefaultCountry() throws {
        #expect(try PhoneNumber("030 1234567", defaultCountry: de).e164 == "+49301234567")
        #expect(try PhoneNumber("(030) 123-45 67", defaultCountry: de).e164 == "+49301234567")
        #expect(try PhoneNumber("0171/1234567", defaultCountry: de).e164 == "+491711234567")
        #expect(try PhoneNumber("(212) 555-0100", defaultCountry: us).e164 == "+12125550100")
        #expect(try PhoneNumber("1-212-555-0100", defaultCountry: us).e164 == "+12125550100")
        #expect(try PhoneNumber("020 7946 0958", defaultCountry: PhoneCountry("GB")).e164 == "+442079460958")
        #expect(try PhoneNumber("01 23 45 67 89", defaultCountry: PhoneCountry("FR")).e164 == "+33123456789")
        // Italy keeps its leading zero; Spain has no trunk prefix.
        #expect(try PhoneNumber("06 1234 5678", defaultCountry: PhoneCountry("IT")).e164 == "+390612345678")
        #expect(try PhoneNumber("912 345 678", defaultCountry: PhoneCountry("ES")).e164 == "+34912345678")
        #expect(try PhoneNumber("03-1234-5678", defaultCountry: PhoneCountry("JP")).e164 == "+81312345678")
        #expect(try PhoneNumber("0412 345 678", defaultCountry: PhoneCountry("AU")).e164 == "+61412345678")
        #expect(try PhoneNumber("098765 43210", defaultCountry: PhoneCountry("IN")).e164 == "+919876543210")
        #expect(try PhoneNumber("010 1234 5678", defaultCountry: PhoneCountry("CN")).e164 == "+861012345678")
        #expect(try PhoneNumber("044 668 18 00", defaultCountry: PhoneCountry("CH")).e164 == "+41446681800")
        #expect(try PhoneNumber("020 123 4567", defaultCountry: PhoneCountry("NL")).e164 == "+31201234567")
        #expect(try PhoneNumber("01 5120 1234", defaultCountry: PhoneCountry("AT")).e164 == "+43151201234")
    }

    @Test func internationalForms() throws {
        #expect(try PhoneNumber("+49 30 1234567", defaultCountry: nil).e164 == "+49301234567")
        #expect(try PhoneNumber("0049 30 1234567", defaultCountry: us).e164 == "+49301234567")
        #expect(try PhoneNumber("011 44 20 7946 0958", defaultCountry: us).e164 == "+442079460958")
        #expect(try PhoneNumber("0011 49 30 1234567", defaultCountry: PhoneCountry("AU")).e164 == "+49301234567")
        #expect(try PhoneNumber("+44 (0)20 7946 0958", defaultCountry: de).e164 == "+442079460958")
        #expect(try PhoneNumber("+49 030 1234567", defaultCountry: nil).e164 == "+49301234567")
        #expect(try PhoneNumber("+39 06 1234 5678", defaultCountry: nil).e164 == "+390612345678")
        let number = try PhoneNumber("+1 416 555 0100", defaultCountry: try PhoneCountry("CA"))
        #expect(number.country?.isoCode == "CA")
        #expect(number.international == "+1 4165550100")
        #expect(try PhoneNumber("+1 212 555 0100", defaultCountry: de).country?.isoCode == "US")
        // A calling code outside the table is accepted in international form only.
        let fiji = try PhoneNumber("+679 123 4567", defaultCountry: de)
        #expect(fiji.e164 == "+6791234567")
        #expect(fiji.country == nil)
    }

    @Test func refusesWithClearMessages() throws {
        let cases: [(String, PhoneCountry?, String)] = [
            ("+49 30", nil, "phone \"+49 30\": too short for Germany (2 digits after +49, expected 6 to 13)"),
            ("+1 212 555 01000", nil, "phone \"+1 212 555 01000\": too long for United States (11 digits after +1, expected 10)"),
            ("030 1234567", nil, "phone \"030 1234567\": no country: write it with + and the country code (e.g. +49 30 1234567)"),
            ("call me", de, "phone \"call me\": contains letters (write only digits, spaces, +, - and parentheses)"),
            ("12+34", de, "phone \"12+34\": + may only come first"),
            ("---", de, "phone \"---\": has no digits"),
            ("1234", de, "phone \"1234\": too short for Germany (4 digits); is the area code missing?"),
            ("+999 12", de, "phone \"+999 12\": 5 digits after +, expected 8 to 15"),
            ("030 1234*567", de, "phone \"030 1234*567\": character \"*\" is not allowed in a phone number"),
        ]
        for (text, country, message) in cases {
            #expect(throws: InputError(message)) { try PhoneNumber(text, defaultCountry: country) }
        }
        #expect(throws: InputError("phone is empty (expected e.g. +49 30 1234567)")) { try PhoneNumber("  ", defaultCountry: de) }
    }

    @Test func restoresStoredValues() throws {
        let number = try PhoneNumber(e164: "+49301234567")
        #expect(number.callingCode == "49")
        #expect(number.nationalNumber == "301234567")
        #expect(throws: InputError.self) { try PhoneNumber(e164: "030 1234567") }
        #expect(try PhoneNumber("030 1234567", defaultCountry: de) == number)
    }
}
