/// The fields of a contact by name: what import columns map to, what a merge decides field by
/// field, what merge-field templates and segment conditions refer to.
///
/// `key` is the snake_case name used on the command line (`--map "Mail=email"`), in JSON and
/// in templates (`{{contact.first_name}}`); `label` is what a form shows.
public enum ContactField: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case mobile
    case title
    case department
    /// The company: its id on a contact, its name in an import file.
    case company
    case isPrimary = "is_primary"
    case addressLine1 = "address_line1"
    case addressLine2 = "address_line2"
    case city
    case state
    case postalCode = "postal_code"
    case country
    case source
    case leadScore = "lead_score"
    case status
    case tags
    case currentDeal = "current_deal"
    case customFields = "custom_fields"

    public var key: String { rawValue }
    public var description: String { rawValue }

    public var label: String {
        switch self {
        case .firstName: "first name"
        case .lastName: "last name"
        case .isPrimary: "primary contact"
        case .addressLine1: "address line 1"
        case .addressLine2: "address line 2"
        case .postalCode: "postal code"
        case .leadScore: "lead score"
        case .currentDeal: "current deal"
        case .customFields: "custom fields"
        default: rawValue
        }
    }

    /// The field's value on a contact as display text ("" when empty). The company and the
    /// current deal show their ids; screens replace them with names.
    public func text(of contact: Contact) -> String {
        switch self {
        case .firstName: contact.firstName
        case .lastName: contact.lastName
        case .email: contact.email?.value ?? ""
        case .phone: contact.phone?.e164 ?? ""
        case .mobile: contact.mobile?.e164 ?? ""
        case .title: contact.title
        case .department: contact.department
        case .company: contact.companyID.map { String($0.rawValue) } ?? ""
        case .isPrimary: contact.isPrimary ? "yes" : ""
        case .addressLine1: contact.address.line1
        case .addressLine2: contact.address.line2
        case .city: contact.address.city
        case .state: contact.address.state
        case .postalCode: contact.address.postalCode
        case .country: contact.address.country
        case .source: contact.source
        case .leadScore: String(contact.leadScore)
        case .status: contact.status.rawValue
        case .tags: contact.tags.joined(separator: ", ")
        case .currentDeal: contact.currentDealID.map { String($0.rawValue) } ?? ""
        case .customFields: contact.customFields.keys.sorted().map { "\($0)=\(contact.customFields[$0]!)" }.joined(separator: ", ")
        }
    }

    /// Copies this one field from `source` into `target`.
    public func copy(from source: Contact, into target: inout Contact) {
        switch self {
        case .firstName: target.firstName = source.firstName
        case .lastName: target.lastName = source.lastName
        case .email: target.email = source.email
        case .phone: target.phone = source.phone
        case .mobile: target.mobile = source.mobile
        case .title: target.title = source.title
        case .department: target.department = source.department
        case .company: target.companyID = source.companyID
        case .isPrimary: target.isPrimary = source.isPrimary
        case .addressLine1: target.address.line1 = source.address.line1
        case .addressLine2: target.address.line2 = source.address.line2
        case .city: target.address.city = source.address.city
        case .state: target.address.state = source.address.state
        case .postalCode: target.address.postalCode = source.address.postalCode
        case .country: target.address.country = source.address.country
        case .source: target.source = source.source
        case .leadScore: target.leadScore = source.leadScore
        case .status: target.status = source.status
        case .tags: target.tags = source.tags
        case .currentDeal: target.currentDealID = source.currentDealID
        case .customFields: target.customFields = source.customFields
        }
    }

    /// True when the field holds nothing on this contact (status and lead score always hold
    /// something; a lead score of 0 and the status `lead` count as the defaults, i.e. empty).
    public func isEmpty(on contact: Contact) -> Bool {
        switch self {
        case .leadScore: contact.leadScore == 0
        case .status: contact.status == .lead
        case .isPrimary: !contact.isPrimary
        default: text(of: contact).isEmpty
        }
    }
}
