import Foundation

/// An amount of a product in its unit of measure, never a floating-point number.
///
/// By default a quantity is a whole count of the product's unit (pieces, boxes). A product may
/// declare a fixed number of decimals for its unit (kg with 3 decimals, metres with 2); the
/// quantity is then stored as an integer count of that fraction: 1.250 kg is `units` 1250 at
/// `scale` 3. The scale belongs to the product and never changes per movement, so two
/// quantities of one product always share it.
///
/// Combining quantities of different scales is a programming error (it means two products
/// were mixed up) and traps, like adding two currencies in `Money`.
public struct Quantity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The count of `10^-scale` parts of the unit.
    public let units: Int64
    /// Decimals declared by the product's unit: 0...6.
    public let scale: Int

    public static let maxScale = 6

    public init(units: Int64, scale: Int = 0) {
        precondition((0...Quantity.maxScale).contains(scale), "quantity scale must be 0...6")
        self.units = units
        self.scale = scale
    }

    /// A whole number of units (scale 0).
    public init(_ whole: Int64) { self.init(units: whole, scale: 0) }

    public static func zero(scale: Int = 0) -> Quantity { Quantity(units: 0, scale: scale) }

    /// Parses what a user typed ("12", "1.25", "-3") for a unit with `scale` decimals; refuses
    /// more decimals than the unit allows, with a message naming the value and `unitName`.
    public static func parse(_ text: String, scale: Int = 0, unitName: String = "this unit") throws -> Quantity {
        var body = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body.removeFirst()
        }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        let valid = (1...2).contains(pieces.count) && !pieces[0].isEmpty
            && pieces.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && !(pieces.count == 2 && pieces[1].isEmpty)
        guard valid else { throw InputError("\(text): not a quantity (expected e.g. 12 or 1.5)") }
        let fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard fraction.count <= scale else {
            if scale == 0 { throw InputError("\(text): \(unitName) is counted in whole numbers") }
            throw InputError("\(text): at most \(scale) decimals for \(unitName)")
        }
        let padded = String(pieces[0]) + fraction + String(repeating: "0", count: scale - fraction.count)
        guard let magnitude = Int64(padded) else { throw InputError("\(text): quantity is too large") }
        return Quantity(units: negative ? -magnitude : magnitude, scale: scale)
    }

    public var isZero: Bool { units == 0 }
    public var isNegative: Bool { units < 0 }
    public var isPositive: Bool { units > 0 }

    /// 10^scale: how many `units` make one whole unit.
    public var unitsPerWhole: Int64 { Quantity.pow10(scale) }

    /// Exact text with exactly `scale` decimals: "12", "1.250", "-0.5" (scale 1).
    public var description: String {
        let digits = String(units.magnitude)
        var text: String
        if scale == 0 {
            text = digits
        } else {
            let padded = String(repeating: "0", count: Swift.max(0, scale + 1 - digits.count)) + digits
            text = String(padded.dropLast(scale)) + "." + String(padded.suffix(scale))
        }
        if units < 0 { text = "-" + text }
        return text
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        requireSameScale(lhs, rhs)
        return lhs.units < rhs.units
    }

    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        requireSameScale(lhs, rhs)
        return Quantity(units: lhs.units + rhs.units, scale: lhs.scale)
    }

    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        requireSameScale(lhs, rhs)
        return Quantity(units: lhs.units - rhs.units, scale: lhs.scale)
    }

    public static prefix func - (value: Quantity) -> Quantity { Quantity(units: -value.units, scale: value.scale) }

    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }
    public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs = lhs - rhs }

    public var magnitude: Quantity { Quantity(units: Int64(units.magnitude), scale: scale) }

    public static func min(_ a: Quantity, _ b: Quantity) -> Quantity { a < b ? a : b }
    public static func max(_ a: Quantity, _ b: Quantity) -> Quantity { a < b ? b : a }

    static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static func requireSameScale(_ lhs: Quantity, _ rhs: Quantity) {
        precondition(lhs.scale == rhs.scale, "cannot combine quantities of scale \(lhs.scale) and \(rhs.scale)")
    }
}

extension Sequence where Element == Quantity {
    /// The total of quantities of one scale; an empty sequence gives zero at `scale`.
    public func sum(scale: Int) -> Quantity { reduce(.zero(scale: scale), +) }
}
