import Foundation

/// An email address that passed practical validation, in normalized form.
///
/// Normalization: surrounding white space and a `mailto:` prefix or `<…>` brackets are removed,
/// and the domain is lowercased (domains are case-insensitive). The part before `@` keeps its
/// case as typed, because RFC 5321 lets a mail server treat it as case-sensitive; for finding
/// duplicates use `matchKey`, which lowercases everything (no real server distinguishes
/// `Anna@` from `anna@`).
///
/// The rules are the practical subset of RFC 5321/5322 that real addresses use: one `@`; a
/// local part of at most 64 characters made of letters, digits and ``!#$%&'*+/=?^_`{|}~.-``
/// (no leading, trailing or doubled dot; no quoted local parts); a domain of at most 253
/// characters with at least two dot-separated labels of letters, digits and hyphens (no
/// leading or trailing hyphen, at most 63 characters each) and a top-level label that is not
/// all digits. Letters outside ASCII are allowed (internationalized addresses). Every refusal
/// names the address and the rule: `email "anna@": domain is missing`.
public struct EmailAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The normalized address, e.g. `Anna.Meier@example.com`.
    public let value: String

    public init(_ text: String) throws {
        self.value = try EmailAddress.normalize(text)
    }

    /// The part before the `@`, as typed.
    public var localPart: String { String(value[..<value.lastIndex(of: "@")!]) }

    /// The domain, lowercased.
    public var domain: String { String(value[value.index(after: value.lastIndex(of: "@")!)...]) }

    /// The address fully lowercased: what duplicate detection compares.
    public var matchKey: String { value.lowercased() }

    public var description: String { value }

    public static func < (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.value < rhs.value }

    static let localSymbols = Set("!#$%&'*+/=?^_`{|}~.-")

    static func normalize(_ text: String) throws -> String {
        var body = text.trimmed()
        if body.lowercased().hasPrefix("mailto:") { body = String(body.dropFirst(7)) }
        if body.hasPrefix("<") && body.hasSuffix(">") && body.count >= 2 {
            body = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        func refuse(_ reason: String) -> InputError { InputError("email \"\(text)\": \(reason)") }
        guard !body.isEmpty else { throw InputError("email is empty (expected e.g. anna@example.com)") }
        if body.contains(where: { $0.isWhitespace }) { throw refuse("contains a space") }
        let atCount = body.filter { $0 == "@" }.count
        guard atCount > 0 else { throw refuse("@ is missing (expected e.g. anna@example.com)") }
        guard atCount == 1 else { throw refuse("more than one @") }
        let at = body.firstIndex(of: "@")!
        let local = String(body[..<at])
        let domain = String(body[body.index(after: at)...]).lowercased()
        guard !local.isEmpty else { throw refuse("the name before @ is missing") }
        guard !domain.isEmpty else { throw refuse("domain is missing") }
        try checkLocal(local, refuse)
        try checkDomain(domain, refuse)
        return local + "@" + domain
    }

    private static func checkLocal(_ local: String, _ refuse: (String) -> InputError) throws {
        guard local.unicodeScalars.count <= 64 else { throw refuse("the name before @ is longer than 64 characters") }
        if let bad = local.first(where: { !($0.isLetter || $0.isNumber || localSymbols.contains($0)) }) {
            throw refuse("character \"\(bad)\" is not allowed before @")
        }
        if local.hasPrefix(".") || local.hasSuffix(".") { throw refuse("the name before @ may not start or end with a dot") }
        if local.contains("..") { throw refuse("two dots in a row") }
    }

    private static func checkDomain(_ domain: String, _ refuse: (String) -> InputError) throws {
        guard domain.unicodeScalars.count <= 253 else { throw refuse("domain is longer than 253 characters") }
        if domain.contains("..") { throw refuse("two dots in a row") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw refuse("domain \"\(domain)\" needs a dot (e.g. example.com)") }
        for label in labels {
            guard !label.isEmpty else { throw refuse("domain may not start or end with a dot") }
            guard label.unicodeScalars.count <= 63 else { throw refuse("domain part \"\(label)\" is longer than 63 characters") }
            if let bad = label.first(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                throw refuse("character \"\(bad)\" is not allowed in the domain")
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                throw refuse("domain part \"\(label)\" may not start or end with a hyphen")
            }
        }
        let top = labels.last!
        if top.allSatisfy(\.isNumber) { throw refuse("top-level domain \"\(top)\" cannot be only digits") }
        if top.count < 2 { throw refuse("top-level domain \"\(top)\" is too short") }
    }
}

extension EmailAddress: TextCodable {
    public init(codingText: String) throws { try self.init(codingText) }
    public var codingText: String { value }
}
