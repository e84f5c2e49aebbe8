import Foundation

/// An exact decimal number: `mantissa × 10^-scale` (so 7.5 is mantissa 75, scale 1). Used for
/// tax, discount, probability and exchange rates, which must never be Float or Double.
///
/// Stored and exchanged as its canonical text (`description`), e.g. "19", "7.5", "0.125".
/// Scale is limited to 0...18 so that 10^scale fits in Int64.
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    public static let maxScale = 18

    public init(mantissa: Int64, scale: Int = 0) {
        precondition((0...ExactDecimal.maxScale).contains(scale), "scale must be 0...18")
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int64) { self.init(mantissa: integer, scale: 0) }

    public static let zero = ExactDecimal(0)
    public static let one = ExactDecimal(1)

    /// Parses `19`, `7.5`, `-0.125`, `+3`; refuses exponents, separators and anything else.
    public init(_ text: String) throws {
        var body = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body.removeFirst()
        }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        let valid = (1...2).contains(pieces.count) && !(pieces.allSatisfy(\.isEmpty))
            && pieces.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard valid else { throw InputError("\(text): not a number (expected e.g. 19 or 7.5)") }
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard fraction.count <= ExactDecimal.maxScale else {
            throw InputError("\(text): too many decimals (at most \(ExactDecimal.maxScale))")
        }
        guard let magnitude = Int64((pieces[0].isEmpty ? "0" : String(pieces[0])) + fraction) else {
            throw InputError("\(text): number is too large")
        }
        self.init(mantissa: negative ? -magnitude : magnitude, scale: fraction.count)
    }

    /// Parses a percentage as typed ("19", "7.5", "19%") and returns it as a fraction
    /// (0.19, 0.075), ready to `apply(to:)` an amount.
    public static func percent(_ text: String) throws -> ExactDecimal {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body.removeLast() }
        let value = try ExactDecimal(body)
        guard value.scale + 2 <= maxScale else { throw InputError("\(text): too many decimals for a percentage") }
        return ExactDecimal(mantissa: value.mantissa, scale: value.scale + 2).normalized
    }

    /// This value as a percentage (0.075 → 7.5).
    public var asPercent: ExactDecimal {
        if scale >= 2 { return ExactDecimal(mantissa: mantissa, scale: scale - 2).normalized }
        let (value, overflow) = mantissa.multipliedReportingOverflow(by: ExactDecimal.pow10(2 - scale))
        precondition(!overflow, "percentage out of range")
        return ExactDecimal(mantissa: value, scale: 0)
    }

    /// Trailing zeros removed: 7.50 → 7.5, 2.000 → 2.
    public var normalized: ExactDecimal {
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return ExactDecimal(mantissa: m, scale: s)
    }

    public var isNegative: Bool { mantissa < 0 }

    /// Canonical text: no exponent, no trailing zeros after the point ("7.5", "-0.125", "19").
    public var description: String {
        let n = normalized
        let digits = String(n.mantissa.magnitude)
        var text: String
        if n.scale == 0 {
            text = digits
        } else if digits.count > n.scale {
            text = String(digits.dropLast(n.scale)) + "." + String(digits.suffix(n.scale))
        } else {
            text = "0." + String(repeating: "0", count: n.scale - digits.count) + digits
        }
        if n.mantissa < 0 { text = "-" + text }
        return text
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (a, b) = aligned(lhs, rhs)
        return a < b
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.normalized.mantissa == rhs.normalized.mantissa && lhs.normalized.scale == rhs.normalized.scale
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (a, b) = aligned(lhs, rhs)
        return ExactDecimal(mantissa: a + b, scale: max(lhs.scale, rhs.scale))
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let (a, b) = aligned(lhs, rhs)
        return ExactDecimal(mantissa: a - b, scale: max(lhs.scale, rhs.scale))
    }

    /// Exact product; traps when the result needs more than 18 decimals or overflows Int64.
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let a = lhs.normalized, b = rhs.normalized
        return ExactDecimal(mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale).normalized
    }

    static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int64, Int64) {
        let scale = max(lhs.scale, rhs.scale)
        return (lhs.mantissa * pow10(scale - lhs.scale), rhs.mantissa * pow10(scale - rhs.scale))
    }
}

/// Tax, discount, probability and exchange rates are exact decimals.
public typealias Rate = ExactDecimal

extension ExactDecimal: TextCodable {
    public init(codingText: String) throws { try self.init(codingText) }
    public var codingText: String { description }
}
