import Foundation

/// Conditions as a person types them, for segments and scoring rules on the command line and
/// in the TUI — the same words `description` prints, so what is shown can be typed back:
///
/// - `title contains head`, `status is customer`, `industry in retail, food`
/// - `lead score at least 50`, `company size >= 201`, `Umsatz at least 5000` (a custom field)
/// - `tags is vip`, `email domain is example.com`, `company contains Müller`
/// - scoring only: `3 interactions in the last 30 days`, `an interaction in the last 7 days`
///
/// Operators: `is` (or `=`), `contains` (or `~`), `in` (a comma list, parentheses optional),
/// `at least` (or `>=`). Values may be quoted. An unknown attribute name is a custom field.
public enum ConditionText {
    static let attributes: [(String, ContactCondition.Attribute)] = [
        ("email domain", .emailDomain), ("first name", .firstName), ("last name", .lastName), ("lead score", .leadScore),
        ("company size", .companySize), ("email", .email), ("title", .title), ("department", .department),
        ("status", .status), ("source", .source), ("tags", .tags), ("tag", .tags), ("city", .city), ("country", .country),
        ("company", .companyName), ("industry", .industry),
    ]

    static let operators: [(String, String)] = [
        (" at least ", "atLeast"), (" >= ", "atLeast"), (" contains ", "contains"), (" ~ ", "contains"),
        (" is ", "equals"), (" = ", "equals"), (" in ", "in"),
    ]

    /// Parses one attribute condition; the error says what was expected.
    public static func condition(_ input: String) throws -> ContactCondition {
        let text = " " + input.trimmingCharacters(in: .whitespaces) + " "
        let lower = text.lowercased()
        guard let (op, kind) = operators.compactMap({ op -> (Range<String.Index>, String)? in
            lower.range(of: op.0).map { ($0, op.1) }
        }).min(by: { $0.0.lowerBound < $1.0.lowerBound }) else {
            throw InputError("\"\(input)\": expected ATTRIBUTE is|contains|in|at least VALUE, e.g. \"title contains head\"")
        }
        let name = String(text[..<op.lowerBound]).trimmingCharacters(in: .whitespaces)
        let value = unquote(String(text[op.upperBound...]))
        guard !name.isEmpty else { throw InputError("\"\(input)\": the attribute is missing before the operator") }
        let attribute = attributes.first { $0.0 == name.lowercased() }?.1 ?? .customField(unquote(name))
        let test: ContactCondition.Test
        switch kind {
        case "atLeast":
            guard let n = Int(value) else { throw InputError("\"\(value)\" is not a whole number (after \"at least\")") }
            test = .atLeast(n)
        case "contains": test = .contains(value)
        case "in":
            let list = value.hasPrefix("(") && value.hasSuffix(")") ? String(value.dropFirst().dropLast()) : value
            test = .inList(list.split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty })
        default: test = .equals(value)
        }
        let condition = ContactCondition(attribute, test)
        if let problem = condition.validate().first { throw InputError(problem.message) }
        return condition
    }

    /// A scoring rule's condition: an attribute condition or "N interactions in the last D days".
    public static func scoring(_ input: String) throws -> ScoringRule.Condition {
        let words = input.lowercased().split(separator: " ").map(String.init)
        if words.contains(where: { $0.hasPrefix("interaction") }) {
            let numbers = words.compactMap { Int($0) }
            let count = words.first.flatMap { ["an": 1, "one": 1, "a": 1][$0] } ?? numbers.first ?? 1
            guard let days = numbers.last, words.contains("days") || words.contains("day") else {
                throw InputError("\"\(input)\": expected e.g. \"3 interactions in the last 30 days\"")
            }
            return .recentInteractions(count: numbers.count >= 2 ? numbers[0] : count, days: days)
        }
        return .attribute(try condition(input))
    }

    static func unquote(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == t.last, f == "\"" || f == "'" { return String(t.dropFirst().dropLast()) }
        return t
    }
}
