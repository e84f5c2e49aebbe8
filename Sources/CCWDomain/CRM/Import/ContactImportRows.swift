import Foundation

/// The rows of a contact import file parsed on their own, before they are compared with the
/// stored contacts: the header mapping, and per row its line, the contact (validated, phones
/// in E.164, `companyID` set when the company exists) or why it is bad.
///
/// The first half of `ContactImportPlan`: the core parses the file once, reads the stored
/// contacts that share one of `lookupKeys` with a row, then finishes the plan with
/// `ContactImportPlan(parsed:existing:)`.
public struct ContactImportRows: Sendable {
    /// One data row of the file.
    public struct Row: Sendable {
        public var line: Int
        /// The parsed contact; nil when a field or the row's structure is bad.
        public var contact: Contact?
        /// The company named in the row (set for parsed rows).
        public var companyName: String?
        /// Structural and field problems; a row with a contact may still carry structural ones.
        public var errors: [String]
    }

    /// What to read of the stored contacts: those with one of these emails (`matchKey`),
    /// phone or mobile numbers (E.164), or companies.
    public struct LookupKeys: Sendable, Hashable {
        public var emails: Set<String> = []
        public var phones: Set<String> = []
        public var companies: Set<CompanyID> = []
    }

    public let mapping: HeaderMapping<ContactColumn>
    public let rows: [Row]
    /// Names of the stored companies by id (for comparing companies by name).
    let companyNames: [CompanyID: String]

    /// - Throws: `MappingError` when the header cannot be mapped, `InputError` for an empty file.
    public init(records: [CSVRecord], overrides: [String] = [], defaultCountry: PhoneCountry?,
                companies: [Company] = []) throws {
        guard let header = records.first else { throw InputError("the file is empty (expected a header row and contacts)") }
        let name: [ContactColumn] = [.field(.firstName), .field(.lastName), .fullName]
        mapping = try HeaderMapping(headers: header.fields, overrides: overrides,
                                    required: [(name, "the contact's name (e.g. \"First name\", \"Last name\" or \"Name\")")])
        var companyIDs: [String: CompanyID] = [:]
        var companyNames: [CompanyID: String] = [:]
        for company in companies {
            guard let id = company.id else { continue }
            companyNames[id] = company.name
            let key = DuplicateDetector.companyKey(company.name)
            if companyIDs[key] == nil { companyIDs[key] = id }
        }
        self.companyNames = companyNames
        rows = MappedRecords.rows(records, mapping: mapping).map { mapped in
            var row = Row(line: mapped.line, contact: nil, companyName: nil, errors: mapped.problems)
            let draft = ContactImportPlan.draft(mapped)
            switch draft.parse(defaultCountry: defaultCountry) {
            case let .failure(errors): row.errors += errors.errors.map(MappedRecords.reason)
            case var .success(contact):
                row.companyName = draft.companyName
                if let company = row.companyName {
                    contact.companyID = companyIDs[DuplicateDetector.companyKey(company)]
                }
                row.contact = contact
            }
            return row
        }
    }

    /// The emails, phone numbers and companies of the rows that parsed: the stored contacts
    /// sharing none of them cannot be a duplicate of any row nor own a row's email.
    public var lookupKeys: LookupKeys {
        var keys = LookupKeys()
        for row in rows {
            guard let contact = row.contact else { continue }
            if let email = contact.email { keys.emails.insert(email.matchKey) }
            for phone in [contact.phone, contact.mobile] { if let phone { keys.phones.insert(phone.e164) } }
            if let company = contact.companyID { keys.companies.insert(company) }
        }
        return keys
    }
}
