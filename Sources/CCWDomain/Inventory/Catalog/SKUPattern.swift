import Foundation

/// An organization's rule for generating SKUs, e.g. `{CAT}-{NAME:4}-{SEQ:5}` or
/// `TSHIRT-{COLOR}-{SIZE}`.
///
/// Tokens, in braces, optionally with a width after a colon:
/// - `{CAT}` / `{CAT:n}`: the category code, folded (see `SKUSegment`), first n characters;
/// - `{NAME}` / `{NAME:n}`: the product name, folded, first n characters;
/// - `{SEQ}` / `{SEQ:n}`: a sequence number, zero-padded to n digits (4 when no width);
/// - any other name, e.g. `{COLOR}` or `{SIZE:1}`: the value of that variant attribute
///   (names are matched without regard to case), folded.
/// Everything outside braces is literal text and must itself be valid in a SKU (letters are
/// uppercased). Generated SKUs are uppercase ASCII without spaces and are checked against
/// the `SKU` rules.
public struct SKUPattern: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case category(width: Int?)
        case name(width: Int?)
        case sequence(width: Int)
        case attribute(String, width: Int?)
    }

    public let text: String
    public let parts: [Part]

    public static let maxWidth = 12

    /// Parses a pattern; the message names the pattern and what is wrong with it, e.g.
    /// `SKU pattern "X-{SEQ:5": "{" at position 3 is not closed`.
    public init(_ text: String) throws {
        let pattern = text.trimmingCharacters(in: .whitespaces)
        func fail(_ message: String) -> InputError { InputError("SKU pattern \"\(pattern)\": \(message)") }
        guard !pattern.isEmpty else { throw InputError("SKU pattern is empty") }
        var parts: [Part] = []
        var literal = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            let character = pattern[index]
            let position = pattern.distance(from: pattern.startIndex, to: index) + 1
            if character == "}" { throw fail("\"}\" at position \(position) has no matching \"{\"") }
            if character != "{" {
                guard SKU.isAllowed(Character(character.uppercased())) else {
                    let shown = character == " " ? "a space" : "\"\(character)\""
                    throw fail("\(shown) at position \(position) is not allowed in a SKU (use A-Z, 0-9 and - _ . /)")
                }
                literal += character.uppercased()
                index = pattern.index(after: index)
                continue
            }
            guard let close = pattern[index...].firstIndex(of: "}") else {
                throw fail("\"{\" at position \(position) is not closed")
            }
            let body = pattern[pattern.index(after: index)..<close]
            if body.contains("{") { throw fail("\"{\" at position \(position) is not closed") }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            parts.append(try SKUPattern.token(String(body), fail: fail))
            index = pattern.index(after: close)
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if parts.filter({ if case .sequence = $0 { true } else { false } }).count > 1 {
            throw fail("{SEQ} may appear only once")
        }
        self.text = pattern
        self.parts = parts
    }

    public var description: String { text }

    /// True when the pattern numbers SKUs itself, so collisions are resolved by counting on.
    public var hasSequence: Bool { parts.contains { if case .sequence = $0 { true } else { false } } }

    /// The attribute names the pattern needs (uppercased), in order of appearance.
    public var attributeNames: [String] {
        parts.compactMap { if case let .attribute(name, _) = $0 { name } else { nil } }
    }

    /// What a product contributes to its SKU.
    public struct Fields: Sendable, Hashable {
        public var category: String?
        public var name: String
        /// Variant attribute values by axis name ("Colour": "Red"); matched without regard to case.
        public var attributes: [String: String]

        public init(category: String? = nil, name: String, attributes: [String: String] = [:]) {
            self.category = category
            self.name = name
            self.attributes = attributes
        }
    }

    /// The SKU for these fields and sequence number (needed when the pattern has `{SEQ}`).
    public func make(_ fields: Fields, sequence: Int? = nil) throws -> SKU {
        func fail(_ message: String) -> InputError { InputError("SKU pattern \"\(text)\": \(message)") }
        var code = ""
        for part in parts {
            switch part {
            case let .literal(value):
                code += value
            case let .category(width):
                guard let category = fields.category else { throw fail("{CAT} needs a category and the product has none") }
                code += try segment(category, width: width, label: "category \"\(category)\"", fail: fail)
            case let .name(width):
                code += try segment(fields.name, width: width, label: "name \"\(fields.name)\"", fail: fail)
            case let .sequence(width):
                guard let sequence, sequence >= 0 else { throw fail("{SEQ} needs a sequence number of 0 or more") }
                let digits = String(sequence)
                guard digits.count <= width else { throw fail("sequence \(sequence) does not fit in {SEQ:\(width)}") }
                code += String(repeating: "0", count: width - digits.count) + digits
            case let .attribute(name, width):
                guard let value = fields.attributes.first(where: { $0.key.uppercased() == name })?.value else {
                    throw fail("{\(name)} needs a \(name) value and the product has none")
                }
                code += try segment(value, width: width, label: "\(name) \"\(value)\"", fail: fail)
            }
        }
        return try SKU(code)
    }

    /// The first SKU not in `existing`. With `{SEQ}` the sequence counts up from `start`;
    /// without it a collision is refused (`SKU TSHIRT-RED-M already exists`).
    public func next(_ fields: Fields, existing: Set<SKU>, start: Int = 1) throws -> (sku: SKU, sequence: Int?) {
        guard hasSequence else {
            let sku = try make(fields)
            if existing.contains(sku) { throw InputError("SKU \(sku) already exists") }
            return (sku, nil)
        }
        var sequence = max(0, start)
        while true {
            let sku = try make(fields, sequence: sequence)
            if !existing.contains(sku) { return (sku, sequence) }
            sequence += 1
        }
    }

    private func segment(_ value: String, width: Int?, label: String, fail: (String) -> InputError) throws -> String {
        let folded = SKUSegment.fold(value)
        guard !folded.isEmpty else { throw fail("\(label) has no letters or digits to use") }
        return width.map { String(folded.prefix($0)) } ?? folded
    }

    private static func token(_ body: String, fail: (String) -> InputError) throws -> Part {
        let pieces = body.split(separator: ":", omittingEmptySubsequences: false)
        let name = pieces[0].trimmingCharacters(in: .whitespaces).uppercased()
        guard !name.isEmpty else { throw fail("empty token {\(body)}") }
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw fail("token {\(body)}: names use letters, digits and _")
        }
        guard pieces.count <= 2 else { throw fail("token {\(body)} has more than one \":\"") }
        var width: Int?
        if pieces.count == 2 {
            guard let value = Int(pieces[1].trimmingCharacters(in: .whitespaces)), (1...maxWidth).contains(value) else {
                throw fail("width in {\(body)} must be a number 1-\(maxWidth)")
            }
            width = value
        }
        switch name {
        case "CAT": return .category(width: width)
        case "NAME": return .name(width: width)
        case "SEQ": return .sequence(width: width ?? 4)
        default: return .attribute(name, width: width)
        }
    }
}
