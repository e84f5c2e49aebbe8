import Foundation

/// What a condition looks at: a contact together with its company.
public struct ContactFacts: Sendable, Hashable {
    public var contact: Contact
    public var company: Company?

    public init(contact: Contact, company: Company? = nil) {
        self.contact = contact
        self.company = company
    }
}

/// One test on a contact's attribute, shared by segments (saved filters) and lead-scoring
/// rules, both of which an organization edits.
///
/// Text comparisons ignore case, accents and surrounding space (`TextMatching.fold`).
/// Multi-valued attributes (tags) match when any value matches. `atLeast` compares numbers:
/// the lead score, the company size (the lower end of its band: "11-50" is at least 11), or a
/// custom field holding a number; on anything else it never matches, and `validate()` says so.
public struct ContactCondition: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Attribute: Sendable, Hashable, Codable, CustomStringConvertible {
        case firstName, lastName, email, emailDomain, title, department, status, source, tags
        case city, country, leadScore
        case companyName, industry, companySize
        case customField(String)

        public var description: String {
            switch self {
            case .firstName: "first name"
            case .lastName: "last name"
            case .email: "email"
            case .emailDomain: "email domain"
            case .title: "title"
            case .department: "department"
            case .status: "status"
            case .source: "source"
            case .tags: "tags"
            case .city: "city"
            case .country: "country"
            case .leadScore: "lead score"
            case .companyName: "company"
            case .industry: "industry"
            case .companySize: "company size"
            case let .customField(name): name
            }
        }

        var isNumeric: Bool {
            switch self {
            case .leadScore, .companySize, .customField: true
            default: false
            }
        }

        /// The attribute's values as text (several for tags; none when empty).
        func values(of facts: ContactFacts) -> [String] {
            let c = facts.contact
            let single: String? = switch self {
            case .firstName: c.firstName
            case .lastName: c.lastName
            case .email: c.email?.value
            case .emailDomain: c.email?.domain
            case .title: c.title
            case .department: c.department
            case .status: c.status.rawValue
            case .source: c.source
            case .tags: nil
            case .city: c.address.city
            case .country: c.address.country
            case .leadScore: String(c.leadScore)
            case .companyName: facts.company?.name
            case .industry: facts.company?.industry
            case .companySize: facts.company?.employeeCount?.description
            case let .customField(name): c.customFields[name]
            }
            if case .tags = self { return c.tags }
            guard let value = single, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            return [value]
        }

        /// The number an `atLeast` test compares, if the attribute holds one.
        func number(of facts: ContactFacts) -> Int? {
            switch self {
            case .leadScore: facts.contact.leadScore
            case .companySize: facts.company?.employeeCount?.minimum
            case let .customField(name): facts.contact.customFields[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            default: nil
            }
        }
    }

    public enum Test: Sendable, Hashable, Codable {
        case equals(String)
        case contains(String)
        case inList([String])
        case atLeast(Int)
    }

    public var attribute: Attribute
    public var test: Test

    public init(_ attribute: Attribute, _ test: Test) {
        self.attribute = attribute
        self.test = test
    }

    public func matches(_ facts: ContactFacts) -> Bool {
        switch test {
        case let .atLeast(minimum):
            guard let number = attribute.number(of: facts) else { return false }
            return number >= minimum
        case let .equals(expected):
            let key = TextMatching.fold(expected)
            return attribute.values(of: facts).contains { TextMatching.fold($0) == key }
        case let .contains(part):
            let key = TextMatching.fold(part)
            guard !key.isEmpty else { return false }
            return attribute.values(of: facts).contains { TextMatching.fold($0).contains(key) }
        case let .inList(options):
            let keys = Set(options.map(TextMatching.fold))
            return attribute.values(of: facts).contains { keys.contains(TextMatching.fold($0)) }
        }
    }

    /// `title contains "head"`, `company size at least 50`, `industry in (retail, food)`.
    public var description: String {
        switch test {
        case let .equals(value): "\(attribute) is \"\(value)\""
        case let .contains(value): "\(attribute) contains \"\(value)\""
        case let .inList(values): "\(attribute) in (\(values.joined(separator: ", ")))"
        case let .atLeast(number): "\(attribute) at least \(number)"
        }
    }

    /// Conditions that can never match are refused: `atLeast` on a text attribute, an empty
    /// value or list, a custom field without a name, a status that does not exist.
    public func validate(field: String = "condition") -> [FieldError] {
        var errors: [FieldError] = []
        if case let .customField(name) = attribute, name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: field, message: "the custom field needs a name"))
        }
        switch test {
        case .atLeast where !attribute.isNumeric:
            errors.append(FieldError(field: field, message: "\(attribute) is text; \"at least\" works on lead score, company size or a numeric custom field"))
        case let .equals(value), let .contains(value):
            if value.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError(field: field, message: "\(description): the value is empty"))
            } else if case .status = attribute, case .equals = test, (try? ContactStatus(parsing: value)) == nil {
                errors.append(FieldError(field: field, message: "status \"\(value)\": expected lead, prospect, customer or inactive"))
            }
        case let .inList(values):
            if values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                errors.append(FieldError(field: field, message: "\(attribute) in (…): the list is empty"))
            }
        default: break
        }
        return errors
    }
}
