import Foundation

/// A saved filter over contacts ("customers in retail with tag vip"), defined by an
/// organization and shown as a list anyone can open.
public struct Segment: Sendable, Hashable, Codable, Identifiable {
    public enum Match: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every condition must hold.
        case all
        /// At least one condition must hold.
        case any
    }

    public var id: Int64?
    public var name: String
    public var match: Match
    public var conditions: [ContactCondition]

    public init(id: Int64? = nil, name: String, match: Match = .all, conditions: [ContactCondition]) {
        self.id = id
        self.name = name
        self.match = match
        self.conditions = conditions
    }

    /// A segment without conditions holds every contact.
    public func contains(_ facts: ContactFacts) -> Bool {
        guard !conditions.isEmpty else { return true }
        switch match {
        case .all: return conditions.allSatisfy { $0.matches(facts) }
        case .any: return conditions.contains { $0.matches(facts) }
        }
    }

    /// The contacts in the segment, in the order given.
    public func filter(_ contacts: [ContactFacts]) -> [ContactFacts] { contacts.filter(contains) }

    /// `all of: status is "customer", tags is "vip"`.
    public var summary: String {
        guard !conditions.isEmpty else { return "every contact" }
        return "\(match) of: " + conditions.map(\.description).joined(separator: ", ")
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "name", message: "a segment name is required"))
        }
        for (index, condition) in conditions.enumerated() {
            errors += condition.validate(field: "condition \(index + 1)")
        }
        return errors
    }
}
