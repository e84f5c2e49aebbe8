/// A field an import column can be mapped to: a name for `--map "Col=key"`, and the header
/// names that map to it by themselves.
public protocol ImportField: Sendable, Hashable, CustomStringConvertible {
    /// Every field a column may fill, in the order a preview shows them.
    static var importable: [Self] { get }
    /// The name used in `--map` and messages (`first_name`).
    var key: String { get }
    /// Header spellings that mean this field, compared after `TextMatching.key` (case,
    /// accents, spaces and punctuation ignored): `E-mail`, `Email Address`, `email` are one.
    var synonyms: [String] { get }
}

/// A column of a contact import: a contact field, or a full name to split into first and
/// last name (used only when the file has no first/last name columns for the row).
public enum ContactColumn: ImportField {
    case field(ContactField)
    case fullName

    public static let importable: [ContactColumn] = ContactField.allCases
        .filter { $0 != .customFields && $0 != .currentDeal }.map { .field($0) } + [.fullName]

    public var key: String {
        switch self {
        case let .field(field): field.key
        case .fullName: "full_name"
        }
    }

    public var description: String { key }

    public var synonyms: [String] {
        switch self {
        case .fullName: ["name", "full name", "contact name", "contact", "person"]
        case let .field(field):
            switch field {
            case .firstName: ["first name", "firstname", "given name", "forename", "first", "vorname", "prénom"]
            case .lastName: ["last name", "lastname", "surname", "family name", "last", "nachname", "nom"]
            case .email: ["email", "e-mail", "email address", "e-mail address", "mail", "work email", "e-mail-adresse"]
            case .phone: ["phone", "telephone", "tel", "phone number", "work phone", "business phone", "office phone",
                          "telefon", "telefonnummer"]
            case .mobile: ["mobile", "mobile phone", "mobile number", "cell", "cell phone", "cellphone", "handy", "mobil"]
            case .title: ["title", "job title", "position", "role", "job", "funktion"]
            case .department: ["department", "dept", "division", "abteilung"]
            case .company: ["company", "company name", "organisation", "organization", "account", "account name", "org",
                            "employer", "firma", "unternehmen"]
            case .isPrimary: ["primary", "is primary", "primary contact", "main contact"]
            case .addressLine1: ["address", "address line 1", "address 1", "street", "street address", "street 1",
                                 "strasse", "straße", "anschrift"]
            case .addressLine2: ["address line 2", "address 2", "street 2", "address extra"]
            case .city: ["city", "town", "locality", "ort", "stadt"]
            case .state: ["state", "region", "province", "county", "state/province", "bundesland"]
            case .postalCode: ["postal code", "postcode", "zip", "zip code", "plz", "postleitzahl"]
            case .country: ["country", "country code", "land", "nation"]
            case .source: ["source", "lead source", "origin", "quelle"]
            case .leadScore: ["lead score", "score"]
            case .status: ["status", "contact status", "lifecycle stage"]
            case .tags: ["tags", "tag", "labels", "label", "keywords", "categories"]
            case .currentDeal, .customFields: []
            }
        }
    }
}

/// The fields of a company import.
public enum CompanyField: String, ImportField, CaseIterable {
    case name, legalName = "legal_name", industry, website, employeeCount = "employees"
    case annualRevenue = "annual_revenue", phone, email
    case addressLine1 = "address_line1", addressLine2 = "address_line2", city, state
    case postalCode = "postal_code", country, status
    case parentCompany = "parent_company", tags

    public static var importable: [CompanyField] { allCases }
    public var key: String { rawValue }
    public var description: String { rawValue }

    public var synonyms: [String] {
        switch self {
        case .name: ["name", "company", "company name", "organisation", "organization", "account", "account name", "firma"]
        case .legalName: ["legal name", "registered name", "legal entity", "firmierung"]
        case .industry: ["industry", "sector", "branch", "branche", "vertical"]
        case .website: ["website", "web site", "web", "url", "homepage", "domain", "www"]
        case .employeeCount: ["employees", "employee count", "number of employees", "company size", "size", "headcount",
                              "mitarbeiter"]
        case .annualRevenue: ["annual revenue", "revenue", "turnover", "umsatz"]
        case .phone: ["phone", "telephone", "tel", "phone number", "main phone", "telefon"]
        case .email: ["email", "e-mail", "email address", "mail"]
        case .addressLine1: ["address", "address line 1", "street", "street address", "strasse", "straße"]
        case .addressLine2: ["address line 2", "address 2", "street 2"]
        case .city: ["city", "town", "ort", "stadt"]
        case .state: ["state", "region", "province", "county", "bundesland"]
        case .postalCode: ["postal code", "postcode", "zip", "zip code", "plz"]
        case .country: ["country", "country code", "land"]
        case .status: ["status", "account status"]
        case .parentCompany: ["parent", "parent company", "parent account", "parent organization", "holding", "mutter"]
        case .tags: ["tags", "tag", "labels", "categories"]
        }
    }
}
