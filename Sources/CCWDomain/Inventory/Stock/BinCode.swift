/// A storage bin inside a warehouse, as printed on its shelf label: `A-12-3` (aisle A,
/// rack 12, level 3), `COLD-2`, `DOCK`.
///
/// Rules: 1 to 20 characters; uppercase ASCII letters and digits in one to four parts joined
/// by single `-`. Input is trimmed and uppercased first ("a-12-3" is `A-12-3`); anything else
/// is refused with a message naming the character or the rule, because clerks type and scan
/// bin labels and a bin must be the same bin on every terminal.
public struct BinCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let code: String

    public static let maxLength = 20
    public static let maxParts = 4

    public init(_ text: String) throws {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { throw InputError("bin code is empty") }
        guard code.count <= Self.maxLength else {
            throw InputError("bin \(code): at most \(Self.maxLength) characters (has \(code.count))")
        }
        if let bad = code.first(where: { !(Self.isAlphanumeric($0) || $0 == "-") }) {
            let shown = bad == " " ? "a space" : "\"\(bad)\""
            throw InputError("bin \(code): \(shown) is not allowed (use A-Z, 0-9 and -, e.g. A-12-3)")
        }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty }) else {
            throw InputError("bin \(code): every part between dashes needs a letter or digit (e.g. A-12-3)")
        }
        guard parts.count <= Self.maxParts else {
            throw InputError("bin \(code): at most \(Self.maxParts) parts (e.g. A-12-3)")
        }
        self.code = code
    }

    /// The bin named by `text`, nil for blank text (no bin).
    public static func optional(_ text: String?) throws -> BinCode? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try BinCode(text)
    }

    public var description: String { code }

    public static func < (lhs: BinCode, rhs: BinCode) -> Bool { lhs.code < rhs.code }

    private static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
}
