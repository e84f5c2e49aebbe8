import Foundation

/// A stock keeping unit code, unique per organization.
///
/// Rules: 1 to 40 characters; uppercase ASCII letters, digits and the separators `-`, `_`,
/// `.` and `/`; it starts and ends with a letter or digit and has no two separators in a row.
/// Input is trimmed and uppercased first, so "ts-red-m" becomes "TS-RED-M"; anything else
/// (spaces, accents) is refused with a message naming the character, because a SKU is typed
/// on scanners and keyboards everywhere and must look the same on all of them.
public struct SKU: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: String

    public static let maxLength = 40
    static let separators: Set<Character> = ["-", "_", ".", "/"]

    public init(_ text: String) throws {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { throw InputError("SKU is empty") }
        guard code.count <= SKU.maxLength else {
            throw InputError("SKU \(code): at most \(SKU.maxLength) characters (has \(code.count))")
        }
        if let bad = code.first(where: { !SKU.isAllowed($0) }) {
            let shown = bad == " " ? "a space" : "\"\(bad)\""
            throw InputError("SKU \(code): \(shown) is not allowed (use A-Z, 0-9 and - _ . /)")
        }
        guard SKU.isAlphanumeric(code.first!), SKU.isAlphanumeric(code.last!) else {
            throw InputError("SKU \(code): must start and end with a letter or digit")
        }
        let characters = Array(code)
        for index in characters.indices.dropFirst()
        where SKU.separators.contains(characters[index]) && SKU.separators.contains(characters[index - 1]) {
            throw InputError("SKU \(code): two separators in a row")
        }
        self.code = code
    }

    public var description: String { code }

    public static func < (lhs: SKU, rhs: SKU) -> Bool { lhs.code < rhs.code }

    /// The SKUs that occur more than once in `skus` (each reported once, sorted), for checking
    /// an import or a generated variant matrix against the per-org uniqueness rule.
    public static func duplicates(in skus: some Sequence<SKU>) -> [SKU] {
        var seen = Set<SKU>(), repeated = Set<SKU>()
        for sku in skus where !seen.insert(sku).inserted { repeated.insert(sku) }
        return repeated.sorted()
    }

    static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isNumber || (c.isLetter && c.isUppercase)) }
    static func isAllowed(_ c: Character) -> Bool { isAlphanumeric(c) || separators.contains(c) }
}

/// Turns names and attribute values ("Crème brûlée", "Light blue", "Größe XL") into SKU
/// segments: accents removed, a few letters spelled out (ß → SS, Æ → AE, Ø → O, Œ → OE,
/// Ł → L, Đ → D, Þ → TH), uppercased, and everything that is not A-Z or 0-9 dropped
/// ("CREMEBRULEE", "LIGHTBLUE", "GROSSEXL").
public enum SKUSegment {
    static let spelled: [Character: String] = [
        "ß": "SS", "ẞ": "SS", "æ": "AE", "Æ": "AE", "ø": "O", "Ø": "O", "œ": "OE", "Œ": "OE",
        "ł": "L", "Ł": "L", "đ": "D", "Đ": "D", "þ": "TH", "Þ": "TH", "ı": "I",
    ]

    public static func fold(_ text: String) -> String {
        var out = ""
        for character in text {
            if let replacement = spelled[character] {
                out += replacement
                continue
            }
            // Canonical decomposition splits "é" into "e" + U+0301; the mark is dropped.
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.uppercased()
    }
}

extension SKU: TextCodable {
    public init(codingText: String) throws { try self.init(codingText) }
    public var codingText: String { code }
}
