import Testing
@testable import CCWDomain

@Suite struct CurrencyCodeTests {
    @Test func knowsMinorDigitsOfCommonCurrencies() throws {
        #expect(try CurrencyCode("JPY").minorDigits == 0)
        #expect(try CurrencyCode("usd").minorDigits == 2)
        #expect(try CurrencyCode(" EUR ").minorDigits == 2)
        #expect(try CurrencyCode("GBP").minorDigits == 2)
        for code in ["BHD", "KWD", "JOD"] { #expect(try CurrencyCode(code).minorDigits == 3) }
        #expect(CurrencyCode.all.count >= 40)
    }

    @Test func refusesUnknownCodesByName() {
        #expect(throws: InputError("\"EUT\" is not a known ISO 4217 currency code")) { try CurrencyCode("EUT") }
        #expect(throws: InputError.self) { try CurrencyCode("euro") }
    }
}

@Suite struct MoneyTextTests {
    @Test func formatsWithSeparatorsAndMinorDigits() throws {
        let eur = CurrencyCode.EUR
        #expect(Money(minor: 123_450, currency: eur).formatted == "1,234.50")
        #expect(Money(minor: 123_450, currency: eur).formattedWithCode == "1,234.50 EUR")
        #expect(Money(minor: 123_450, currency: eur).decimalString == "1234.50")
        #expect(Money(minor: -5, currency: eur).formatted == "-0.05")
        #expect(Money(minor: 0, currency: eur).formatted == "0.00")
        #expect(Money(minor: 123_456_789, currency: .JPY).formatted == "123,456,789")
        #expect(Money(minor: 1_234_567, currency: .KWD).formatted == "1,234.567")
        #expect(Money(minor: 100_000, currency: eur).formatted == "1,000.00")
    }

    @Test func parsesWhatUsersType() throws {
        let eur = CurrencyCode.EUR
        #expect(try Money.parse("1234.5", currency: eur).minor == 123_450)
        #expect(try Money.parse("1,234.50", currency: eur).minor == 123_450)
        #expect(try Money.parse("-12", currency: eur).minor == -1200)
        #expect(try Money.parse(" 12.50 EUR ", currency: eur).minor == 1250)
        #expect(try Money.parse(".5", currency: eur).minor == 50)
        #expect(try Money.parse("1,234,567", currency: .JPY).minor == 1_234_567)
    }

    @Test func refusesBadAmountsWithReasons() {
        let eur = CurrencyCode.EUR
        #expect(throws: InputError("12.345: too many decimals for EUR (2 allowed)")) { try Money.parse("12.345", currency: eur) }
        #expect(throws: InputError("12.5: JPY has no decimals")) { try Money.parse("12.5", currency: .JPY) }
        #expect(throws: InputError.self) { try Money.parse("1,23.00", currency: eur) }
        #expect(throws: InputError.self) { try Money.parse("abc", currency: eur) }
        #expect(throws: InputError.self) { try Money.parse("", currency: eur) }
        #expect(throws: InputError.self) { try Money.parse("1.2.3", currency: eur) }
        #expect(throws: InputError("12 USD: amount is in USD, expected EUR")) { try Money.parse("12 USD", currency: eur) }
        #expect(throws: InputError.self) { try Money.parse("99999999999999999999", currency: eur) }
    }

    @Test func formatThenParseRoundTrips() throws {
        var rng = SeededGenerator(seed: 42)
        for currency in [CurrencyCode.EUR, .JPY, .KWD] {
            for _ in 0..<500 {
                let money = Money(minor: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng), currency: currency)
                #expect(try Money.parse(money.formatted, currency: currency) == money)
                #expect(try Money.parse(money.decimalString, currency: currency) == money)
            }
        }
    }
}

@Suite struct MoneyArithmeticTests {
    @Test func addsSubtractsNegatesMultipliesCompares() throws {
        let a = Money(minor: 1050, currency: .EUR), b = Money(minor: 250, currency: .EUR)
        #expect((a + b).minor == 1300)
        #expect((a - b).minor == 800)
        #expect((-a).minor == -1050)
        #expect((a * 3).minor == 3150)
        #expect(b < a)
        #expect(try Money.sum([a, b, b], currency: .EUR).minor == 1550)
    }

    @Test func mixingCurrenciesIsReportedByTheThrowingForms() {
        let eur = Money(minor: 100, currency: .EUR), usd = Money(minor: 100, currency: .USD)
        #expect(throws: MoneyError.currencyMismatch(.EUR, .USD)) { try eur.adding(usd) }
        #expect(throws: MoneyError.currencyMismatch(.EUR, .USD)) { try eur.subtracting(usd) }
    }

    @Test func overflowIsReported() {
        let big = Money(minor: .max, currency: .EUR)
        #expect(throws: MoneyError.self) { try big.adding(Money(minor: 1, currency: .EUR)) }
        #expect(throws: MoneyError.self) { try big.multiplied(by: 2) }
        #expect(throws: MoneyError.self) { try Money(minor: .min, currency: .EUR).negated() }
    }

    @Test func addThenSubtractRoundTrips() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let a = Money(minor: Int64.random(in: -(1 << 60)...(1 << 60), using: &rng), currency: .EUR)
            let b = Money(minor: Int64.random(in: -(1 << 60)...(1 << 60), using: &rng), currency: .EUR)
            let sum = try a.adding(b)
            #expect(try sum.subtracting(b) == a)
            #expect(try sum.subtracting(a) == b)
            #expect(try a.adding(b) == b.adding(a))
            #expect(try a.subtracting(b) == (try b.subtracting(a)).negated())
        }
    }

    @Test func codableUsesDecimalStrings() throws {
        let money = Money(minor: 125_000, currency: .EUR)
        let json = String(decoding: try JSONEncoder.sorted.encode(money), as: UTF8.self)
        #expect(json == #"{"amount":"1250.00","currency":"EUR"}"#)
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == money)
    }
}

import Foundation

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
