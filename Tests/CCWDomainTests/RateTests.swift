import Testing
@testable import CCWDomain

@Suite struct RateTests {
    @Test func parsesExactDecimals() throws {
        #expect(try Rate("19") == Rate(mantissa: 19))
        #expect(try Rate("7.5") == Rate(mantissa: 75, scale: 1))
        #expect(try Rate("0.125").description == "0.125")
        #expect(try Rate("-0.50").description == "-0.5")
        #expect(try Rate("7.50") == Rate("7.5"))
        #expect(try Rate.percent("19%") == Rate("0.19"))
        #expect(try Rate.percent("7.5").asPercent == Rate("7.5"))
        #expect(throws: InputError.self) { try Rate("1e3") }
        #expect(throws: InputError.self) { try Rate("") }
        #expect(throws: InputError.self) { try Rate("1.2.3") }
    }

    @Test func arithmeticIsExact() throws {
        #expect(try Rate("0.1") + Rate("0.2") == Rate("0.3"))
        #expect(try Rate("1") - Rate("0.125") == Rate("0.875"))
        #expect(try Rate("1.5") * Rate("0.2") == Rate("0.3"))
        #expect(try Rate("0.3") < Rate("0.31"))
    }

    @Test func roundsHalfAwayFromZeroByDefault() throws {
        let half = try Rate("0.5")
        func apply(_ minor: Int64, _ rate: Rate, _ rule: RoundingRule = .halfAwayFromZero) throws -> Int64 {
            try rate.apply(to: Money(minor: minor, currency: .EUR), rounding: rule).minor
        }
        #expect(try apply(1, half) == 1)      // 0.5 → 1
        #expect(try apply(-1, half) == -1)    // -0.5 → -1
        #expect(try apply(3, half) == 2)      // 1.5 → 2
        #expect(try apply(-3, half) == -2)
        #expect(try apply(1, half, .halfEven) == 0)
        #expect(try apply(3, half, .halfEven) == 2)
        #expect(try apply(5, half, .halfEven) == 2)
        #expect(try apply(-5, half, .halfEven) == -2)
        #expect(try apply(3, half, .towardZero) == 1)
        // 19 % VAT on 12.34 = 2.3446 → 2.34; on 0.50 = 0.095 → 0.10
        #expect(try apply(1234, Rate.percent("19")) == 234)
        #expect(try apply(50, Rate.percent("19")) == 10)
        #expect(try apply(-50, Rate.percent("19")) == -10)
        #expect(try apply(50, Rate.percent("19"), .halfEven) == 10)
        #expect(try apply(-50, Rate("-0.19")) == 10)
    }

    @Test func refusesOverflow() {
        #expect(throws: MoneyError.self) { try Rate("10").apply(to: Money(minor: .max, currency: .EUR)) }
    }

    @Test func roundingStaysWithinHalfAUnitAndIsSymmetric() throws {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<5000 {
            let minor = Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng)
            let scale = Int.random(in: 0...6, using: &rng)
            let rate = Rate(mantissa: Int64.random(in: -2_000_000...2_000_000, using: &rng), scale: scale)
            let money = Money(minor: minor, currency: .EUR)
            let divisor = Rate.pow10(scale)
            let exact = minor * rate.mantissa                       // fits: < 2^62
            for rule in RoundingRule.allCases {
                let result = try rate.apply(to: money, rounding: rule).minor
                let error = (result * divisor - exact).magnitude     // distance in units of 10^-scale
                switch rule {
                case .towardZero: #expect(error < divisor.magnitude && (result * divisor).magnitude <= exact.magnitude)
                default: #expect(error * 2 <= divisor.magnitude)
                }
                // Rounding commutes with sign for all three rules.
                let negated = try rate.apply(to: Money(minor: -minor, currency: .EUR), rounding: rule).minor
                #expect(negated == -result)
            }
            let away = try rate.apply(to: money).minor
            if (exact % divisor).magnitude * 2 == divisor.magnitude {    // an exact tie goes away from zero
                #expect(away.magnitude * divisor.magnitude > exact.magnitude)
            }
        }
    }
}
