/// The merge fields an email template may use (`{{contact.first_name}}`), and their values
/// for one recipient. The templates themselves are rendered by the core's Mustache engine;
/// this file decides which names exist and what they hold.
public enum MergeFields {
    public struct Field: Sendable, Hashable {
        /// `contact.first_name`
        public var name: String
        /// What a template author sees in the field picker.
        public var help: String
    }

    /// Every available field, grouped by object, in picker order.
    public static let all: [Field] = [
        Field(name: "contact.first_name", help: "first name"),
        Field(name: "contact.last_name", help: "last name"),
        Field(name: "contact.full_name", help: "first and last name"),
        Field(name: "contact.email", help: "email address"),
        Field(name: "contact.phone", help: "phone (E.164)"),
        Field(name: "contact.mobile", help: "mobile (E.164)"),
        Field(name: "contact.title", help: "job title"),
        Field(name: "contact.department", help: "department"),
        Field(name: "contact.city", help: "city"),
        Field(name: "contact.country", help: "country"),
        Field(name: "contact.status", help: "lead, prospect, customer or inactive"),
        Field(name: "company.name", help: "company name"),
        Field(name: "company.legal_name", help: "legal name"),
        Field(name: "company.industry", help: "industry"),
        Field(name: "company.website", help: "web site"),
        Field(name: "company.city", help: "headquarters city"),
        Field(name: "deal.name", help: "deal name"),
        Field(name: "deal.value", help: "deal value with currency, e.g. 1,250.00 EUR"),
        Field(name: "deal.stage", help: "current stage"),
        Field(name: "deal.expected_close_date", help: "expected close date (YYYY-MM-DD)"),
        Field(name: "sender.name", help: "the user sending the email"),
        Field(name: "sender.email", help: "the sender's email address"),
        Field(name: "org.name", help: "your organization's name"),
    ]

    public static let names: [String] = all.map(\.name)
    static let nameSet = Set(names)

    /// The sender of an email (the logged-in user).
    public struct Sender: Sendable, Hashable {
        public var name: String
        public var email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// The values of every field for one recipient; fields without a value map to "" so a
    /// template never shows a raw tag.
    public static func values(contact: Contact, company: Company? = nil, deal: Deal? = nil, stageName: String = "",
                              sender: Sender? = nil, organization: String = "") -> [String: String] {
        var values: [String: String] = Dictionary(uniqueKeysWithValues: names.map { ($0, "") })
        values["contact.first_name"] = contact.firstName
        values["contact.last_name"] = contact.lastName
        values["contact.full_name"] = contact.fullName
        values["contact.email"] = contact.email?.value ?? ""
        values["contact.phone"] = contact.phone?.e164 ?? ""
        values["contact.mobile"] = contact.mobile?.e164 ?? ""
        values["contact.title"] = contact.title
        values["contact.department"] = contact.department
        values["contact.city"] = contact.address.city
        values["contact.country"] = contact.address.country
        values["contact.status"] = contact.status.rawValue
        if let company {
            values["company.name"] = company.name
            values["company.legal_name"] = company.legalName.isEmpty ? company.name : company.legalName
            values["company.industry"] = company.industry
            values["company.website"] = company.website
            values["company.city"] = company.address.city
        }
        if let deal {
            values["deal.name"] = deal.name
            values["deal.value"] = deal.value.formattedWithCode
            values["deal.stage"] = stageName
            values["deal.expected_close_date"] = deal.expectedCloseDate?.description ?? ""
        }
        if let sender {
            values["sender.name"] = sender.name
            values["sender.email"] = sender.email
        }
        values["org.name"] = organization
        return values
    }
}
