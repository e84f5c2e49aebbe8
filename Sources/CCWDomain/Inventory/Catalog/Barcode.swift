import Foundation

/// A retail barcode number: EAN-13, UPC-A (12 digits) or EAN-8, always with a valid check
/// digit.
///
/// The check digit (GS1 modulo 10): starting from the digit left of the check digit and moving
/// left, digits are weighted 3, 1, 3, 1, …; the check digit is what brings the weighted sum
/// up to the next multiple of ten. For 400638133393 the weighted sum is 89, so the check digit
/// is 1 and the full EAN-13 is 4006381333931.
///
/// A UPC-A is an EAN-13 with a leading zero; `ean13` gives that form so the two can be
/// compared and stored in one column.
public struct Barcode: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Symbology: String, Sendable, Hashable, Codable, CaseIterable {
        case ean13 = "EAN-13"
        case upcA = "UPC-A"
        case ean8 = "EAN-8"

        public var length: Int {
            switch self {
            case .ean13: 13
            case .upcA: 12
            case .ean8: 8
            }
        }

        static func forLength(_ length: Int) -> Symbology? { allCases.first { $0.length == length } }
    }

    /// The digits as scanned or typed (leading and trailing spaces removed).
    public let digits: String
    public let symbology: Symbology

    /// Validates a scanned or typed barcode, e.g. "4006381333931".
    ///
    /// Messages: `barcode must be 8, 12 or 13 digits (got 5: 12345)`,
    /// `barcode 40063813339X1: only digits 0-9 are allowed`,
    /// `barcode 4006381333932: check digit should be 1, not 2`.
    public init(_ text: String) throws {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty else { throw InputError("barcode is empty (expected 8, 12 or 13 digits)") }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputError("barcode \(digits): only digits 0-9 are allowed")
        }
        guard let symbology = Symbology.forLength(digits.count) else {
            throw InputError("barcode must be 8, 12 or 13 digits (got \(digits.count): \(digits))")
        }
        let expected = Barcode.checkDigit(payloadDigits: Barcode.values(digits.dropLast()))
        let given = Int(String(digits.last!))!
        guard given == expected else {
            throw InputError("barcode \(digits): check digit should be \(expected), not \(given)")
        }
        self.digits = digits
        self.symbology = symbology
    }

    /// Builds a barcode from its payload (7, 11 or 12 digits) by appending the check digit:
    /// `Barcode.make(payload: "400638133393")` is 4006381333931.
    public static func make(payload: String) throws -> Barcode {
        let check = try checkDigit(forPayload: payload)
        return try Barcode(payload + String(check))
    }

    /// The check digit for a payload of 7 (EAN-8), 11 (UPC-A) or 12 (EAN-13) digits.
    public static func checkDigit(forPayload payload: String) throws -> Int {
        guard payload.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InputError("barcode payload \(payload): only digits 0-9 are allowed")
        }
        guard [7, 11, 12].contains(payload.count) else {
            throw InputError("barcode payload must be 7, 11 or 12 digits (got \(payload.count): \(payload))")
        }
        return checkDigit(payloadDigits: values(Substring(payload)))
    }

    /// The 13-digit form used to store and compare barcodes: UPC-A gains a leading zero;
    /// EAN-13 is returned as is. EAN-8 has no 13-digit form (nil).
    public var ean13: String? {
        switch symbology {
        case .ean13: digits
        case .upcA: "0" + digits
        case .ean8: nil
        }
    }

    /// An EAN-13 that starts with 0 is a UPC-A in disguise; this gives the 12-digit form.
    public var upcA: String? {
        switch symbology {
        case .upcA: digits
        case .ean13: digits.hasPrefix("0") ? String(digits.dropFirst()) : nil
        case .ean8: nil
        }
    }

    /// The form that identifies the item whatever way it was scanned: the EAN-13 form for
    /// EAN-13 and UPC-A, the 8 digits for EAN-8. Two barcodes are the same item when their
    /// normalized forms are equal.
    public var normalized: String { ean13 ?? digits }

    public var description: String { digits }

    public static func == (lhs: Barcode, rhs: Barcode) -> Bool { lhs.normalized == rhs.normalized }
    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    private static func values(_ text: Substring) -> [Int] { text.map { Int(String($0))! } }

    private static func checkDigit(payloadDigits: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in payloadDigits.reversed().enumerated() {
            sum += digit * (offset % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }
}

extension Barcode: TextCodable {
    public init(codingText: String) throws { try self.init(codingText) }
    public var codingText: String { digits }
}
