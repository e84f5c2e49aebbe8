/// Merging two contacts that are the same person, field by field.
///
/// Contact A survives (keeps its id); B is merged into it and retired (the core re-links B's
/// interactions, tasks and deals to A and soft-deletes B). For every field the plan says
/// where the value comes from:
///
/// - `keepA` / `keepB`: that contact's value;
/// - `combine` (tags and custom fields only): the union; tags keep A's first, custom fields
///   keep A's value when both have the same field (those names are listed in
///   `customFieldConflicts`).
///
/// Default choices: tags and custom fields combined; lead score from whichever is higher;
/// "primary contact" follows the company choice; every other field A's value unless A's is
/// empty and B's is not. `conflicts` lists the fields where both have different non-empty
/// values (tags and lead score never conflict), for the merge screen to show first.
public struct ContactMerge: Sendable, Hashable {
    public enum Choice: String, Sendable, Hashable, Codable {
        case keepA, keepB, combine
    }

    /// One line of the merge screen.
    public struct FieldPlan: Sendable, Hashable {
        public var field: ContactField
        public var a: String
        public var b: String
        public var choice: Choice
        /// Both have a value and they differ.
        public var isConflict: Bool
    }

    public let a: Contact
    public let b: Contact
    public private(set) var choices: [ContactField: Choice]

    public init(survivor a: Contact, duplicate b: Contact) {
        self.a = a
        self.b = b
        var choices: [ContactField: Choice] = [:]
        for field in ContactField.allCases {
            switch field {
            case .tags, .customFields: choices[field] = .combine
            case .leadScore: choices[field] = b.leadScore > a.leadScore ? .keepB : .keepA
            default: choices[field] = field.isEmpty(on: a) && !field.isEmpty(on: b) ? .keepB : .keepA
            }
        }
        choices[.isPrimary] = choices[.company]
        self.choices = choices
    }

    /// Sets where a field comes from. `combine` is only possible for tags and custom fields;
    /// choosing the company also moves "primary contact" with it.
    public mutating func choose(_ choice: Choice, for field: ContactField) throws {
        if choice == .combine && field != .tags && field != .customFields {
            throw InputError("\(field.label): only tags and custom fields can be combined")
        }
        choices[field] = choice
        if field == .company { choices[.isPrimary] = choice }
    }

    public func choice(for field: ContactField) -> Choice { choices[field] ?? .keepA }

    /// Every field with both values and the current choice, in field order.
    public var fields: [FieldPlan] {
        ContactField.allCases.map { field in
            FieldPlan(field: field, a: field.text(of: a), b: field.text(of: b), choice: choice(for: field),
                      isConflict: isConflict(field))
        }
    }

    /// Fields where A and B hold different non-empty values.
    public var conflicts: [ContactField] { ContactField.allCases.filter(isConflict) }

    /// Custom fields both contacts have with different values (A's value is kept when combined).
    public var customFieldConflicts: [String] {
        a.customFields.keys.filter { key in b.customFields[key].map { $0 != a.customFields[key] } ?? false }.sorted()
    }

    /// The contact that remains: A's id, each field from where the plan says.
    public func merged() -> Contact {
        var result = a
        for field in ContactField.allCases {
            switch choice(for: field) {
            case .keepA: field.copy(from: a, into: &result)
            case .keepB: field.copy(from: b, into: &result)
            case .combine:
                if field == .tags { result.tags = Tags.union(a.tags, b.tags) }
                if field == .customFields { result.customFields = b.customFields.merging(a.customFields) { _, fromA in fromA } }
            }
        }
        result.id = a.id
        return result
    }

    /// The contact that disappears (its id, for re-linking).
    public var retired: ContactID? { b.id }

    private func isConflict(_ field: ContactField) -> Bool {
        if field == .customFields { return !customFieldConflicts.isEmpty }
        // Tags are always combined; the lead score is recomputed after the merge.
        if field == .tags || field == .leadScore { return false }
        guard !field.isEmpty(on: a), !field.isEmpty(on: b) else { return false }
        return field.text(of: a) != field.text(of: b)
    }
}
